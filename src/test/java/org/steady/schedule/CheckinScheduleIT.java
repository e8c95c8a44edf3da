package org.steady.schedule;

import org.steady.testing.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.MongoServer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.steady.chat.Inbound;
import org.steady.chat.PatientRef;
import org.steady.engine.Effect;

/** Check-ins through the store and ticker with a controlled clock. */
class CheckinScheduleIT {
  private final MongoServer server = Rig.server();
  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T00:00:00Z"));
  private final Rig rig = new Rig(server, clock, ScheduleProperties.defaults(), new Rig.Profiles());

  @AfterEach
  void stop() {
    rig.close();
    server.shutdownNow();
  }

  private void runUntil(Instant end, Duration step) {
    while (clock.instant().isBefore(end)) {
      clock.advance(step);
      rig.ticker.tick();
    }
  }

  /** Local date and time (in zone) at which each START of this patient reached the inbox. */
  private Map<String, LocalTime> startsOf(PatientRef p, ZoneId zone) {
    return rig.inbox.stored.stream()
        .filter(i -> i.kind() == Inbound.Kind.START && i.chatId().equals(p.chatId()))
        .collect(Collectors.toMap(i -> i.at().atZone(zone).toLocalDate().toString(),
            i -> i.at().atZone(zone).toLocalTime(), (a, b) -> {
              throw new AssertionError("two check-ins on one day");
            }));
  }

  @Test
  void berlinAndNewYorkPatientsCheckInAtLocalTimeAcrossTheirDstChanges() {
    ZoneId berlin = ZoneId.of("Europe/Berlin");
    ZoneId newYork = ZoneId.of("America/New_York");
    PatientRef anna = rig.profiles.add("1", berlin.getId());
    PatientRef ben = rig.profiles.add("2", newYork.getId());
    rig.effect(anna, new Effect.UpdateProfile("patient.checkin_time", "08:00"), "in:1:0");
    rig.effect(ben, new Effect.UpdateProfile("checkin_time", "02:30"), "in:2:0");
    runUntil(Instant.parse("2026-04-02T00:00:00Z"), Duration.ofMinutes(5));

    Map<String, LocalTime> a = startsOf(anna, berlin);
    Map<String, LocalTime> b = startsOf(ben, newYork);
    assertThat(a).hasSize(32).containsKeys("2026-03-28", "2026-03-29", "2026-03-30");
    assertThat(a.values()).allSatisfy(t -> assertThat(t).isBetween(LocalTime.of(8, 0),
        LocalTime.of(8, 5)));
    assertThat(b).containsKeys("2026-03-07", "2026-03-08", "2026-03-09");
    assertThat(b).hasSize(32);
    // 02:30 does not exist on 8 March in New York: it fires once, an hour later (03:30 EDT)
    assertThat(b.get("2026-03-08")).isBetween(LocalTime.of(3, 30), LocalTime.of(3, 35));
    assertThat(b.get("2026-03-09")).isBetween(LocalTime.of(2, 30), LocalTime.of(2, 35));
    assertThat(rig.inbox.stored).extracting(Inbound::externalId)
        .contains("checkin:telegram:1:2026-03-29:daily", "checkin:telegram:2:2026-03-08:daily");
    assertThat(rig.inbox.stored).filteredOn(i -> i.kind() == Inbound.Kind.START)
        .extracting(Inbound::command).containsOnly("daily-checkin");
  }

  @Test
  void autumnOverlapFiresOnceInBothZones() {
    clock.set(Instant.parse("2026-10-23T00:00:00Z"));
    PatientRef anna = rig.profiles.add("1", "Europe/Berlin");
    PatientRef ben = rig.profiles.add("2", "America/New_York");
    rig.settings.time(anna, LocalTime.of(2, 30));
    rig.settings.time(ben, LocalTime.of(1, 30));
    runUntil(Instant.parse("2026-11-04T00:00:00Z"), Duration.ofMinutes(5));
    Map<String, LocalTime> a = startsOf(anna, ZoneId.of("Europe/Berlin"));
    Map<String, LocalTime> b = startsOf(ben, ZoneId.of("America/New_York"));
    assertThat(a).containsKey("2026-10-25").hasSize(12);
    assertThat(b).containsKey("2026-11-01").hasSize(12);
  }

  @Test
  void pauseSkipsDaysAndResumeBringsCheckInsBack() {
    clock.set(Instant.parse("2026-11-23T06:00:00Z"));
    PatientRef p = rig.profiles.add("1", "Europe/Berlin");
    rig.settings.time(p, LocalTime.of(9, 0));
    Rig.Replies r = new Rig.Replies();
    rig.commands.intercept(command("pause", "3 days"), java.util.Optional.of(p), r);
    assertThat(r.last()).contains("paused", "Thu 26 Nov at 09:00");
    runUntil(Instant.parse("2026-11-25T12:00:00Z"), Duration.ofMinutes(15));
    assertThat(startsOf(p, ZoneId.of("Europe/Berlin"))).isEmpty();

    rig.commands.intercept(command("resume", ""), java.util.Optional.of(p), r);
    assertThat(r.last()).contains("back on", "Thu 26 Nov at 09:00");
    runUntil(Instant.parse("2026-11-27T12:00:00Z"), Duration.ofMinutes(15));
    assertThat(startsOf(p, ZoneId.of("Europe/Berlin"))).containsOnlyKeys("2026-11-26",
        "2026-11-27");
  }

  @Test
  void pauseAndResumeAnswerASpanishPatientInSpanish() {
    clock.set(Instant.parse("2026-11-23T06:00:00Z"));
    PatientRef p = rig.profiles.add("1", "Europe/Berlin", "es");
    rig.settings.time(p, LocalTime.of(9, 0));
    Rig.Replies r = new Rig.Replies();
    rig.commands.intercept(command("pause", ""), java.util.Optional.of(p), r);
    assertThat(r.last()).isEqualTo("¿Cuánto tiempo quieres descansar de los controles?");
    assertThat(r.lastLabels()).containsExactly("1 día", "3 días", "1 semana");
    rig.commands.intercept(command("pause", "3 días"), java.util.Optional.of(p), r);
    assertThat(r.last()).startsWith("Los controles quedan en pausa.")
        .contains("Próximo control: jue 26 nov a las 09:00 (Europe/Berlin).")
        .endsWith("Envía /resume cuando quieras volver.");
    rig.commands.intercept(command("resume", ""), java.util.Optional.of(p), r);
    assertThat(r.last()).isEqualTo("Volvemos con los controles. Próximo control: lun 23 nov a "
        + "las 09:00 (Europe/Berlin).");
  }

  @Test
  void settingsSpeakEachPatientsOwnLanguage() {
    clock.set(Instant.parse("2026-12-01T12:00:00Z"));
    PatientRef en = rig.profiles.add("1", "Europe/Madrid");
    PatientRef es = rig.profiles.add("2", "Europe/Madrid", "es");
    Rig.Replies r = new Rig.Replies();
    rig.commands.intercept(command("settings", "time 08:30"), java.util.Optional.of(en), r);
    assertThat(r.last()).isEqualTo("Done. Next check-in: Wed 2 Dec at 08:30 (Europe/Madrid).");
    rig.commands.intercept(command("settings", "hora 08:30"), java.util.Optional.of(es), r);
    assertThat(r.last()).isEqualTo("Hecho. Próximo control: mié 2 dic a las 08:30 (Europe/Madrid).");
    rig.commands.intercept(command("settings", "días lun mié"), java.util.Optional.of(es), r);
    assertThat(rig.settings.current(es.patientId()).orElseThrow().days())
        .containsExactlyInAnyOrder(java.time.DayOfWeek.MONDAY, java.time.DayOfWeek.WEDNESDAY);

    rig.commands.intercept(command("settings", ""), java.util.Optional.of(es), r);
    assertThat(r.last()).startsWith("Tu control diario: 08:30 (Europe/Madrid), los lunes y "
        + "miércoles. Próximo control: mié 2 dic a las 08:30").contains("/settings hora 08:30");
    assertThat(r.lastLabels()).containsExactly("Cambiar la hora", "Cambiar la zona horaria");
    rig.commands.intercept(command("settings", ""), java.util.Optional.of(en), r);
    assertThat(r.last()).startsWith("Your daily check-in: 08:30 (Europe/Madrid), every day. "
        + "Next check-in: Wed 2 Dec at 08:30").contains("/settings time 08:30");
    assertThat(r.lastLabels()).containsExactly("Change time", "Change time zone");

    rig.commands.intercept(command("settings", "zona Xqzvw"), java.util.Optional.of(es), r);
    assertThat(r.last()).startsWith("No conozco esa zona horaria.");
    rig.commands.intercept(command("settings", "zone Xqzvw"), java.util.Optional.of(en), r);
    assertThat(r.last()).startsWith("I don't know that time zone.");
  }

  @Test
  void activeDaysLimitCheckIns() {
    clock.set(Instant.parse("2026-11-23T00:00:00Z"));
    PatientRef p = rig.profiles.add("1", "UTC");
    rig.settings.time(p, LocalTime.of(9, 0));
    Rig.Replies r = new Rig.Replies();
    rig.commands.intercept(command("settings", "days mon thu"), java.util.Optional.of(p), r);
    runUntil(Instant.parse("2026-12-07T00:00:00Z"), Duration.ofMinutes(30));
    assertThat(startsOf(p, ZoneId.of("UTC"))).containsOnlyKeys("2026-11-23", "2026-11-26",
        "2026-11-30", "2026-12-03");
  }

  @Test
  void settingsChangeTheNameAndLanguageStaffPromisedInOnboarding() {
    PatientRef p = rig.profiles.add("1", "UTC");
    Rig.Replies r = new Rig.Replies();
    rig.commands.intercept(command("settings", "name Sam"), java.util.Optional.of(p), r);
    assertThat(r.last()).contains("I'll call you Sam");
    assertThat(rig.profiles.get(p.patientId(), "name")).isEqualTo("Sam");
    rig.commands.intercept(command("settings", "language Español"), java.util.Optional.of(p), r);
    assertThat(r.last()).contains("en español");
    assertThat(rig.profiles.get(p.patientId(), "locale")).isEqualTo("es");
    rig.commands.intercept(command("settings", "language klingon"), java.util.Optional.of(p), r);
    assertThat(r.last()).contains("/settings language en");
    assertThat(rig.profiles.get(p.patientId(), "locale")).isEqualTo("es");
  }

  @Test
  void changingTheTimeAfterTodaysCheckInDoesNotFireTodayAgain() {
    clock.set(Instant.parse("2026-11-23T07:00:00Z"));
    PatientRef p = rig.profiles.add("1", "UTC");
    rig.settings.time(p, LocalTime.of(8, 0));
    runUntil(Instant.parse("2026-11-23T09:00:00Z"), Duration.ofMinutes(5));
    rig.settings.time(p, LocalTime.of(20, 0));
    rig.settings.zone(p, ZoneId.of("America/Los_Angeles"));
    // the local date 2026-11-23 already had its check-in: the next is Los Angeles' 24th, 20:00
    runUntil(Instant.parse("2026-11-25T05:00:00Z"), Duration.ofMinutes(5));
    assertThat(rig.inbox.stored).extracting(Inbound::externalId).containsExactly(
        "checkin:telegram:1:2026-11-23:daily", "checkin:telegram:1:2026-11-24:daily");
    assertThat(rig.inbox.stored.get(1).at()).isBetween(Instant.parse("2026-11-25T04:00:00Z"),
        Instant.parse("2026-11-25T04:05:00Z"));
  }

  static Inbound command(String name, String arg) {
    return new Inbound("telegram", "1", "u" + System.nanoTime(), Inbound.Kind.COMMAND, null,
        name, arg, null, null, "en", Instant.EPOCH);
  }

  static List<String> ids(Rig rig) {
    return rig.inbox.stored.stream().map(Inbound::externalId).toList();
  }

  static LocalDate d(String s) {
    return LocalDate.parse(s);
  }
}
