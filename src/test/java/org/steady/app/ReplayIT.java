package org.steady.app;

import org.steady.testing.Await;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.steady.chat.InboundHandler;
import org.steady.store.InboxStore;

/** Replaying an inbox entry (what crash repair does) applies nothing twice. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"steady.data-dir=${java.io.tmpdir}/steady-it-${random.uuid}",
        "steady.conversations-dir=" + TestConversations.DIR})
@Import(EchoEngineConfig.class)
class ReplayIT {
  @LocalServerPort int port;
  @Autowired MongoDatabase db;
  @Autowired InboxStore inbox;
  @Autowired InboundHandler handler;

  @Test
  void replayedEntryAddsNoOutboxEntriesTranscriptsOrMessages() throws Exception {
    LocalChatClient chat = new LocalChatClient(port);
    String patient = chat.createPatient("{}");
    chat.awaitMessage(patient, m -> m.get("buttons").size() > 0);
    String startId = "local:start:onboarding:" + patient;
    awaitOutboxSettled(patient);
    Snapshot before = snapshot(patient);

    inbox.reopen(startId);
    handler.accept(inbox.get(startId).inbound());
    awaitProcessed(startId);
    awaitOutboxSettled(patient);
    assertThat(snapshot(patient)).isEqualTo(before);
    assertThat(chat.messages(patient).size()).isEqualTo(1);
  }

  @Test
  void replayAfterCrashBeforeEffectsRecreatesThemFromTheSession() throws Exception {
    LocalChatClient chat = new LocalChatClient(port);
    String patient = chat.createPatient("{}");
    chat.awaitMessage(patient, m -> m.get("buttons").size() > 0);
    String startId = "local:start:onboarding:" + patient;
    awaitOutboxSettled(patient);
    Bson ofStart = Filters.regex("_id", "^" + startId + ":");
    List<String> texts = db.getCollection("outbox").find(ofStart)
        .map(d -> d.getString("text")).into(new ArrayList<>());
    Snapshot before = snapshot(patient);

    // as if the process died after saving the session but before writing the effects
    db.getCollection("outbox").deleteMany(ofStart);
    db.getCollection("transcripts").deleteMany(Filters.eq("patientId", "local:" + patient));
    inbox.reopen(startId);
    handler.accept(inbox.get(startId).inbound());
    awaitProcessed(startId);
    awaitOutboxSettled(patient);

    assertThat(snapshot(patient)).isEqualTo(before);
    assertThat(db.getCollection("outbox").find(ofStart).map(d -> d.getString("text"))
        .into(new ArrayList<>())).isEqualTo(texts);
  }

  record Snapshot(long outbox, long transcripts, long answers, long sessionVersion) {}

  private Snapshot snapshot(String patient) {
    String id = "local:" + patient;
    Document s = db.getCollection("sessions").find(Filters.eq("_id", id)).first();
    return new Snapshot(
        db.getCollection("outbox").countDocuments(Filters.eq("patientId", id)),
        db.getCollection("transcripts").countDocuments(Filters.eq("patientId", id)),
        db.getCollection("answers").countDocuments(Filters.eq("patientId", id)),
        s == null ? 0 : s.get("version", Number.class).longValue());
  }

  private void awaitOutboxSettled(String patient) {
    Await.until("nothing is pending in the outbox of " + patient, Duration.ofSeconds(10),
        () -> db.getCollection("outbox").countDocuments(Filters.and(
            Filters.eq("patientId", "local:" + patient), Filters.eq("status", "pending"))) == 0);
  }

  private void awaitProcessed(String id) {
    Await.until(id + " is processed", Duration.ofSeconds(10),
        () -> InboxStore.PROCESSED.equals(inbox.get(id).status()));
  }
}
