package org.steady.schedule;

import org.steady.testing.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.MongoServer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.steady.chat.PatientRef;
import org.steady.engine.Effect;

/** Two app instances (two wired slices, two clients) over one store, ticking concurrently. */
class TwoInstancesIT {
  private static final List<String> ZONES = List.of("Europe/Berlin", "America/New_York",
      "Asia/Kolkata", "Australia/Lord_Howe", "America/Santiago", "Africa/Cairo", "UTC");

  private final MongoServer server = Rig.server();
  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-06T00:00:00Z"));
  private final Rig.Profiles profiles = new Rig.Profiles();
  private final Rig a = new Rig(server, clock, ScheduleProperties.defaults(), profiles);
  private final Rig b = new Rig(server, clock, ScheduleProperties.defaults(), profiles);

  @AfterEach
  void stop() {
    a.close();
    b.close();
    server.shutdownNow();
  }

  @Test
  void eachCheckInAndTimerFiresExactlyOnceAcrossInstances() throws Exception {
    int patients = 140;
    for (int i = 0; i < patients; i++) {
      PatientRef p = profiles.add("p" + i, ZONES.get(i % ZONES.size()));
      (i % 2 == 0 ? a : b).settings.time(p, LocalTime.of(7 + i % 3, (i * 7) % 60));
      a.effect(p, new Effect.ScheduleTimer("t", Instant.parse("2026-03-07T12:00:00Z")
          .plusSeconds(i), "remind"), "e:" + i);
    }
    ExecutorService pool = Executors.newFixedThreadPool(2);
    CyclicBarrier barrier = new CyclicBarrier(2, () -> clock.advance(Duration.ofMinutes(10)));
    Instant end = Instant.parse("2026-03-10T00:00:00Z");
    List<Future<Void>> runs = new java.util.ArrayList<>();
    for (Rig rig : List.of(a, b)) {
      runs.add(pool.submit(() -> {
        while (clock.instant().isBefore(end)) {
          rig.ticker.tick();
          barrier.await();
        }
        return null;
      }));
    }
    for (Future<Void> f : runs) {
      f.get();
    }
    pool.shutdown();

    List<Document> inbox = a.db.getCollection("inbox").find().into(new java.util.ArrayList<>());
    long starts = inbox.stream().filter(d -> d.getString("kind").equals("START")).count();
    long timers = inbox.stream().filter(d -> d.getString("kind").equals("TIMER")).count();
    Set<String> ids = new HashSet<>();
    inbox.forEach(d -> ids.add(d.getString("_id")));
    assertThat(ids).hasSize(inbox.size());
    // 4 local dates (6th..9th) for every patient whose check-in time falls in the window
    java.util.Map<String, Long> perPatient = inbox.stream()
        .filter(d -> d.getString("kind").equals("START"))
        .collect(java.util.stream.Collectors.groupingBy(
            d -> d.getString("_id").split(":")[3], java.util.stream.Collectors.counting()));
    perPatient.entrySet().removeIf(e -> e.getValue() <= 4);
    assertThat(perPatient).isEmpty();
    assertThat(starts).isBetween(3L * patients, 4L * patients);
    for (int i = 0; i < patients; i++) {
      for (String day : List.of("2026-03-07", "2026-03-08", "2026-03-09")) {
        assertThat(ids).contains("telegram:checkin:telegram:p" + i + ":" + day + ":daily");
      }
    }
    assertThat(timers).isEqualTo(patients);
    // both instances did real work (each stored some of the events first)
    assertThat(a.inbox.stored).isNotEmpty();
    assertThat(b.inbox.stored).isNotEmpty();
    assertThat(a.inbox.stored.size() + b.inbox.stored.size()).isEqualTo(inbox.size());
  }

  @Test
  void restartedInstanceCatchesUpWithOneCheckInNotABurst() {
    PatientRef p = profiles.add("r", "Europe/Berlin");
    a.settings.time(p, LocalTime.of(8, 0));
    a.ticker.tick();
    a.close();
    // instance A is gone for four days; B starts at 09:30 Berlin time (within grace of 08:00)
    clock.set(Instant.parse("2026-03-10T08:30:00Z"));
    b.ticker.tick();
    b.ticker.tick();
    assertThat(b.inbox.stored).extracting(i -> i.externalId())
        .containsExactly("checkin:telegram:r:2026-03-10:daily");
  }
}
