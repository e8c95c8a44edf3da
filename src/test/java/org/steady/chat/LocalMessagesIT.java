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
  void aRevisionLostInACrashDoesNotHideLaterMessages() {
    messages.outbound("m1", "chat1", "first", List.of(), null);
    // a kill -9 between taking revision 2 and recording it leaves the counter ahead of the record
    db.getCollection(Collections.COUNTERS).updateOne(Filters.eq("_id", "local-rev:chat1"),
        Updates.inc("rev", 1L), new UpdateOptions().upsert(true));
    messages.outbound("m3", "chat1", "after the restart", List.of(), null);

    LocalMessages.Page page = messages.after("chat1", 0);

    assertThat(page.messages()).extracting(d -> d.getString("_id")).containsExactly("m1", "m3");
    assertThat(page.rev()).isEqualTo(3);
    assertThat(messages.after("chat1", 1).messages()).extracting(d -> d.getString("_id"))
        .containsExactly("m3");
  }

  @Test
  void theNewestRevisionWaitsUntilItIsWritten() {
    messages.outbound("m1", "chat1", "first", List.of(), null);
    db.getCollection(Collections.COUNTERS).updateOne(Filters.eq("_id", "local-rev:chat1"),
        Updates.inc("rev", 1L), new UpdateOptions().upsert(true));

    LocalMessages.Page page = messages.after("chat1", 0);

    assertThat(page.messages()).extracting(d -> d.getString("_id")).containsExactly("m1");
    assertThat(page.rev()).isEqualTo(1);
    assertThat(db.getCollection(Collections.LOCAL_MESSAGES).countDocuments(new Document()))
        .isEqualTo(1);
  }
}
