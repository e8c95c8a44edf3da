/**
 * Schedules: each patient's daily check-in in their own time zone (DST-correct), durable engine
 * timers, quiet hours, missed-day counting, the prescriber's taper plan with its step reminders
 * and symptom watch, and the commands /pause, /resume and /settings. Every firing is keyed so
 * that several instances over one MongoDB fire each occurrence once (see docs/schedules.md).
 */
@NullMarked
package org.steady.schedule;

import org.jspecify.annotations.NullMarked;
