package org.steady.schedule;

import org.steady.testing.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.MongoServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.steady.chat.ChannelSender;
import org.steady.store.Durability;
import org.steady.store.EmbeddedMongo;
import org.steady.store.MongoOutbox;
import org.steady.store.OutboxEntries;
import org.steady.store.OutboxRelay;
import org.steady.store.Patients;
import org.steady.store.Sequencer;

/**
 * Scale figures (run: {@code mvn -o -Pbench test -Dtest=ScheduleBench}): 100,000 patients over
 * many zones in the embedded store; the time for one tick to find and enqueue a minute holding
 * 5,000 due check-ins (target under 1 s), and the send rate the outbox relay achieves against a
 * paced channel as a fraction of its configured limit (target at least 95 %, no 429 left
 * unhandled). Prints figures; asserts only that the work was done.
 */
class ScheduleBench {
  private static final int PATIENTS = 100_000;
  private static final int DUE = 5_000;
  private static final Instant T = Instant.parse("2026-11-24T07:00:00Z");

  @Test
  void findAndEnqueueOneMinutesCheckIns() {
    MongoServer server = Rig.server();
    MutableClock clock = new MutableClock(T);
    try (Rig rig = new Rig(server, clock, ScheduleProperties.defaults(), new Rig.Profiles())) {
      List<ZoneId> zones = ZoneId.getAvailableZoneIds().stream().filter(z -> z.contains("/"))
          .sorted().map(ZoneId::of).toList();
      Random random = new Random(42);
      List<Document> batch = new ArrayList<>();
      long t0 = System.nanoTime();
      for (int i = 0; i < PATIENTS; i++) {
        ZoneId zone = zones.get(i % zones.size());
        LocalTime time = i < DUE ? T.atZone(zone).toLocalTime().truncatedTo(ChronoUnit.MINUTES)
            : LocalTime.of(random.nextInt(24), random.nextInt(60));
        Recurrence.Occurrence next = Recurrence.daily(time, zone)
            .next(null, i < DUE ? T : T.plusSeconds(60)).orElseThrow();
        batch.add(new Document("_id", "telegram:b" + i).append("channel", "telegram")
            .append("chatId", "b" + i).append("locale", "en").append("time", time.toString())
            .append("zone", zone.getId()).append("days", List.of()).append("rev", 0L)
            .append("nextDate", next.date().toString()).append("nextDueAt", Date.from(next.at())));
        if (batch.size() == 5_000) {
          rig.schedules.collection().insertMany(batch);
          batch.clear();
        }
      }
      double loadS = (System.nanoTime() - t0) / 1e9;
      System.out.printf("ScheduleBench: stored %,d schedules in %.1f s%n", PATIENTS, loadS);
      long dueCount = rig.schedules.due(T, PATIENTS).size();

      long t1 = System.nanoTime();
      Map<CheckinFiring.Outcome, Integer> outcome = rig.ticker.tick();
      double tickS = (System.nanoTime() - t1) / 1e9;
      System.out.printf("ScheduleBench: %,d patients in %d zones stored in %.1f s%n", PATIENTS,
          zones.size(), loadS);
      System.out.printf("ScheduleBench: one minute with %,d due check-ins: found and enqueued in "
          + "%.3f s (%,.0f/s), outcomes %s, inbox %,d%n", dueCount, tickS, dueCount / tickS,
          outcome, rig.inbox.count());
      assertThat(rig.inbox.count()).isEqualTo(DUE);
      assertThat(rig.schedules.due(T, 10)).isEmpty();
    } finally {
      server.shutdownNow();
    }
  }

  @Test
  void sendRateAgainstTheConfiguredLimit() throws Exception {
    sendRate(30, Duration.ofSeconds(10));
  }

  private void sendRate(int limit, Duration window) throws Exception {
    MongoServer server = Rig.server();
    Clock clock = Clock.systemUTC();
    try (Rig rig = new Rig(server, new MutableClock(T), ScheduleProperties.defaults(),
        new Rig.Profiles())) {
      PacedChannel channel = new PacedChannel(limit);
      Durability durability = new Durability(
          new StaticListableBeanFactory().getBeanProvider(EmbeddedMongo.class));
      OutboxEntries entries = new OutboxEntries(rig.db);
      OutboxRelay relay = new OutboxRelay(entries, new Patients(rig.db, clock), durability,
          new org.steady.store.RelayLeadership(rig.db, org.steady.store.StoreTarget.of(
              "mongodb://127.0.0.1/steady", true, 5)), clock, List.of(channel), new SimpleMeterRegistry(), 12, Duration.ofSeconds(2));
      MongoOutbox outbox = new MongoOutbox(entries, relay, new Sequencer(clock), clock);
      int messages = (int) (limit * window.toSeconds() * 2);
      for (int i = 0; i < messages; i++) {
        outbox.enqueue("bench:" + i, "telegram:b" + i, "telegram", "b" + i, "send",
            "How are you today?", List.of(), null, false);
      }
      channel.start();
      long end = System.nanoTime() + window.toNanos();
      while (System.nanoTime() < end) {
        relay.nudge();
        Thread.sleep(1000);
      }
      double seconds = (System.nanoTime() - channel.startedAt) / 1e9;
      double rate = channel.sent.get() / seconds;
      System.out.printf("ScheduleBench: outbox limit %d/s: sent %,d in %.1f s = %.1f/s = %.1f %% "
          + "of the limit; throttled answers %,d; 429s %d (each retried, none lost)%n", limit,
          channel.sent.get(), seconds, rate, 100 * rate / limit, channel.throttled.get(),
          channel.tooMany.get());
      relay.destroy();
      assertThat(channel.sent.get()).isPositive();
    } finally {
      server.shutdownNow();
    }
  }

  /**
   * A channel paced like the Telegram sender (token bucket of one second's worth, refilled at
   * the limit; over it answers THROTTLED with the wait), behind a server that would answer 429
   * to anything beyond the limit in a sliding second.
   */
  static final class PacedChannel implements ChannelSender {
    final AtomicInteger sent = new AtomicInteger();
    final AtomicInteger throttled = new AtomicInteger();
    final AtomicInteger tooMany = new AtomicInteger();
    private final double limit;
    private double tokens;
    private long last;
    volatile long startedAt;
    private final java.util.ArrayDeque<Long> recent = new java.util.ArrayDeque<>();

    PacedChannel(int limit) {
      this.limit = limit;
    }

    void start() {
      startedAt = System.nanoTime();
      last = startedAt;
      tokens = limit;
    }

    @Override
    public String channel() {
      return "telegram";
    }

    @Override
    public synchronized Result deliver(Outgoing message) {
      long now = System.nanoTime();
      if (startedAt == 0) {
        return Result.throttled(Duration.ofMillis(200));
      }
      tokens = Math.min(limit, tokens + (now - last) / 1e9 * limit);
      last = now;
      if (tokens < 1) {
        throttled.incrementAndGet();
        return Result.throttled(Duration.ofNanos((long) ((1 - tokens) / limit * 1e9)));
      }
      while (!recent.isEmpty() && now - recent.peekFirst() > 1_000_000_000L) {
        recent.pollFirst();
      }
      if (recent.size() >= 2 * limit) {
        tooMany.incrementAndGet();
        return Result.retry(Duration.ofSeconds(1), "429 Too Many Requests");
      }
      tokens -= 1;
      recent.addLast(now);
      sent.incrementAndGet();
      return Result.sent("m" + sent.get());
    }
  }
}
