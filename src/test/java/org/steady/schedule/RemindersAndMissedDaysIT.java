package org.steady.schedule;

import org.steady.testing.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.MongoServer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.steady.chat.Inbound;
import org.steady.chat.PatientRef;
import org.steady.engine.Effect;
import org.steady.engine.Severity;

/** Engine timers, quiet hours, stale reminders and missed-day escalations. */
class RemindersAndMissedDaysIT {
  private final MongoServer server = Rig.server();
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T06:00:00Z"));
  private final Rig rig = new Rig(server, clock, ScheduleProperties.defaults(), new Rig.Profiles());
  private final PatientRef p = rig.profiles.add("7", "Europe/Berlin");

  @AfterEach
  void stop() {
    rig.close();
    server.shutdownNow();
  }

  private void runFor(Duration d) {
    Instant end = clock.instant().plus(d);
    while (clock.instant().isBefore(end)) {
      clock.advance(Duration.ofMinutes(1));
      rig.ticker.tick();
    }
  }

  private long timersFired() {
    return rig.inbox.stored.stream().filter(i -> i.kind() == Inbound.Kind.TIMER).count();
  }

  @Test
  void reminderFiresOnceAtItsTimeAndCancelledOnesNever() {
    rig.settings.time(p, LocalTime.of(8, 0));
    rig.effect(p, new Effect.ScheduleTimer("q1", Instant.parse("2026-11-23T09:00:00Z"),
        "remind"), "e:1");
    rig.effect(p, new Effect.ScheduleTimer("q1", Instant.parse("2026-11-23T09:00:00Z"),
        "remind"), "e:1");
    rig.effect(p, new Effect.ScheduleTimer("q2", Instant.parse("2026-11-23T09:30:00Z"),
        "remind"), "e:2");
    rig.effect(p, new Effect.CancelTimer("q2"), "e:3");
    runFor(Duration.ofHours(5));
    assertThat(rig.inbox.stored).filteredOn(i -> i.kind() == Inbound.Kind.TIMER)
        .singleElement().satisfies(i -> {
          assertThat(i.argument()).isEqualTo("q1");
          assertThat(i.externalId()).isEqualTo("timer:telegram:7:q1:"
              + Instant.parse("2026-11-23T09:00:00Z").toEpochMilli());
          assertThat(i.at()).isBetween(Instant.parse("2026-11-23T09:00:00Z"),
              Instant.parse("2026-11-23T09:01:00Z"));
        });
    assertThat(rig.timers.count()).isZero();
  }

  @Test
  void quietHoursHoldRoutineRemindersButNeverUrgentTimers() {
    clock.set(Instant.parse("2026-11-23T20:00:00Z"));
    // 22:30 in Berlin: routine waits until 07:00 local (06:00Z); urgent goes at once
    rig.effect(p, new Effect.ScheduleTimer("r", Instant.parse("2026-11-23T21:30:00Z"), "remind"),
        "e:1");
    rig.effect(p, new Effect.ScheduleTimer("u", Instant.parse("2026-11-23T21:30:00Z"),
        "urgent_followup"), "e:2");
    runFor(Duration.ofHours(2));
    assertThat(rig.inbox.stored).extracting(Inbound::argument).containsExactly("u");
    runFor(Duration.ofHours(8));
    assertThat(rig.inbox.stored).extracting(Inbound::argument).containsExactly("u", "r");
    assertThat(rig.inbox.stored.get(1).at()).isBetween(Instant.parse("2026-11-24T06:00:00Z"),
        Instant.parse("2026-11-24T06:01:00Z"));
  }

  @Test
  void afterDowntimeStaleRemindersAreDroppedAndOneCheckInIsSent() {
    rig.settings.time(p, LocalTime.of(8, 0));
    rig.effect(p, new Effect.ScheduleTimer("a", Instant.parse("2026-11-23T10:00:00Z"), "remind"),
        "e:1");
    rig.effect(p, new Effect.ScheduleTimer("b", Instant.parse("2026-11-23T12:00:00Z"),
        "give_up"), "e:2");
    rig.effect(p, new Effect.ScheduleTimer("c", Instant.parse("2026-11-23T12:00:00Z"),
        "crisis"), "e:3");
    // down from 06:00 on the 23rd until 11:00 UTC on the 26th (12:00 in Berlin)
    clock.set(Instant.parse("2026-11-26T11:00:00Z"));
    rig.ticker.tick();
    assertThat(rig.inbox.stored).extracting(Inbound::externalId).containsExactlyInAnyOrder(
        "checkin:telegram:7:2026-11-26:daily",
        "timer:telegram:7:c:" + Instant.parse("2026-11-23T12:00:00Z").toEpochMilli());
    assertThat(rig.timers.count()).isZero();
    runFor(Duration.ofDays(1));
    assertThat(rig.inbox.stored).extracting(Inbound::externalId)
        .contains("checkin:telegram:7:2026-11-27:daily").hasSize(3);
  }

  @Test
  void downtimeEndingBeforeTodaysTimeSendsNothingStaleAndTodaysOnTime() {
    rig.settings.time(p, LocalTime.of(8, 0));
    clock.set(Instant.parse("2026-11-26T05:00:00Z"));
    rig.ticker.tick();
    assertThat(rig.inbox.stored).isEmpty();
    runFor(Duration.ofHours(3));
    assertThat(rig.inbox.stored).extracting(Inbound::externalId)
        .containsExactly("checkin:telegram:7:2026-11-26:daily");
  }

  private void end(String outcome, int day) {
    rig.effect(p, new Effect.ConversationEnded("daily-checkin", outcome), "in:" + day + ":9");
  }

  @Test
  void threeMissedDaysInARowRaiseOneConcern() {
    rig.settings.time(p, LocalTime.of(8, 0));
    int day = 0;
    for (String outcome : new String[] {"missed", "gave_up", "skipped", "missed", "missed"}) {
      runFor(Duration.ofDays(1));
      end(outcome, day++);
    }
    assertThat(rig.raised.byId).isEmpty();
    runFor(Duration.ofDays(1));
    end("gave_up", day);
    end("gave_up", day);
    assertThat(rig.raised.byId).hasSize(1);
    String id = rig.raised.byId.keySet().iterator().next();
    assertThat(id).isEqualTo("missed:telegram:7:2026-11-28");
    Effect.RaiseEscalation e = rig.raised.byId.get(id);
    assertThat(e.severity()).isEqualTo(Severity.CONCERN);
    assertThat(e.reason()).contains("3 check-in days in a row");
    runFor(Duration.ofDays(1));
    end("completed", ++day);
    runFor(Duration.ofDays(1));
    end("missed", ++day);
    assertThat(rig.raised.byId).hasSize(1);
  }
}
