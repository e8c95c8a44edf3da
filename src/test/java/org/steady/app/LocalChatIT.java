package org.steady.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.steady.store.Transcripts;
import tools.jackson.databind.JsonNode;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"steady.data-dir=${java.io.tmpdir}/steady-it-${random.uuid}",
        "steady.conversations-dir=" + TestConversations.DIR})
@Import(EchoEngineConfig.class)
class LocalChatIT {
  @LocalServerPort int port;
  @Autowired MongoDatabase db;
  @Autowired Transcripts transcripts;

  @Test
  void newPatientIsOnboardedAndChecksInOverTheLocalApi() {
    LocalChatClient chat = new LocalChatClient(port);
    String id = chat.createPatient("{\"name\":\"Ana\",\"locale\":\"es\"}");
    assertThat(chat.get("/api/local/patients").body().toString()).contains(id, "Ana", "es");

    JsonNode hello = chat.awaitMessage(id, m -> m.get("text").asString().contains("onboarding"));
    assertThat(hello.get("direction").asString()).isEqualTo("out");
    assertThat(chat.press(id, LocalChatClient.firstButton(hello)).status()).isEqualTo(202);
    chat.awaitMessage(id, m -> m.get("id").asString().equals(hello.get("id").asString())
        && m.get("closed").asBoolean() && "Good".equals(m.get("chosen").asString()));

    LocalChatClient.Reply accepted = chat.say(id, "/checkin");
    assertThat(accepted.status()).isEqualTo(202);
    JsonNode ask = chat.awaitMessage(id, m -> m.get("text").asString().contains("daily-checkin"));
    chat.press(id, ask.get("buttons").get(0).get(1).get("data").asString());
    chat.awaitMessage(id, m -> m.get("id").asString().equals(ask.get("id").asString())
        && m.get("closed").asBoolean());
    chat.awaitMessage(id, m -> m.get("text").asString().equals("Thanks.")
        && m.get("rev").asLong() > ask.get("rev").asLong());

    List<Document> t = transcripts.forPatient("local:" + id);
    assertThat(t).extracting(d -> d.getString("direction") + ":" + d.getString("kind"))
        .containsExactly("out:message", "in:button", "out:message", "in:command", "out:message",
            "in:button", "out:message");
    Document checkinAnswer = t.get(5);
    assertThat(checkinAnswer.getString("scriptId")).isEqualTo("daily-checkin");
    assertThat(checkinAnswer.getString("scriptVersion")).isEqualTo("v1");
    assertThat(checkinAnswer.getString("stepId")).isEqualTo("ask");
    assertThat(checkinAnswer.getList("answers", Document.class).get(0).getString("value"))
        .isEqualTo("bad");
    assertThat(db.getCollection("answers").countDocuments(Filters.eq("patientId", "local:" + id)))
        .isEqualTo(2);
    assertThat(db.getCollection("inbox").countDocuments(Filters.and(
        Filters.eq("chatId", id), Filters.ne("status", "processed")))).isZero();

    String metrics = chat.text("/actuator/prometheus");
    assertThat(metrics).contains("steady_messages_in_total", "steady_messages_out_total",
        "steady_checkins_started_total", "steady_checkins_completed_total",
        "steady_escalations_total{severity=\"urgent\"}");
  }

  @Test
  void chatHistoryReturnsOnlyNewerRevisions() {
    LocalChatClient chat = new LocalChatClient(port);
    String id = chat.createPatient("{\"start\":false}");
    chat.say(id, "hello there");
    JsonNode reply = chat.awaitMessage(id, m -> m.get("direction").asString().equals("out"));
    assertThat(reply.get("text").asString()).isEqualTo("Got 11 characters.");
    LocalChatClient.Reply all = chat.get("/api/local/patients/" + id + "/messages?after=0");
    assertThat(all.body().get("messages").get(0).get("direction").asString()).isEqualTo("in");
    long rev = all.body().get("rev").asLong();
    LocalChatClient.Reply none = chat.get("/api/local/patients/" + id + "/messages?after=" + rev);
    assertThat(none.body().get("messages").size()).isZero();
    assertThat(none.body().get("rev").asLong()).isEqualTo(rev);
  }

  @Test
  void aWaitingReaderIsAnsweredAsSoonAsSomethingNewIsWritten() throws Exception {
    LocalChatClient chat = new LocalChatClient(port);
    String id = chat.createPatient("{\"start\":false}");
    chat.say(id, "hello there");
    chat.awaitMessage(id, m -> m.get("direction").asString().equals("out"));
    long rev = chat.get("/api/local/patients/" + id + "/messages?after=0").body().get("rev")
        .asLong();
    String waitFor = "/api/local/patients/" + id + "/messages?after=" + rev + "&wait=20";

    CompletableFuture<LocalChatClient.Reply> waiting =
        CompletableFuture.supplyAsync(() -> chat.get(waitFor));
    LocalChatClient.Reply posted = chat.say(id, "and again");
    assertThat(posted.body().get("rev").asLong()).as("the revision of the message itself")
        .isEqualTo(rev + 1);
    LocalChatClient.Reply news = waiting.get(15, TimeUnit.SECONDS); // long before the 20 s

    assertThat(news.status()).isEqualTo(200);
    assertThat(news.body().get("messages")).isNotEmpty();
    assertThat(news.body().get("rev").asLong()).isGreaterThan(rev);
    chat.awaitMessage(id, m -> m.get("text").asString().equals("Got 9 characters."));
    long now = chat.get("/api/local/patients/" + id + "/messages?after=0").body().get("rev")
        .asLong();
    LocalChatClient.Reply quiet =
        chat.get("/api/local/patients/" + id + "/messages?after=" + now + "&wait=1");
    assertThat(quiet.body().get("messages")).isEmpty();
    assertThat(quiet.body().get("rev").asLong()).isEqualTo(now);
  }

  @Test
  void badRequestsGetOneSentence() {
    LocalChatClient chat = new LocalChatClient(port);
    LocalChatClient.Reply missing = chat.say("nobody", "hi");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.body().get("error").asString()).contains("no local patient");
    String id = chat.createPatient("{\"start\":false}");
    LocalChatClient.Reply empty = chat.say(id, "  ");
    assertThat(empty.status()).isEqualTo(400);
    assertThat(empty.body().get("error").asString()).isNotBlank();
    assertThat(chat.post("/api/local/patients", "{not json").status()).isEqualTo(400);
    LocalChatClient.Reply tooLong =
        chat.get("/api/local/patients/" + id + "/messages?after=0&wait=31");
    assertThat(tooLong.status()).isEqualTo(400);
    assertThat(tooLong.body().get("error").asString()).isEqualTo("\"wait\" must be 0 to 30 seconds.");
    assertThat(chat.post("/api/local/patients", "{\"locale\":\"1234567\"}").status())
        .isEqualTo(400);
  }

  @Test
  void healthIncludesTheStore() {
    LocalChatClient chat = new LocalChatClient(port);
    JsonNode health = chat.get("/actuator/health").body();
    assertThat(health.get("status").asString()).isEqualTo("UP");
    assertThat(health.get("components").get("mongo").get("status").asString()).isEqualTo("UP");
  }
}
