package org.steady.store;

import org.steady.testing.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;

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
    MongoDatabase db = client.getDatabase("steady");
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
    OutboxRelay r = new OutboxRelay(entries, patients, durability, clock, List.of(sender),
        new SimpleMeterRegistry(), 3, Duration.ofSeconds(2));
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
  void aCrashedRelaysLeaseExpiresAndTheEntryIsClaimedAgain() {
    enqueue("a", "chat1", false);
    assertThat(entries.claim(clock.instant(), clock.instant().plusSeconds(30), "dead")).isNotNull();
    assertThat(relay.drain()).isZero();
    clock.advance(Duration.ofSeconds(31));
    relay.drain();
    assertThat(status("a")).isEqualTo("sent");
  }

  @Test
  void theNextProcessOnTheEmbeddedStoreFreesTheLeasesOfTheOneThatDied() throws Exception {
    enqueue("a", "chat1", false);
    enqueue("b", "chat1", false);
    assertThat(entries.claim(clock.instant(), clock.instant().plusSeconds(30), "dead")).isNotNull();
    newRelay().drain(); // the next process, on the same file, long before the lease runs out
    assertThat(sender.delivered).containsExactly("a", "b");
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

    @Override
    public Result deliver(Outgoing message) {
      delivered.add(message.id());
      Result r = script.poll();
      return r == null ? Result.sent("m-" + message.id()) : r;
    }
  }
}
