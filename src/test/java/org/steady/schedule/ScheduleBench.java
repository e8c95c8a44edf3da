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
import com.mongodb.client.model.Filters;
import org.bson.conversions.Bson;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.steady.store.InboxStore;
import org.steady.testing.Await;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.steady.store.RelayLeadership;
import org.steady.store.StoreSchema;
import org.steady.store.StoreTarget;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.steady.app.SteadyApplication;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
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
 * Scale figures (run: {@code mvn -B -Pbench test -Dtest=ScheduleBench}).
 *
 * <p>One minute's check-ins: the whole app on the embedded store (a temp dir, as a user runs it)
 * holds 100,000 schedules spread over every zone; 5,000 of them are due in the current minute.
 * Measured: one scheduler pass ({@code ScheduleTicker.tick}) that finds them by the indexed
 * {@code nextDueAt} query, puts their check-ins durably into the inbox and moves each schedule
 * on (target under 1 s), and how many documents the store read for it. The check-ins are then
 * processed by the running app (engine, outbox), as they would be.
 *
 * <p>Send rate: the outbox relay against a channel paced like the Telegram sender, with a
 * backlog, as a fraction of the configured limit (target at least 95 %, no 429 left
 * unhandled). Prints figures; asserts only that the work was done.
 */
class ScheduleBench {
  private static final int PATIENTS = Integer.getInteger("bench.patients", 100_000);
  private static final int DUE = Integer.getInteger("bench.due", 5_000);
  private static final Instant T = Instant.parse("2026-11-24T07:00:00Z");

  /** The app's clock, moved by the bench from one minute to the next. */
  static final MutableClock CLOCK = new MutableClock(T);

  @TestConfiguration(proxyBeanMethods = false)
  static class Wiring {
    @Bean
    @Primary
    Clock benchClock() {
      return CLOCK;
    }
  }

  @Test
  void findAndEnqueueOneMinutesCheckIns() throws Exception {
    Path dir = Files.createTempDirectory("steady-schedule-bench-");
    try (ConfigurableApplicationContext app = new SpringApplicationBuilder(
        SteadyApplication.class, Wiring.class).run("--server.port=0",
            "--steady.data-dir=" + dir, "--steady.conversations-dir=conversations",
            "--steady.schedule.tick=PT1H", "--steady.schedule.batch="
                + Integer.getInteger("bench.batch", 5000))) {
      MongoCollection<Document> schedules = app.getBean(MongoDatabase.class)
          .getCollection(Schedules.COLLECTION);
      long t0 = System.nanoTime();
      int zones = seed(schedules);
      System.out.printf(Locale.ROOT, "ScheduleBench: %,d schedules in %d zones stored in %.1f s;"
          + " %,d due in each of the next two minutes%n", PATIENTS, zones,
          (System.nanoTime() - t0) / 1e9, DUE);
      InboxStore inbox = app.getBean(InboxStore.class);
      // on disk before the minute starts, as schedules written over days would be: the first
      // pass's durable commit must not be the one that writes the whole seed
      app.getBean(Durability.class).commit();
      minute(app, "first minute after start-up (code not yet compiled by the JIT)");
      long p0 = System.nanoTime();
      Await.until("the first minute's check-ins are processed", Duration.ofMinutes(10),
          () -> inbox.count(InboxStore.NEW) == 0);
      System.out.printf(Locale.ROOT, "ScheduleBench: the app started those %,d check-ins "
          + "(engine, session, transcript, outbox) in %.1f s%n", DUE,
          (System.nanoTime() - p0) / 1e9);
      CLOCK.advance(Duration.ofMinutes(1));
      minute(app, "a minute later");
    }
  }

  /** One scheduler pass at the clock's minute, measured. */
  private static void minute(ConfigurableApplicationContext app, String which) {
    EmbeddedMongo store = app.getBean(EmbeddedMongo.class);
    Schedules schedules = app.getBean(Schedules.class);
    Instant now = CLOCK.instant();
    MongoCollection<Document> starts = app.getBean(MongoDatabase.class).getCollection("inbox");
    Bson today = Filters.eq("kind", "START");
    long before = starts.countDocuments(today);
    long q0 = System.nanoTime();
    long read0 = store.documentsRead();
    int dueCount = schedules.due(now, PATIENTS).size();
    double queryMs = (System.nanoTime() - q0) / 1e6;
    long queryRead = store.documentsRead() - read0;

    long read1 = store.documentsRead();
    long t1 = System.nanoTime();
    Map<CheckinFiring.Outcome, Integer> outcome = app.getBean(ScheduleTicker.class).tick();
    double tickS = (System.nanoTime() - t1) / 1e9;
    long tickRead = store.documentsRead() - read1;
    long enqueued = starts.countDocuments(today) - before;
    System.out.printf(Locale.ROOT, "ScheduleBench: %s: the due query alone found %,d in %.1f ms "
        + "(%,d documents read); one scheduler pass found them, put them durably into the inbox "
        + "and moved each schedule on in %.3f s (%,.0f/s; target < 1 s, %,d documents read); "
        + "outcomes %s%n", which, dueCount, queryMs, queryRead, tickS, dueCount / tickS,
        tickRead, outcome);
    assertThat(dueCount).isEqualTo(DUE);
    assertThat(enqueued).isEqualTo(DUE);
    assertThat(schedules.due(now, 10)).isEmpty();
  }

  /**
   * 100,000 schedules over every region zone: {@code DUE} fall due at {@code T}, as many a
   * minute later, the rest at random local times.
   */
  private static int seed(MongoCollection<Document> schedules) {
    List<ZoneId> zones = ZoneId.getAvailableZoneIds().stream().filter(z -> z.contains("/"))
        .sorted().map(ZoneId::of).toList();
    Random random = new Random(42);
    List<Document> batch = new ArrayList<>();
    for (int i = 0; i < PATIENTS; i++) {
      ZoneId zone = zones.get(i % zones.size());
      Instant at = T.plusSeconds(60L * (i / DUE)); // minute 0 and 1 for the first 2 * DUE
      LocalTime time = i < 2 * DUE ? at.atZone(zone).toLocalTime()
          : LocalTime.of(random.nextInt(24), random.nextInt(60));
      Recurrence.Occurrence next = Recurrence.daily(time, zone)
          .next(null, i < 2 * DUE ? at : T.plusSeconds(120)).orElseThrow();
      batch.add(new Document("_id", "local:b" + i).append("channel", "local")
          .append("chatId", "b" + i).append("locale", "en").append("time", time.toString())
          .append("zone", zone.getId()).append("days", List.of()).append("rev", 0L)
          .append("nextDate", next.date().toString()).append("nextDueAt", Date.from(next.at())));
      if (batch.size() == 5_000) {
        schedules.insertMany(batch);
        batch.clear();
      }
    }
    return zones.size();
  }

  @Test
  void sendRateAgainstTheConfiguredLimit() throws Exception {
    int limit = 30;
    Path dir = Files.createTempDirectory("steady-send-bench-");
    Clock clock = Clock.systemUTC();
    try (EmbeddedMongo store = EmbeddedMongo.start(dir.resolve("steady.mv"));
        MongoClient client = MongoClients.create(store.uri())) {
      MongoDatabase db = client.getDatabase("steady");
      StoreTarget target = StoreTarget.of(store.uri() + "/steady", true, 5);
      new StoreSchema(db, target);
      StaticListableBeanFactory beans = new StaticListableBeanFactory();
      beans.addBean("store", store);
      PacedChannel channel = new PacedChannel(limit);
      OutboxEntries entries = new OutboxEntries(db);
      OutboxRelay relay = new OutboxRelay(entries, new Patients(db, clock),
          new Durability(beans.getBeanProvider(EmbeddedMongo.class)),
          new RelayLeadership(db, target), clock, List.of(channel), new SimpleMeterRegistry(),
          12, Duration.ofSeconds(2));
      MongoOutbox outbox = new MongoOutbox(entries, relay, new Sequencer(clock), clock);
      for (int i = 0; i < DUE; i++) { // a minute's check-ins, waiting for Telegram's limit
        outbox.enqueue("bench:" + i, "telegram:b" + i, "telegram", "b" + i, "send",
            "How are you today?", List.of(), null, false);
      }
      channel.start();
      int afterBurst = 0;
      long measuredFrom = 0;
      for (int second = 1; second <= 12; second++) { // the relay's own 1 s tick, as in the app
        Thread.sleep(1000);
        relay.nudge();
        if (second == 2) {
          afterBurst = channel.sent.get();
          measuredFrom = System.nanoTime();
        }
      }
      double seconds = (System.nanoTime() - measuredFrom) / 1e9;
      double rate = (channel.sent.get() - afterBurst) / seconds;
      relay.destroy();
      System.out.printf(Locale.ROOT, "ScheduleBench: outbox limit %d/s, backlog %,d: after the "
          + "first second's burst, sent %,d in %.1f s = %.1f/s = %.1f %% of the limit (target "
          + ">= 95 %%); throttled answers %,d; 429s %d (each retried, none lost)%n", limit, DUE,
          channel.sent.get() - afterBurst, seconds, rate, 100 * rate / limit,
          channel.throttled.get(), channel.tooMany.get());
      assertThat(channel.sent.get()).isPositive();
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
        return Result.throttled(Duration.ofNanos((long) ((1 - tokens) / limit * 1e9)), true);
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
