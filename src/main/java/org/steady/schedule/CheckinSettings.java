package org.steady.schedule;

import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Set;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;
import org.steady.chat.PatientRef;

/**
 * Changes to a patient's schedule, from onboarding (profile effects) or the commands: time,
 * zone, days, pause and resume. Each change recomputes the next check-in at once.
 */
@Component
class CheckinSettings {
  private final Schedules schedules;
  private final Clock clock;
  private final PatientProfiles profiles;

  CheckinSettings(Schedules schedules, Clock clock, PatientProfiles profiles) {
    this.profiles = profiles;
    this.schedules = schedules;
    this.clock = clock;
  }

  /** "8:30", "08:30", "20:05"; empty when it is not a time of day. */
  static Optional<LocalTime> parseTime(String s) {
    String t = s == null ? "" : s.trim().replace('.', ':');
    if (t.matches("\\d{1,2}")) {
      t = t + ":00";
    }
    if (!t.matches("\\d{1,2}:\\d{2}")) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalTime.parse(t.length() == 4 ? "0" + t : t));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  ScheduleDoc time(PatientRef p, LocalTime time) {
    return schedules.change(p, withZone(p, Updates.set("time", time.toString())));
  }

  ScheduleDoc zone(PatientRef p, ZoneId zone) {
    return schedules.change(p, Updates.set("zone", zone.getId()));
  }

  ScheduleDoc days(PatientRef p, Set<DayOfWeek> days) {
    return schedules.change(p, withZone(p, Updates.set("days", ScheduleDoc.dayNumbers(days))));
  }

  /** No check-ins before {@code resumeOn}. */
  ScheduleDoc pauseUntil(PatientRef p, LocalDate resumeOn) {
    return schedules.change(p, withZone(p, Updates.set("resumeOn", resumeOn.toString())));
  }

  ScheduleDoc resume(PatientRef p) {
    return schedules.change(p, Updates.unset("resumeOn"));
  }

  /** A new schedule starts in the zone the patient's profile already has. */
  private Bson withZone(PatientRef p, Bson update) {
    if (schedules.find(p.patientId()).isPresent()) {
      return update;
    }
    return Updates.combine(update, Updates.set("zone", profiles.zone(p.patientId()).getId()));
  }

  Optional<ScheduleDoc> current(String patientId) {
    return schedules.find(patientId);
  }

  LocalDate today(ScheduleDoc doc) {
    return clock.instant().atZone(doc.zone()).toLocalDate();
  }
}
