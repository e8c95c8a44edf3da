package org.steady.care;

import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What care and escalation need to know about a patient: how to address them and what to call
 * them in an alert. Read from the shell's {@code patients} collection.
 */
public interface PatientDirectory {

  Optional<Info> find(String patientId);

  /** A patient as seen by care and escalation; {@code profile} holds what scripts saved. */
  record Info(String patientId, String channel, String chatId, @Nullable String name,
      String locale, ZoneId zone, Map<String, Object> profile) {

    /** The name to use in a contact's alert; never empty. */
    public String displayName() {
      return name == null || name.isBlank() ? "the person who invited you" : name;
    }
  }
}
