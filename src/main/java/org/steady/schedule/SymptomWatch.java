package org.steady.schedule;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.springframework.stereotype.Component;
import org.steady.chat.EffectHandler;
import org.steady.chat.Outbox;
import org.steady.chat.PatientRef;
import org.steady.engine.Effect;
import org.steady.engine.Severity;

/**
 * Watches symptoms after a taper step. Every {@code symptom_score} answer is kept per local
 * day. In the {@code watch-days} from a step's start, a score that clearly rises above the
 * patient's own baseline (mean of the {@code baseline-days} before the step) — at least
 * {@code baseline + max(3, 50 % of baseline)} — raises one {@code concern} escalation per step
 * suggesting the prescriber consider slowing or pausing, and offers the patient the "I'd like to
 * talk about the pace" button ({@link PaceTalk}). It never names or suggests a dose.
 */
@Component
class SymptomWatch implements EffectHandler {
  static final String VARIABLE = "symptom_score";
  static final double MIN_RISE = 3.0;

  private final SymptomScores scores;
  private final Schedules schedules;
  private final ScheduleEscalations escalations;
  private final Outbox outbox;
  private final ScheduleProperties props;
  private final Clock clock;
  private final PatientProfiles profiles;

  SymptomWatch(SymptomScores scores, Schedules schedules, ScheduleEscalations escalations,
      Outbox outbox, ScheduleProperties props, Clock clock, PatientProfiles profiles) {
    this.profiles = profiles;
    this.scores = scores;
    this.schedules = schedules;
    this.escalations = escalations;
    this.outbox = outbox;
    this.props = props;
    this.clock = clock;
  }

  @Override
  public boolean handles(Effect effect) {
    return effect instanceof Effect.RecordAnswer
        && ((Effect.RecordAnswer) effect).variable().equals(VARIABLE)
        && ((Effect.RecordAnswer) effect).value() instanceof Number;
  }

  @Override
  public void handle(PatientRef patient, Effect effect, String effectId) {
    double score = ((Number) ((Effect.RecordAnswer) effect).value()).doubleValue();
    Optional<ScheduleDoc> doc = schedules.find(patient.patientId());
    ZoneId zone = doc.map(ScheduleDoc::zone)
        .orElseGet(() -> profiles.zone(patient.patientId()));
    LocalDate today = clock.instant().atZone(zone).toLocalDate();
    scores.record(patient.patientId(), today, score);
    Optional<LocalDate> step = doc.flatMap(d -> watchedStep(d.watchStarts(), today));
    if (step.isEmpty()) {
      return;
    }
    LocalDate s = step.get();
    OptionalDouble baseline = scores.mean(patient.patientId(), s.minusDays(props.baselineDays()), s);
    if (baseline.isEmpty() || !clearRise(baseline.getAsDouble(), score)) {
      return;
    }
    String pid = patient.patientId();
    escalations.raise(patient, "symptoms:" + pid + ":" + s, Severity.CONCERN,
        String.format(java.util.Locale.ROOT, "Symptom score rose to %.0f after the taper step of "
            + "%s (own baseline before the step: %.1f). The prescriber may want to consider "
            + "slowing or pausing the taper.", score, s, baseline.getAsDouble()),
        "schedule:symptom_watch", Map.of("symptom_score", score,
            "baseline", baseline.getAsDouble(), "step_start", s.toString()));
    outbox.enqueue("pace-offer:" + pid + ":" + s, pid, patient.channel(), patient.chatId(),
        "send", ScheduleTexts.get("pace_offer", patient.locale()),
        List.of(List.of(new Effect.Button(ScheduleTexts.get("pace_button", patient.locale()),
            "pace:talk:" + s))), null, false);
  }

  /** The most recent step whose watch window contains {@code date}. */
  Optional<LocalDate> watchedStep(List<LocalDate> starts, LocalDate date) {
    return starts.stream()
        .filter(s -> !date.isBefore(s) && date.isBefore(s.plusDays(props.watchDays())))
        .max(LocalDate::compareTo);
  }

  static boolean clearRise(double baseline, double score) {
    return score >= baseline + Math.max(MIN_RISE, 0.5 * baseline);
  }
}
