/**
 * Care contacts with consent: one-time invite codes, linking a clinician, family member or peer
 * supporter after the patient confirms, the order in which contacts are alerted, and what each
 * contact may see (alerts always; the answers behind an alert and a weekly summary only if the
 * patient chose so).
 */
@NullMarked
package org.steady.care;

import org.jspecify.annotations.NullMarked;
