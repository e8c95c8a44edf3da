package org.steady.schedule;

import org.steady.testing.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.steady.chat.Inbound;
import org.steady.chat.PatientRef;
import org.steady.engine.Effect;
import org.steady.engine.Severity;

/** A taper step's reminder in the plan's words, and the symptom watch after it. */
class TaperStepIT {
  private final MongoServer server = Rig.server();
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T06:00:00Z"));
  private final Rig rig = new Rig(server, clock, ScheduleProperties.defaults(), new Rig.Profiles());
  private final PatientRef p = rig.profiles.add("9", "America/New_York");

  @AfterEach
  void stop() {
    rig.close();
    server.shutdownNow();
  }

  /** Runs one day: the check-in fires (09:00 local), then the check-in records a score. */
  private void day(double score) {
    day(p, score);
  }

  private void day(PatientRef who, double score) {
    Instant end = clock.instant().plus(Duration.ofDays(1));
    while (clock.instant().isBefore(end)) {
      clock.advance(Duration.ofMinutes(10));
      rig.ticker.tick();
    }
    rig.effect(who, new Effect.RecordAnswer("symptom_score", score, null, null),
        "in:" + who.chatId() + ":" + clock.instant() + ":3");
  }

  private void planWithStepOn(String date) {
    planWithStepOn(p, date);
  }

  private void planWithStepOn(PatientRef who, String date) {
    TaperPlan plan = TaperPlanReader.read(Map.of("steps", List.of(
        Map.of("start", date, "medication", "clonazepam", "dose", "0.75 mg at night"))));
    rig.plans.save(who.patientId(), plan);
    rig.schedules.change(who, Updates.set("watchStarts", List.of(date)));
  }

  @SuppressWarnings("unchecked")
  private List<String> labels(String outboxId) {
    return ((List<List<Effect.Button>>) rig.outbox.byId.get(outboxId).get(2)).stream()
        .flatMap(List::stream).map(Effect.Button::label).toList();
  }

  @Test
  void stepDayRemindsInThePlansWordsAndAWatchFollows() {
    rig.settings.time(p, LocalTime.of(9, 0));
    rig.settings.days(p, java.util.EnumSet.of(java.time.DayOfWeek.MONDAY));
    planWithStepOn("2026-11-25");
    for (int i = 0; i < 15; i++) {
      day(2);
      String date = clock.instant().atZone(java.time.ZoneId.of("America/New_York"))
          .toLocalDate().minusDays(1).toString();
      if (date.equals("2026-11-25")) {
        assertThat(rig.profiles.get(p.patientId(), "planned_step_today"))
            .isEqualTo("clonazepam: 0.75 mg at night");
        assertThat(rig.profiles.get(p.patientId(), "symptom_watch")).isEqualTo(true);
      }
      if (date.equals("2026-11-26")) {
        assertThat(rig.profiles.get(p.patientId(), "planned_step_today")).isNull();
      }
    }
    assertThat(rig.outbox.text("taper:telegram:9:2026-11-25"))
        .contains("clonazepam: 0.75 mg at night", "contact your prescriber");
    // Mondays only, but daily during the 7-day watch from Wednesday 25th
    assertThat(rig.inbox.stored).filteredOn(i -> i.kind() == Inbound.Kind.START)
        .extracting(i -> i.externalId().split(":")[3]).containsExactly("2026-11-23",
            "2026-11-25", "2026-11-26", "2026-11-27", "2026-11-28", "2026-11-29", "2026-11-30",
            "2026-12-01", "2026-12-07");
    // the flag is set for the day at each check-in: the first one after the watch clears it
    assertThat(rig.profiles.get(p.patientId(), "symptom_watch")).isEqualTo(false);
    assertThat(rig.raised.byId).isEmpty();
  }

  @Test
  void clearRiseAfterTheStepRaisesAConcernAndOffersToTalkAboutThePace() {
    rig.settings.time(p, LocalTime.of(9, 0));
    planWithStepOn("2026-11-27");
    for (double s : new double[] {3, 4, 3, 4}) {
      day(s);
    }
    day(5);
    day(9);
    assertThat(rig.raised.byId).containsOnlyKeys("symptoms:telegram:9:2026-11-27");
    Effect.RaiseEscalation e = rig.raised.byId.get("symptoms:telegram:9:2026-11-27");
    assertThat(e.severity()).isEqualTo(Severity.CONCERN);
    assertThat(e.reason()).contains("slowing or pausing").doesNotContainPattern("\\d+ ?mg");
    assertThat(rig.outbox.text("pace-offer:telegram:9:2026-11-27"))
        .startsWith("Your symptoms seem stronger");
    assertThat(labels("pace-offer:telegram:9:2026-11-27"))
        .containsExactly("I'd like to talk about the pace");
    day(10);
    assertThat(rig.raised.byId).hasSize(1);

    Rig.Replies replies = new Rig.Replies();
    Inbound press = new Inbound("telegram", "9", "u1", Inbound.Kind.BUTTON, null, null, null,
        "pace:talk:2026-11-27", null, "en", clock.instant());
    assertThat(rig.paceTalk.intercept(press, Optional.of(p), replies)).isTrue();
    assertThat(rig.raised.byId).containsKey("pace:telegram:9:2026-11-27");
    assertThat(replies.last()).contains("care contacts", "prescriber");
  }

  @Test
  void spanishPatientGetsTheStepReminderInSpanishWithThePrescribersWordsAsEntered() {
    PatientRef es = rig.profiles.add("10", "America/New_York", "es");
    for (PatientRef who : List.of(p, es)) {
      rig.settings.time(who, LocalTime.of(9, 0));
      planWithStepOn(who, "2026-11-24");
    }
    day(2);
    day(2);
    assertThat(rig.outbox.text("taper:telegram:10:2026-11-24")).isEqualTo(
        "Hoy empieza un nuevo paso de tu plan, tal como lo escribió quien te receta:\n"
            + "clonazepam: 0.75 mg at night\n"
            + "Si tienes cualquier duda sobre él, contacta con quien te receta.");
    assertThat(rig.outbox.text("taper:telegram:9:2026-11-24"))
        .startsWith("Today a new step of your taper plan starts")
        .contains("\nclonazepam: 0.75 mg at night\n");
  }

  @Test
  void stepReminderFollowsALanguageChosenAfterTheScheduleWasSet() {
    rig.settings.time(p, LocalTime.of(9, 0));
    planWithStepOn("2026-11-24");
    rig.commands.intercept(CheckinScheduleIT.command("settings", "language es"), Optional.of(p),
        new Rig.Replies());
    day(2);
    day(2);
    assertThat(rig.outbox.text("taper:telegram:9:2026-11-24"))
        .startsWith("Hoy empieza un nuevo paso de tu plan");
  }

  @Test
  void spanishPatientIsOfferedToTalkAboutThePaceInSpanish() {
    PatientRef es = rig.profiles.add("10", "America/New_York", "es");
    rig.settings.time(es, LocalTime.of(9, 0));
    planWithStepOn(es, "2026-11-27");
    for (double s : new double[] {3, 4, 3, 4, 5, 9}) {
      day(es, s);
    }
    assertThat(rig.outbox.text("pace-offer:telegram:10:2026-11-27"))
        .startsWith("Parece que tus síntomas son más fuertes").contains("Quien te receta decide sobre el plan");
    assertThat(labels("pace-offer:telegram:10:2026-11-27"))
        .containsExactly("Me gustaría hablar del ritmo");

    Rig.Replies replies = new Rig.Replies();
    Inbound press = new Inbound("telegram", "10", "u1", Inbound.Kind.BUTTON, null, null, null,
        "pace:talk:2026-11-27", null, "es", clock.instant());
    assertThat(rig.paceTalk.intercept(press, Optional.of(es), replies)).isTrue();
    assertThat(replies.last()).isEqualTo("Gracias por decírmelo. He avisado a tus contactos de "
        + "cuidado de que te gustaría hablar del ritmo. Habla también con quien te receta: "
        + "puede revisar el plan contigo.");
  }

  @Test
  void smallRiseIsNotAClearRise() {
    assertThat(SymptomWatch.clearRise(4, 6)).isFalse();
    assertThat(SymptomWatch.clearRise(4, 7)).isTrue();
    assertThat(SymptomWatch.clearRise(10, 14)).isFalse();
    assertThat(SymptomWatch.clearRise(10, 15)).isTrue();
  }
}
