package org.steady.store;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.steady.chat.ChannelSender;

/**
 * Carries outbox entries out through the channel's {@link ChannelSender}: claims the most urgent
 * due entry with a lease, delivers it, and marks it sent only on {@code SENT}. {@code RETRY}
 * backs off exponentially with jitter (at least the channel's {@code retryAfter}); a non-urgent
 * entry is given up after {@code max-attempts} failures (429s with a retry-after do not count),
 * an urgent one (crisis message, alert) never is;
 * {@code THROTTLED} waits without counting an attempt; {@code UNREACHABLE} marks the patient
 * unreachable and drops what is pending for them. Runs on one thread, woken by {@link #nudge()}
 * after every enqueue and by a scheduled tick (for retries that became due). On the embedded
 * store it frees the leases of the previous process when it is created, so that a send cut off
 * by a crash is retried at once rather than after its lease (on a shared MongoDB a lease may
 * belong to another live instance, so there it runs out).
 */
@Component
public class OutboxRelay implements DisposableBean {
  private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
  private static final Duration LEASE = Duration.ofSeconds(30);
  private static final Duration NO_SENDER_WAIT = Duration.ofMinutes(1);
  private static final Duration MAX_BACKOFF = Duration.ofMinutes(10);
  private static final Duration URGENT_MAX_BACKOFF = Duration.ofMinutes(1);

  private final OutboxEntries entries;
  private final Patients patients;
  private final Durability durability;
  private final Clock clock;
  private final Map<String, ChannelSender> senders = new HashMap<>();
  private final Counter sentCounter;
  private final int maxAttempts;
  private final Duration baseBackoff;
  private final String owner = UUID.randomUUID().toString();
  private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "steady-outbox-relay");
    t.setDaemon(true);
    return t;
  });
  private final AtomicBoolean queued = new AtomicBoolean();

  public OutboxRelay(OutboxEntries entries, Patients patients, Durability durability, Clock clock,
      List<ChannelSender> senders, MeterRegistry meters,
      @Value("${steady.outbox.max-attempts:12}") int maxAttempts,
      @Value("${steady.outbox.base-backoff:2s}") Duration baseBackoff) {
    this.entries = entries;
    this.patients = patients;
    this.durability = durability;
    this.clock = clock;
    senders.forEach(s -> this.senders.put(s.channel(), s));
    this.sentCounter = Counter.builder("steady.messages.out")
        .description("Messages delivered to people").register(meters);
    this.maxAttempts = maxAttempts;
    this.baseBackoff = baseBackoff;
    if (durability.embedded()) {
      long freed = entries.releaseLeases();
      if (freed > 0) {
        log.info("freed {} outbox leases of the previous process", freed);
      }
    }
  }

  /** Wakes the relay soon; many nudges while it is queued collapse into one run. */
  public void nudge() {
    if (queued.compareAndSet(false, true)) {
      try {
        thread.execute(this::drainQuietly);
      } catch (java.util.concurrent.RejectedExecutionException shuttingDown) {
        queued.set(false);
      }
    }
  }

  @Scheduled(fixedDelayString = "${steady.outbox.tick:1s}")
  public void tick() {
    nudge();
  }

  private void drainQuietly() {
    queued.set(false);
    try {
      drain();
    } catch (RuntimeException e) {
      log.warn("outbox relay pass failed: {}", e.getClass().getName());
    }
  }

  /** Delivers every due entry; returns how many were attempted. Public for tests. */
  public int drain() {
    int attempted = 0;
    Document entry;
    while ((entry = entries.claim(clock.instant(), clock.instant().plus(LEASE), owner)) != null) {
      attempted++;
      deliver(entry);
    }
    return attempted;
  }

  private void deliver(Document entry) {
    String id = entry.getString("_id");
    Document earlier = entry.getBoolean("urgent", false) ? null : entries.earlierPending(entry);
    if (earlier != null) {
      Date next = earlier.getDate("nextAttemptAt");
      Instant now = clock.instant();
      Instant after = next.toInstant().isAfter(now) ? next.toInstant() : now;
      entries.reschedule(id, after.plusMillis(1), false, null);
      return;
    }
    if (entries.isDone(id)) {
      entries.discard(id);
      return;
    }
    String channel = entry.getString("channel");
    String chatId = entry.getString("chatId");
    if (patients.isUnreachable(channel, chatId)) {
      entries.finish(entry, OutboxEntries.UNREACHABLE, "patient unreachable");
      return;
    }
    ChannelSender sender = senders.get(channel);
    if (sender == null) {
      log.warn("no sender for channel {}; outbox entry {} waits", channel, id);
      entries.reschedule(id, clock.instant().plus(NO_SENDER_WAIT), false, "no sender");
      return;
    }
    durability.commit();
    ChannelSender.Result result;
    try {
      result = sender.deliver(OutboxEntries.outgoing(entry));
    } catch (RuntimeException e) {
      result = ChannelSender.Result.retry(null, e.getClass().getName());
    }
    apply(entry, result);
    durability.commit();
  }

  private void apply(Document entry, ChannelSender.Result r) {
    String id = entry.getString("_id");
    Instant now = clock.instant();
    switch (r.status()) {
      case SENT:
        entries.markSent(entry, r.externalMessageId(), now);
        sentCounter.increment();
        return;
      case THROTTLED:
        entries.reschedule(id, now.plus(orZero(r.retryAfter())), false, null);
        return;
      case RETRY:
        // a 429 says when to come back: it is not a failure and never uses up the attempts
        boolean toldWhen = r.retryAfter() != null;
        int failures = entry.getInteger("failures", 0) + (toldWhen ? 0 : 1);
        boolean urgent = entry.getBoolean("urgent", false);
        if (failures >= maxAttempts && !urgent) {
          log.warn("outbox entry {} failed after {} attempts: {}", id, failures, r.error());
          entries.finish(entry, OutboxEntries.FAILED, r.error());
          return;
        }
        if (urgent && !toldWhen && failures % maxAttempts == 0) {
          // a crisis message or an alert is never given up: it is retried until it is sent
          log.warn("urgent outbox entry {} still not delivered after {} attempts: {}", id,
              failures, r.error());
        }
        entries.reschedule(id, now.plus(backoff(Math.max(1, failures), r.retryAfter(), urgent)),
            true, !toldWhen, r.error());
        return;
      case UNREACHABLE:
        patients.setUnreachable(entry.getString("channel"), entry.getString("chatId"), true);
        entries.finish(entry, OutboxEntries.UNREACHABLE, r.error());
        int dropped = entries.dropChat(entry.getString("channel"), entry.getString("chatId"));
        log.info("outbox entry {}: recipient unreachable, {} more dropped", id, dropped);
        return;
      case FAILED:
      default:
        log.warn("outbox entry {} failed: {}", id, r.error());
        entries.finish(entry, OutboxEntries.FAILED, r.error());
    }
  }

  /**
   * base * 2^(attempts-1), at most 10 minutes (1 minute for urgent entries, which are never given
   * up), plus up to 20% jitter, never below retryAfter.
   */
  Duration backoff(int attempts, Duration retryAfter, boolean urgent) {
    long base = baseBackoff.toMillis() << Math.min(attempts - 1, 20);
    long capped = Math.min(base, (urgent ? URGENT_MAX_BACKOFF : MAX_BACKOFF).toMillis());
    long jitter = (long) (capped * 0.2 * ThreadLocalRandom.current().nextDouble());
    return Duration.ofMillis(Math.max(capped + jitter, orZero(retryAfter).toMillis()));
  }

  private static Duration orZero(Duration d) {
    return d == null ? Duration.ZERO : d;
  }

  @Override
  public void destroy() throws InterruptedException {
    thread.shutdown();
    thread.awaitTermination(10, TimeUnit.SECONDS);
  }
}
