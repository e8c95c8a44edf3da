package org.steady.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.steady.engine.Effect;
import org.steady.store.Collections;
import org.steady.store.EmbeddedMongo;
import org.steady.testing.MutableClock;

/** The local chat's message feed against the embedded store, through the real driver. */
class LocalMessagesIT {
  @TempDir Path tmp;
  private EmbeddedMongo store;
  private MongoClient client;
  private MongoDatabase db;
  private LocalMessages messages;

  @BeforeEach
  void setUp() {
    store = EmbeddedMongo.start(tmp.resolve("steady.mv"));
    client = MongoClients.create(store.uri());
    db = client.getDatabase("steady");
    messages = new LocalMessages(db, new MutableClock(Instant.parse("2026-11-23T08:00:00Z")),
        new LocalWaits());
  }

  @AfterEach
  void tearDown() {
    client.close();
    store.close();
  }

  @Test
  void revisionsGoOnFromTheHighestStoredOneAfterARestart() {
    messages.outbound("m1", "chat1", "first", List.of(), null);
    messages.outbound("m2", "chat1", "second", List.of(), null);
    LocalMessages restarted = new LocalMessages(db, new MutableClock(Instant.parse(
        "2026-11-23T09:00:00Z")), new LocalWaits());

    assertThat(restarted.latest("chat1")).isEqualTo(2);
    restarted.outbound("m3", "chat1", "after the restart", List.of(), null);
    assertThat(restarted.after("chat1", 2).messages()).extracting(d -> d.getString("_id"))
        .containsExactly("m3");
    assertThat(restarted.after("chat1", 0).rev()).isEqualTo(3);
  }

  @Test
  void aClosedQuestionComesAgainWithANewRevisionAndKeepsItsPlace() {
    messages.outbound("q", "chat1", "How did you sleep?", List.of(List.of(
        new Effect.Button("Well", "well"))), "t1");
    long shown = messages.inbound("in:1", "chat1", "Well");
    messages.close("chat1", "t1", "Well");

    LocalMessages.Page changed = messages.after("chat1", shown);
    assertThat(changed.messages()).extracting(d -> d.getString("_id")).containsExactly("q");
    assertThat(changed.messages().get(0).getBoolean("closed")).isTrue();
    assertThat(changed.messages().get(0).getString("chosen")).isEqualTo("Well");
    assertThat(messages.after("chat1", 0).messages()).extracting(d -> d.getString("_id"))
        .containsExactly("q", "in:1");
    assertThat(db.getCollection(Collections.LOCAL_MESSAGES).countDocuments(new Document()))
        .isEqualTo(2);
  }
}
