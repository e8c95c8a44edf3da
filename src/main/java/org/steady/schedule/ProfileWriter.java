package org.steady.schedule;

/**
 * Writes a value onto a patient's profile, where scripts read it as {@code patient.<field>}.
 * The schedule keeps {@code symptom_watch} (Boolean) and {@code planned_step_today} (String or
 * null) there so the daily check-in can ask about a taper step without any dose logic.
 */
interface ProfileWriter {

  /** @param value null clears the field */
  void set(String patientId, String field, Object value);
}
