package org.steady.store;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.steady.chat.ChannelSender;

/**
 * Carries outbox entries out through each channel's {@link ChannelSender}, in passes: read the
 * due urgent entries, then the due routine ones (a batch each, in enqueue order), make
 * everything so far durable, deliver, mark what was sent in one go and make that durable too. (A
 * channel whose messages do not leave the process, the local chat page, needs neither commit: see
 * {@link ChannelSender#leavesTheProcess}.) A pass for one message costs four store commands: the
 * relay remembers which patients blocked the bot and which chats wait for a retry, as only the
 * leading relay changes either, and looks those up only for the batch's chats it has reason to.
 * Only the leading instance sends ({@link RelayLeadership}).
 *
 * <ul>
 *   <li>{@code SENT}: done. {@code RETRY}: backs off exponentially with jitter (at least the
 *       channel's {@code retryAfter}); a routine entry is given up after {@code max-attempts}
 *       failures (429s with a retry-after do not count), an urgent one (crisis message, alert)
 *       never is. {@code UNREACHABLE}: marks the patient unreachable and drops what is pending
 *       for them. {@code FAILED}: given up.
 *   <li>{@code THROTTLED} (the channel's own pacing): nothing is written; the chat is left alone
 *       until the wait is over and the relay wakes up by itself then, so a backlog waiting for
 *       Telegram's limit costs no store writes.
 *   <li>A chat's messages go in order: while one waits for a retry, the chat's later ones wait
 *       behind it.
 *   <li>Urgent entries never wait long: a pass stops taking routine entries after
 *       {@link #PASS_BUDGET}, or as soon as an urgent entry is enqueued here, and the next pass
 *       reads the urgent lane first.
 * </ul>
 *
 * <p>Runs on one thread, woken by {@link #nudge} after every enqueue, by a scheduled tick (for
 * retries that became due) and when a throttle ends.
 */
@Component
public class OutboxRelay implements DisposableBean {
  private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
  static final int BATCH = 100;
  private static final Duration PASS_BUDGET = Duration.ofSeconds(1);
  private static final long FLUSH_NANOS = TimeUnit.MILLISECONDS.toNanos(250);
  private static final Duration NO_SENDER_WAIT = Duration.ofMinutes(1);
  private static final Duration MAX_BACKOFF = Duration.ofMinutes(10);
  private static final Duration URGENT_MAX_BACKOFF = Duration.ofMinutes(1);

  private final OutboxEntries entries;
  private final Patients patients;
  private final Durability durability;
  private final RelayLeadership leadership;
  private final Clock clock;
  private final Map<String, ChannelSender> senders = new HashMap<>();
  private final Counter sentCounter;
  private final int maxAttempts;
  private final Duration baseBackoff;
  private final ScheduledThreadPoolExecutor thread = new ScheduledThreadPoolExecutor(1, r -> {
    Thread t = new Thread(r, "steady-outbox-relay");
    t.setDaemon(true);
    return t;
  });
  private final AtomicBoolean queued = new AtomicBoolean();
  private final AtomicBoolean urgentWaiting = new AtomicBoolean();
  /** Chats whose channel asked to wait (pacing), until when: left alone without a write. */
  private final Map<String, Instant> throttled = new HashMap<>();
  /**
   * Patients who blocked the bot: only the leading relay marks them, so while it leads it knows
   * them all; an entry for one of them is checked against the store (they may have come back).
   * Null until loaded.
   */
  private @Nullable Set<String> unreachable;
  /**
   * Chats with routine entries waiting for a retry: only the leading relay puts them off, so
   * while it leads it knows them; only entries of these chats need a look for earlier ones.
   * Null until loaded.
   */
  private @Nullable Set<String> putOff;

  public OutboxRelay(OutboxEntries entries, Patients patients, Durability durability,
      RelayLeadership leadership, Clock clock, List<ChannelSender> senders, MeterRegistry meters,
      @Value("${steady.outbox.max-attempts:12}") int maxAttempts,
      @Value("${steady.outbox.base-backoff:2s}") Duration baseBackoff) {
    this.entries = entries;
    this.patients = patients;
    this.durability = durability;
    this.leadership = leadership;
    this.clock = clock;
    senders.forEach(s -> this.senders.put(s.channel(), s));
    this.sentCounter = Counter.builder("steady.messages.out")
        .description("Messages delivered to people").register(meters);
    this.maxAttempts = maxAttempts;
    this.baseBackoff = baseBackoff;
    thread.setExecuteExistingDelayedTasksAfterShutdownPolicy(false); // a wake-up, not work
  }

  /** Wakes the relay soon; many nudges while it is queued collapse into one run. */
  public void nudge() {
    if (queued.compareAndSet(false, true)) {
      try {
        thread.execute(this::drainQuietly);
      } catch (RejectedExecutionException shuttingDown) {
        queued.set(false);
      }
    }
  }

  /** An urgent entry was enqueued: a pass busy with routine entries makes way for it. */
  public void nudgeUrgent() {
    urgentWaiting.set(true);
    nudge();
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

  /** Delivers every entry that can go now; returns how many were attempted. Public for tests. */
  public int drain() {
    if (!leadership.leads()) {
      unreachable = null; // another instance may change them meanwhile
      putOff = null;
      return 0;
    }
    int attempted = 0;
    Pass pass;
    do {
      pass = new Pass(clock.instant());
      pass.run();
      attempted += pass.attempted;
    } while (pass.more);
    if (pass.wakeAt != null) {
      long millis = Math.max(1, Duration.between(clock.instant(), pass.wakeAt).toMillis());
      try {
        thread.schedule(this::nudge, millis, TimeUnit.MILLISECONDS);
      } catch (RejectedExecutionException shuttingDown) {
        // the next start delivers it
      }
    }
    return attempted;
  }

  /** One read-deliver-finish round over at most a batch of each lane. */
  private final class Pass {
    private final Instant now;
    private final long started = System.nanoTime();
    private final List<Document> sent = new ArrayList<>();
    private final Set<String> skipChats = new HashSet<>();
    private final Set<String> skipChannels = new HashSet<>();
    private long flushed = started;
    int attempted;
    int held;
    boolean more;
    Instant wakeAt;

    Pass(Instant now) {
      this.now = now;
    }

    void run() {
      urgentWaiting.set(false);
      throttled.values().removeIf(until -> !until.isAfter(now));
      if (unreachable == null || putOff == null) {
        unreachable = patients.unreachable();
        putOff = chatsOf(entries.waiting(null, now));
      }
      List<Document> urgent = entries.due(true, now, BATCH);
      List<Document> routine = entries.due(false, now, BATCH, throttled.keySet());
      if (urgent.isEmpty() && routine.isEmpty()) {
        wakeAt = throttled.values().stream().min(Instant::compareTo).orElse(null);
        return;
      }
      List<Document> all = new ArrayList<>(urgent);
      all.addAll(routine);
      Set<String> blocked = stillUnreachable(all);
      Map<String, Document> waiting = firstWaiting(routine);
      boolean leaving = all.stream().anyMatch(this::leaves);
      if (leaving) {
        durability.commit(); // what is sent below must survive a crash with what produced it
      }
      boolean cut = false;
      for (Document entry : all) {
        boolean isUrgent = entry.getBoolean("urgent", false);
        if (!isUrgent && (urgentWaiting.get() || over(PASS_BUDGET))) {
          cut = true;
          break;
        }
        String chat = chatKey(entry);
        if (skipChats.contains(chat) || skipChannels.contains(entry.getString("channel"))) {
          continue;
        }
        if (blocked.contains(patientId(entry))) {
          entries.finish(entry, OutboxEntries.UNREACHABLE, "patient unreachable");
          held++;
          continue;
        }
        Document earlier = isUrgent ? null : waiting.get(chat);
        if (earlier != null && order(earlier) < order(entry)) {
          holdBehind(entry, earlier);
          held++;
          continue;
        }
        deliver(entry, chat);
        flushSentEvery(FLUSH_NANOS);
      }
      flushSentEvery(0);
      if (leaving) {
        durability.commit(); // and so must the record that it was sent
      }
      more = cut || (urgent.size() == BATCH || routine.size() == BATCH) && attempted + held > 0
          && skipChannels.isEmpty();
      if (!more) {
        Instant chatWake = throttled.values().stream().min(Instant::compareTo).orElse(null);
        wakeAt = wakeAt == null || chatWake != null && chatWake.isBefore(wakeAt) ? chatWake
            : wakeAt;
      }
    }

    private void deliver(Document entry, String chat) {
      String id = entry.getString("_id");
      ChannelSender sender = senders.get(entry.getString("channel"));
      if (sender == null) {
        log.warn("no sender for channel {}; outbox entry {} waits", entry.getString("channel"), id);
        entries.reschedule(id, now.plus(NO_SENDER_WAIT), false, "no sender");
        putOff.add(chat);
        skipChats.add(chat);
        return;
      }
      attempted++;
      ChannelSender.Result result;
      try {
        result = sender.deliver(OutboxEntries.outgoing(entry));
      } catch (RuntimeException e) {
        result = ChannelSender.Result.retry(null, e.getClass().getName());
      }
      if (result.status() == ChannelSender.Status.SENT) {
        sent.add(entry.append("externalMessageId", result.externalMessageId())
            .append("sentAt", Date.from(clock.instant())));
        sentCounter.increment();
        return;
      }
      skipChats.add(chat); // its later messages wait behind this one
      apply(entry, chat, result);
    }

    private void apply(Document entry, String chat, ChannelSender.Result r) {
      String id = entry.getString("_id");
      switch (r.status()) {
        case THROTTLED:
          Instant until = now.plus(orZero(r.retryAfter()));
          if (r.wholeChannel()) {
            skipChannels.add(entry.getString("channel")); // no chat of it can go now
            wakeAt = wakeAt == null || until.isBefore(wakeAt) ? until : wakeAt;
          } else {
            throttled.merge(chat, until, (a, b) -> a.isAfter(b) ? a : b);
          }
          return;
        case RETRY:
          retry(entry, r);
          return;
        case UNREACHABLE:
          patients.setUnreachable(entry.getString("channel"), entry.getString("chatId"), true);
          unreachable.add(patientId(entry));
          entries.finish(entry, OutboxEntries.UNREACHABLE, r.error());
          long dropped = entries.dropChat(entry.getString("channel"), entry.getString("chatId"));
          log.info("outbox entry {}: recipient unreachable, {} more dropped", id, dropped);
          return;
        case FAILED:
        default:
          log.warn("outbox entry {} failed: {}", id, r.error());
          entries.finish(entry, OutboxEntries.FAILED, r.error());
      }
    }

    private void retry(Document entry, ChannelSender.Result r) {
      String id = entry.getString("_id");
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
      putOff.add(chatKey(entry));
    }

    private boolean leaves(Document entry) {
      ChannelSender sender = senders.get(entry.getString("channel"));
      return sender == null || sender.leavesTheProcess();
    }

    /** Moves the entry out of the due set until the earlier one it waits behind is tried. */
    private void holdBehind(Document entry, Document earlier) {
      Instant after = earlier.getDate("nextAttemptAt").toInstant();
      entries.reschedule(entry.getString("_id"), (after.isAfter(now) ? after : now).plusMillis(1),
          false, null);
      putOff.add(chatKey(entry));
    }

    /** Of the batch's patients, those still unreachable (only known ones are looked up). */
    private Set<String> stillUnreachable(List<Document> batch) {
      Set<String> suspects = patientIds(batch);
      suspects.retainAll(unreachable);
      if (suspects.isEmpty()) {
        return suspects;
      }
      Set<String> still = patients.unreachable(suspects);
      suspects.removeAll(still);
      unreachable.removeAll(suspects); // came back: they wrote to the bot again
      return still;
    }

    /** Per chat of the batch that may have one, its earliest entry waiting for a retry. */
    private Map<String, Document> firstWaiting(List<Document> routine) {
      Set<String> chats = chatsOf(routine);
      chats.retainAll(putOff);
      List<Document> waiting = entries.waiting(chats, now);
      Set<String> stillWaiting = chatsOf(waiting);
      chats.removeAll(stillWaiting);
      putOff.removeAll(chats); // their retries went out
      Map<String, Document> first = new HashMap<>();
      for (Document d : waiting) {
        first.merge(chatKey(d), d, (a, b) -> order(a) <= order(b) ? a : b);
      }
      return first;
    }

    /** Records what was sent so far as done, if {@code nanos} passed since the last time. */
    private void flushSentEvery(long nanos) {
      if (!sent.isEmpty() && System.nanoTime() - flushed >= nanos) {
        entries.markSent(sent);
        sent.clear();
        flushed = System.nanoTime();
      }
    }

    private boolean over(Duration budget) {
      return System.nanoTime() - started > budget.toNanos();
    }
  }

  private static Set<String> chatsOf(List<Document> entries) {
    Set<String> chats = new HashSet<>();
    entries.forEach(e -> chats.add(chatKey(e)));
    return chats;
  }

  private static Set<String> patientIds(List<Document> entries) {
    Set<String> ids = new HashSet<>();
    entries.forEach(e -> ids.add(patientId(e)));
    return ids;
  }

  private static String patientId(Document entry) {
    return Patient.idFor(entry.getString("channel"), entry.getString("chatId"));
  }

  private static String chatKey(Document entry) {
    return entry.getString("channel") + ":" + entry.getString("chatId");
  }

  private static long order(Document entry) {
    return entry.get("order", Number.class).longValue();
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
