package org.steady.schedule;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.steady.chat.EffectHandler;
import org.steady.chat.PatientRef;
import org.steady.engine.Effect;
import org.steady.engine.Severity;

/**
 * Counts missed check-in days from the check-in script's {@link Effect.ConversationEnded}:
 * {@code missed} and {@code gave_up} are missed days, {@code skipped} ("Not today, I'm OK") is
 * not, and any other ending answered the check-in. After K consecutive missed days
 * ({@code steady.schedule.missed-days-escalation}) a {@code concern} escalation is raised with id
 * {@code missed:<patientId>:<date>}, and again every further K missed days.
 *
 * <p>The day is the date of the check-in that was fired (a check-in that gives up after
 * midnight still belongs to its own day); a check-in started by hand counts for today.
 */
@Component
class MissedDays implements EffectHandler {
  private final CheckinDays days;
  private final Schedules schedules;
  private final ScheduleEscalations escalations;
  private final ScheduleProperties props;
  private final Clock clock;
  private final PatientProfiles profiles;

  MissedDays(CheckinDays days, Schedules schedules, ScheduleEscalations escalations,
      ScheduleProperties props, Clock clock, PatientProfiles profiles) {
    this.profiles = profiles;
    this.days = days;
    this.schedules = schedules;
    this.escalations = escalations;
    this.props = props;
    this.clock = clock;
  }

  @Override
  public boolean handles(Effect effect) {
    return effect instanceof Effect.ConversationEnded
        && ((Effect.ConversationEnded) effect).scriptId().equals(props.checkinScript());
  }

  @Override
  public void handle(PatientRef patient, Effect effect, String effectId) {
    String outcome = outcome(((Effect.ConversationEnded) effect).outcome());
    Optional<ScheduleDoc> doc = schedules.find(patient.patientId());
    ZoneId zone = doc.map(ScheduleDoc::zone)
        .orElseGet(() -> profiles.zone(patient.patientId()));
    LocalDate today = clock.instant().atZone(zone).toLocalDate();
    LocalDate last = doc.map(ScheduleDoc::lastDate).orElse(null);
    LocalDate date = last != null && !last.isAfter(today) && !last.isBefore(today.minusDays(1))
        ? last : today;
    days.record(patient.patientId(), date, outcome);
    if (!outcome.equals("missed")) {
      return;
    }
    int k = props.missedDaysEscalation();
    int streak = days.missedStreak(patient.patientId(), 10 * k);
    if (streak > 0 && streak % k == 0) {
      escalations.raise(patient, "missed:" + patient.patientId() + ":" + date,
          Severity.CONCERN,
          "No daily check-in answered on " + streak + " check-in days in a row (latest " + date
              + "). A short, kind message to see how they are may help.",
          "schedule:missed_days", Map.of("missed_days", streak, "latest", date.toString()));
    }
  }

  static String outcome(String ended) {
    if (ended.equals("missed") || ended.equals("gave_up")) {
      return "missed";
    }
    return ended.equals("skipped") ? "skipped" : "completed";
  }
}
