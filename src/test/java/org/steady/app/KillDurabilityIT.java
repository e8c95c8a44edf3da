package org.steady.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.steady.store.EmbeddedMongo;

/**
 * What the API accepted (202) survives {@code kill -9} of the process on the embedded store, and
 * the next start processes it (crash repair).
 */
class KillDurabilityIT {
  private static final int MESSAGES = 200;
  @TempDir Path tmp;

  @Test
  void acceptedMessagesSurviveKillNineAndAreAnsweredAfterRestart() throws Exception {
    Map<String, String> env = Map.of("STEADY_DATA_DIR", tmp.resolve("data").toString());
    List<String> accepted = new ArrayList<>();
    String patient;
    try (AppProcess app = AppProcess.start(EchoEngineMain.class, env, tmp.resolve("1.log"))) {
      LocalChatClient chat = new LocalChatClient(app.awaitPort());
      patient = chat.createPatient("{\"name\":\"Kim\",\"start\":false}");
      accepted.addAll(sendInParallel(chat, patient));
      app.kill();
    }
    assertThat(accepted).hasSize(MESSAGES);

    try (EmbeddedMongo store = EmbeddedMongo.start(tmp.resolve("data/steady.mv"));
        MongoClient client = MongoClients.create(store.uri())) {
      long found = client.getDatabase("steady").getCollection("inbox")
          .countDocuments(Filters.in("_id", accepted));
      assertThat(found).isEqualTo(MESSAGES);
    }

    try (AppProcess app = AppProcess.start(EchoEngineMain.class, env, tmp.resolve("2.log"))) {
      LocalChatClient chat = new LocalChatClient(app.awaitPort());
      long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
      java.util.Set<String> replies = new java.util.HashSet<>();
      long rev = 0;
      while (replies.size() < MESSAGES && System.nanoTime() < deadline) {
        var page = chat.get("/api/local/patients/" + patient + "/messages?after=" + rev).body();
        for (var m : page.get("messages")) {
          if (m.get("direction").asString().equals("out")) {
            replies.add(m.get("id").asString());
          }
        }
        rev = page.get("rev").asLong();
        Thread.sleep(200);
      }
      assertThat(replies).hasSize(MESSAGES);
      app.stop();
    }
    try (EmbeddedMongo store = EmbeddedMongo.start(tmp.resolve("data/steady.mv"));
        MongoClient client = MongoClients.create(store.uri())) {
      var db = client.getDatabase("steady");
      assertThat(db.getCollection("inbox").countDocuments(
          Filters.and(Filters.in("_id", accepted), Filters.eq("status", "processed"))))
          .isEqualTo(MESSAGES);
      List<String> replyIds = accepted.stream().map(id -> id + ":0").toList();
      assertThat(db.getCollection("outbox").countDocuments(
          Filters.and(Filters.in("_id", replyIds), Filters.eq("status", "sent"))))
          .isEqualTo(MESSAGES);
      assertThat(db.getCollection("outbox").countDocuments(new Document()))
          .isEqualTo(MESSAGES);
    }
  }

  private static List<String> sendInParallel(LocalChatClient chat, String patient)
      throws Exception {
    ConcurrentLinkedQueue<String> ids = new ConcurrentLinkedQueue<>();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<?>> done = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      int from = t;
      done.add(pool.submit(() -> {
        for (int i = from; i < MESSAGES; i += 4) {
          LocalChatClient.Reply r = chat.say(patient, "message number " + i);
          assertThat(r.status()).isEqualTo(202);
          ids.add(r.body().get("accepted").asString());
        }
      }));
    }
    for (Future<?> f : done) {
      f.get();
    }
    pool.shutdown();
    return new ArrayList<>(ids);
  }
}
