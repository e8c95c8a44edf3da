package org.steady.escalation;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.steady.care.CareContact;
import org.steady.care.PatientDirectory;
import org.steady.engine.Effect;

/**
 * Words of alerts to contacts and staff: factual, short, no diagnosis, no advice about
 * medicines. The answers behind an alert appear only when {@code withEvidence} (the patient's
 * consent for that contact).
 */
final class AlertTexts {
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("EEE d MMM, HH:mm", Locale.ENGLISH);

  private AlertTexts() {}

  static String alert(Escalation e, PatientDirectory.Info p, int index, boolean staff,
      boolean withEvidence) {
    StringBuilder b = new StringBuilder("Steady alert (")
        .append(e.severity().wireName()).append(")\n")
        .append("About: ").append(p.displayName()).append(staff ? " [" + p.patientId() + "]" : "")
        .append("\nWhat happened: ").append(e.reason())
        .append("\nWhen: ").append(when(e.raisedAt(), p.zone()));
    if (withEvidence && !e.evidence().isEmpty()) {
      b.append("\nTheir answers:");
      for (Map.Entry<String, Object> a : e.evidence().entrySet()) {
        b.append("\n• ").append(a.getKey()).append(": ").append(a.getValue());
      }
    }
    if (index > 0) {
      b.append(staff ? "\nNo care contact acknowledged this alert in time."
          : "\nAn earlier contact has not acknowledged this alert yet.");
    }
    b.append("\nPlease check in with them. If you believe they are in immediate danger, call"
        + " the local emergency number. Tap a button to let us know you have seen this.");
    return b.toString();
  }

  static List<List<Effect.Button>> buttons(String ref) {
    return List.of(List.of(new Effect.Button("Acknowledge", "ack:" + ref),
        new Effect.Button("I've contacted them", "contacted:" + ref)));
  }

  static String acknowledgedByOther(String who, PatientDirectory.Info p) {
    return who + " has acknowledged the alert about " + p.displayName()
        + ". No action is needed from you for this alert.";
  }

  static String who(CareContact c) {
    return c.displayName() + (c.role() == null ? "" : " (" + c.role().label() + ")");
  }

  static String when(Instant at, ZoneId zone) {
    return WHEN.format(at.atZone(zone)) + " (" + zone.getId() + ")";
  }
}
