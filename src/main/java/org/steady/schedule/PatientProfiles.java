package org.steady.schedule;

import java.time.ZoneId;
import java.util.Optional;
import org.steady.chat.PatientRef;

/**
 * What the schedule needs of the patients store. It keeps {@code symptom_watch} (Boolean) and
 * {@code planned_step_today} (String or null) on the profile, where the daily check-in reads
 * them as {@code patient.<field>}, so the script can ask about a taper step without dose logic.
 */
interface PatientProfiles {

  /** @param value null clears the field */
  void set(String patientId, String field, Object value);

  /** The patient's zone from their profile (UTC when unset or unknown). */
  ZoneId zone(String patientId);

  Optional<PatientRef> ref(String patientId);
}
