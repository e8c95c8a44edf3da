/**
 * Escalations: crisis resources for the patient at once, alerts to care contacts in order with
 * acknowledgement and re-escalation, the staff alert chat as the last resort, the weekly summary,
 * and a full timeline per escalation for audit.
 */
@NullMarked
package org.steady.escalation;

import org.jspecify.annotations.NullMarked;
