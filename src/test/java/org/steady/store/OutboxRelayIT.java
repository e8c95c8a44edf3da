package org.steady.store;

import org.steady.testing.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import net.javacrumbs.shedlock.core.ClockProvider;
import net.javacrumbs.shedlock.provider.mongo.MongoLockProvider;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.steady.chat.ChannelSender;

/** The outbox relay against the embedded store through the real driver, with a scripted channel. */
class OutboxRelayIT {
  @TempDir Path tmp;
  private EmbeddedMongo store;
  private MongoDatabase db;
  private MongoClient client;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T08:00:00Z"));
  private final FakeSender sender = new FakeSender();
  private OutboxEntries entries;
  private Patients patients;
  private Durability durability;
  private OutboxRelay relay;
  private MongoOutbox outbox;

  @BeforeEach
  void setUp() throws Exception {
    store = EmbeddedMongo.start(tmp.resolve("steady.mv"));
    client = MongoClients.create(store.uri());
    db = client.getDatabase("steady");
    StoreSchema.ensure(db);
    DefaultListableBeanFactory bf = new DefaultListableBeanFactory();
    bf.registerSingleton("store", store);
    entries = new OutboxEntries(db);
    patients = new Patients(db, clock);
    durability = new Durability(bf.getBeanProvider(EmbeddedMongo.class));
    relay = newRelay();
    outbox = new MongoOutbox(entries, relay, new Sequencer(clock), clock);
  }

  /** A relay as a process creates it at start-up, without its thread: tests drain by hand. */
  private OutboxRelay newRelay() throws InterruptedException {
    return newRelay(new RelayLeadership(null));
  }

  private OutboxRelay newRelay(RelayLeadership leadership) throws InterruptedException {
    OutboxRelay r = new OutboxRelay(entries, patients, durability, leadership, clock,
        List.of(sender), new SimpleMeterRegistry(), 3, Duration.ofSeconds(2));
    r.destroy();
    return r;
  }

  @AfterEach
  void tearDown() {
    client.close();
    store.close();
  }

  @Test
  void urgentEntriesGoFirst() {
    enqueue("a", "chat1", false);
    enqueue("b", "chat2", true);
    relay.drain();
    assertThat(sender.delivered).containsExactly("b", "a");
    assertThat(status("a")).isEqualTo("sent");
  }

  @Test
  void retryBacksOffAtLeastRetryAfterAndCountsTheAttempt() {
    sender.script.add(ChannelSender.Result.retry(Duration.ofSeconds(30), "429"));
    enqueue("a", "chat1", false);
    relay.drain();
    assertThat(entries.get("a").getInteger("attempts")).isEqualTo(1);
    clock.advance(Duration.ofSeconds(29));
    assertThat(relay.drain()).isZero();
    clock.advance(Duration.ofSeconds(2));
    relay.drain();
    assertThat(status("a")).isEqualTo("sent");
  }

  @Test
  void throttledWaitsWithoutCountingAnAttempt() {
    sender.script.add(ChannelSender.Result.throttled(Duration.ofSeconds(1)));
    enqueue("a", "chat1", false);
    relay.drain();
    assertThat(entries.get("a").getInteger("attempts")).isZero();
    assertThat(status("a")).isEqualTo("pending");
    clock.advance(Duration.ofSeconds(1));
    relay.drain();
    assertThat(status("a")).isEqualTo("sent");
  }

  @Test
  void givesUpAfterMaxAttempts() {
    for (int i = 0; i < 3; i++) {
      sender.script.add(ChannelSender.Result.retry(null, "503"));
    }
    enqueue("a", "chat1", false);
    for (int i = 0; i < 3; i++) {
      relay.drain();
      clock.advance(Duration.ofMinutes(11));
    }
    assertThat(status("a")).isEqualTo("failed");
  }

  @Test
  void rateLimitsNeverUseUpTheAttempts() {
    for (int i = 0; i < 5; i++) {
      sender.script.add(ChannelSender.Result.retry(Duration.ofSeconds(30), "429"));
    }
    enqueue("a", "chat1", false);
    for (int i = 0; i < 6; i++) {
      relay.drain();
      clock.advance(Duration.ofSeconds(31));
    }
    assertThat(status("a")).isEqualTo("sent");
    assertThat(sender.delivered).hasSize(6);
  }

  @Test
  void anUrgentEntryIsNeverGivenUp() {
    for (int i = 0; i < 7; i++) {
      sender.script.add(ChannelSender.Result.retry(null, "503"));
    }
    enqueue("crisis", "chat1", true);
    for (int i = 0; i < 8; i++) {
      relay.drain();
      assertThat(status("crisis")).isNotEqualTo("failed");
      clock.advance(Duration.ofSeconds(73)); // urgent back-off: at most a minute, +20% jitter
    }
    assertThat(status("crisis")).isEqualTo("sent");
    assertThat(sender.delivered).hasSize(8);
  }

  @Test
  void unreachableMarksThePatientAndDropsWhatIsPending() {
    patients.findOrCreate("fake", "chat1", null, "en");
    sender.script.add(ChannelSender.Result.unreachable("403 blocked"));
    enqueue("a", "chat1", false);
    enqueue("b", "chat1", false);
    relay.drain();
    assertThat(status("a")).isEqualTo("unreachable");
    assertThat(status("b")).isEqualTo("unreachable");
    assertThat(patients.isUnreachable("fake", "chat1")).isTrue();
    enqueue("c", "chat1", false);
    relay.drain();
    assertThat(status("c")).isEqualTo("unreachable");
    assertThat(sender.delivered).containsExactly("a");
  }

  @Test
  void onlyTheLeadingInstanceSendsAndAnotherTakesOverWhenItsLeaseRunsOut() throws Exception {
    ClockProvider.setClock(clock);
    try {
      OutboxRelay first = newRelay(new RelayLeadership(new MongoLockProvider(db)));
      OutboxRelay second = newRelay(new RelayLeadership(new MongoLockProvider(db)));
      enqueue("a", "chat1", false);
      assertThat(first.drain()).isEqualTo(1);
      enqueue("b", "chat1", false);
      assertThat(second.drain()).isZero(); // the first one leads

      clock.advance(RelayLeadership.LEASE.plusSeconds(1)); // the first one died
      assertThat(second.drain()).isEqualTo(1);
      assertThat(sender.delivered).containsExactly("a", "b");
    } finally {
      ClockProvider.setClock(java.time.Clock.systemUTC());
    }
  }

  @Test
  void aProcessKilledBetweenSendingAndRecordingItSendsAgainAtOnceOnTheEmbeddedStore()
      throws Exception {
    enqueue("a", "chat1", false);
    enqueue("b", "chat1", false);
    sender.crashAfter = "a";
    assertThatThrownBy(relay::drain).isInstanceOf(Crash.class);
    sender.crashAfter = null;

    newRelay().drain(); // the next process, on the same file: no lease to wait for
    assertThat(sender.delivered).containsExactly("a", "a", "b"); // at least once, never lost
    assertThat(status("a")).isEqualTo("sent");
  }

  @Test
  void aThrottledChatWaitsWithoutAWriteWhileOtherChatsGo() {
    sender.script.add(ChannelSender.Result.throttled(Duration.ofMillis(500)));
    enqueue("a", "chat1", false);
    enqueue("b", "chat1", false);
    enqueue("c", "chat2", false);
    Document before = entries.get("a");
    relay.drain();
    assertThat(sender.delivered).containsExactly("a", "c");
    assertThat(entries.get("a")).isEqualTo(before);

    clock.advance(Duration.ofMillis(500));
    relay.drain();
    assertThat(sender.delivered).containsExactly("a", "c", "a", "b");
  }

  @Test
  void aChannelAtItsOverallLimitIsNotAskedAgainUntilItsWaitIsOver() {
    sender.script.add(ChannelSender.Result.throttled(Duration.ofMillis(40), true));
    for (int i = 0; i < 5; i++) {
      enqueue("m" + i, "chat" + i, false);
    }
    relay.drain();
    assertThat(sender.delivered).containsExactly("m0"); // the others were not even tried

    clock.advance(Duration.ofMillis(40));
    relay.drain();
    assertThat(sender.delivered).containsExactly("m0", "m0", "m1", "m2", "m3", "m4");
  }

  @Test
  void aMessageLeavingTheProcessIsCommittedBeforeAndAfterButAStoreOnlyChannelIsNot() {
    long before = durability.commits();
    enqueue("a", "chat1", false);
    relay.drain();
    assertThat(durability.commits() - before).isEqualTo(2);

    sender.leaves = false; // like the local chat page: delivery is a write into the store
    long then = durability.commits();
    enqueue("b", "chat1", false);
    relay.drain();
    assertThat(durability.commits()).isEqualTo(then);
    assertThat(status("b")).isEqualTo("sent");
  }

  @Test
  void anUrgentEntryEnqueuedDuringAPassGoesBeforeTheRestOfTheRoutineBatch() {
    enqueue("r1", "chat1", false);
    enqueue("r2", "chat2", false);
    enqueue("r3", "chat3", false);
    sender.onDeliver = id -> {
      if (id.equals("r1")) {
        enqueue("u", "chat4", true); // a crisis message, enqueued by another thread meanwhile
      }
    };
    relay.drain();
    assertThat(sender.delivered).containsExactly("r1", "u", "r2", "r3");
  }

  @Test
  void aChatsLaterMessageWaitsBehindAnEarlierOneInBackoff() {
    sender.script.add(ChannelSender.Result.retry(Duration.ofSeconds(10), "timeout"));
    enqueue("a", "chat1", false);
    enqueue("b", "chat1", false);
    enqueue("c", "chat2", false);
    relay.drain();
    assertThat(sender.delivered).containsExactly("a", "c");
    clock.advance(Duration.ofSeconds(11));
    relay.drain();
    assertThat(sender.delivered).containsExactly("a", "c", "a", "b");
  }

  @Test
  void aMessageEnqueuedAgainAfterItWasSentIsNotSentAgain() {
    enqueue("a", "chat1", false);
    relay.drain();
    enqueue("a", "chat1", false); // a replay after a crash
    relay.drain();
    assertThat(sender.delivered).containsExactly("a");
    assertThat(status("a")).isEqualTo("sent");
  }

  @Test
  void aPatientWhoCameBackIsSentToAgain() {
    patients.findOrCreate("fake", "chat1", null, "en");
    sender.script.add(ChannelSender.Result.unreachable("403 blocked"));
    enqueue("a", "chat1", false);
    relay.drain();
    patients.setUnreachable("fake", "chat1", false); // they wrote to the bot again
    enqueue("b", "chat1", false);
    relay.drain();
    assertThat(sender.delivered).containsExactly("a", "b");
    assertThat(status("b")).isEqualTo("sent");
  }

  @Test
  void enqueueIsIdempotentOnId() {
    enqueue("a", "chat1", false);
    enqueue("a", "chat1", false);
    assertThat(entries.count(new Document())).isEqualTo(1);
  }

  private void enqueue(String id, String chat, boolean urgent) {
    outbox.enqueue(id, "fake:" + chat, "fake", chat, "send", "text " + id, List.of(), null,
        urgent);
  }

  private String status(String id) {
    return entries.get(id).getString("status");
  }

  /** Answers from a script, then SENT. */
  static final class FakeSender implements ChannelSender {
    final Deque<Result> script = new ArrayDeque<>();
    final List<String> delivered = new ArrayList<>();

    @Override
    public String channel() {
      return "fake";
    }

    String crashAfter;
    boolean leaves = true;
    java.util.function.Consumer<String> onDeliver = id -> { };

    @Override
    public boolean leavesTheProcess() {
      return leaves;
    }

    @Override
    public Result deliver(Outgoing message) {
      delivered.add(message.id());
      onDeliver.accept(message.id());
      if (message.id().equals(crashAfter)) {
        throw new Crash(); // the process dies after the channel took the message
      }
      Result r = script.poll();
      return r == null ? Result.sent("m-" + message.id()) : r;
    }
  }

  /** Stands for the process dying: not an exception the relay handles. */
  static final class Crash extends Error {
    private static final long serialVersionUID = 1L;
  }
}
