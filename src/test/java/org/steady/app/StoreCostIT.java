package org.steady.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.steady.store.Collections;
import org.steady.store.Durability;
import org.steady.store.EmbeddedMongo;
import org.steady.testing.Await;
import tools.jackson.databind.JsonNode;

/**
 * What one inbound message costs the store, counted through the driver: every command that the
 * accept, the processing and the outbox relay send, how many documents the embedded store read
 * to answer them (a scan reads the whole collection, an index lookup only its candidates), and
 * the durable commits. The real engine and the shipped conversations; the periodic ticks are off, so only
 * the message's own work is counted. Each test prints the commands it saw.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"steady.data-dir=${java.io.tmpdir}/steady-it-${random.uuid}",
        "steady.conversations-dir=conversations", "steady.outbox.tick=PT1H",
        "steady.schedule.tick=PT1H", "steady.escalation.tick=PT1H"})
@Import(StoreCostIT.Listening.class)
class StoreCostIT {
  @TestConfiguration(proxyBeanMethods = false)
  static class Listening {
    @Bean
    StoreRoundTrips storeRoundTrips() {
      return new StoreRoundTrips();
    }

    @Bean
    MongoClientSettingsBuilderCustomizer listen(StoreRoundTrips trips) {
      return b -> b.addCommandListener(trips);
    }
  }

  /** What one step cost: the app's store commands, the documents they read, the commits made. */
  record Cost(List<StoreRoundTrips.Call> calls, long documentsRead, long commits) {
    Cost print(String what) {
      System.out.println("== " + what + ": " + calls.size() + " store commands "
          + StoreRoundTrips.perPhase(calls) + ", " + documentsRead + " documents read, "
          + commits + " commits");
      calls.forEach(c -> System.out.println("   " + c));
      return this;
    }
  }

  @LocalServerPort int port;
  @Autowired StoreRoundTrips trips;
  @Autowired Durability durability;
  @Autowired EmbeddedMongo store;
  @Autowired MeterRegistry meters;
  @Autowired MongoDatabase db;
  private LocalChatClient chat;
  private String id;

  @BeforeEach
  void patient() {
    chat = new LocalChatClient(port);
    id = chat.createPatient("{\"name\":\"Cost\",\"locale\":\"en\",\"start\":false}");
  }

  @Test
  void aCommandToAnIdlePatientIsAnsweredWithFewStoreCommands() {
    send("/help");
    Cost c = send("/help").print("/help, from the POST to the delivered reply");
    assertThat(c.calls()).hasSizeLessThanOrEqualTo(18);
    assertThat(c.documentsRead()).isLessThanOrEqualTo(12);
    assertThat(c.commits()).isLessThanOrEqualTo(1); // the accepted message; the page needs none
  }

  @Test
  void aCheckInAnswerIsAnsweredWithFewStoreCommands() {
    send("/checkin");
    // the check-in may open with more than one message, each delivered as it is enqueued:
    // wait for the question itself rather than for the first message out
    Await.until("the check-in's first question", Duration.ofSeconds(20),
        () -> last(chat.messages(id)).has("buttons")
            && !last(chat.messages(id)).get("buttons").isEmpty());
    JsonNode ask = last(chat.messages(id));
    String data = ask.get("buttons").get(0).get(0).get("data").asString();
    Cost c = measure(() -> assertThat(chat.press(id, data).status()).isEqualTo(202), 2)
        .print("check-in answer: close the question, record it, ask the next");
    assertThat(c.calls()).hasSizeLessThanOrEqualTo(30);
    assertThat(c.documentsRead()).isLessThanOrEqualTo(20);
    assertThat(c.commits()).isLessThanOrEqualTo(1);
  }

  @Test
  void pollingTheChatWithNothingNewIsCheap() {
    send("hello");
    long rev = chat.get(messages(0)).body().get("rev").asLong();
    Cost none = measure(() -> chat.get(messages(rev)), 0).print("GET messages, nothing new");
    Cost one = measure(() -> chat.get(messages(rev - 1)), 0).print("GET messages, one new");
    assertThat(none.calls()).hasSizeLessThanOrEqualTo(1);
    assertThat(one.calls()).hasSizeLessThanOrEqualTo(1);
    assertThat(none.documentsRead()).isLessThanOrEqualTo(2);
    assertThat(one.documentsRead()).isLessThanOrEqualTo(3);
  }

  private Cost send(String text) {
    return measure(() -> assertThat(chat.say(id, text).status()).isEqualTo(202), 1);
  }

  /**
   * Runs {@code step} and waits until {@code delivered} more messages went out and nothing is
   * pending (an indexed look that finds nothing reads nothing, so the wait hardly adds to the
   * count).
   */
  private Cost measure(Runnable step, int delivered) {
    double sent = meters.counter("steady.messages.out").count() + delivered;
    trips.clear();
    long commits = durability.commits();
    long read = store.documentsRead();
    step.run();
    Await.until("the replies are delivered", Duration.ofSeconds(20),
        () -> meters.counter("steady.messages.out").count() >= sent
            && db.getCollection(Collections.OUTBOX).find(Filters.eq("status", "pending"))
                .first() == null);
    // The relay's last look for more work and its final commit may land after this: the
    // figures are at least what one message costs, and the bounds below are upper bounds, so
    // the test never waits on a timer and never flakes either way.
    String self = Thread.currentThread().getName();
    return new Cost(trips.calls().stream().filter(c -> !c.thread().equals(self)).toList(),
        store.documentsRead() - read, durability.commits() - commits);
  }

  private String messages(long after) {
    return "/api/local/patients/" + id + "/messages?after=" + after;
  }

  private static JsonNode last(JsonNode messages) {
    return messages.get(messages.size() - 1);
  }
}
