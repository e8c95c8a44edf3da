package org.steady.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.steady.store.Patient;
import org.steady.store.Patients;
import org.steady.store.Transcripts;
import tools.jackson.databind.JsonNode;

/**
 * The real engine and the shipped conversations: a local patient goes through onboarding and a
 * daily check-in over the JSON API, and the transcript holds every message with its script,
 * version and step. Answers are calm and safe, chosen per step.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"steady.data-dir=${java.io.tmpdir}/steady-it-${random.uuid}",
        "steady.conversations-dir=conversations"})
class ScriptedChatIT {
  private static final Map<String, String> BUTTONS = Map.ofEntries(Map.entry("consent", "agree"),
      Map.entry("language", "en"), Map.entry("mood", "7"), Map.entry("sleep", "well"),
      Map.entry("anxiety", "2"), Map.entry("which", "none"), Map.entry("rate", "0"),
      Map.entry("cravings", "none"), Map.entry("dose", "yes"), Map.entry("safety", "no"));
  private static final Map<String, String> TEXTS = Map.of("name", "Ana", "timezone", "Madrid",
      "checkin_time", "9:00");

  @LocalServerPort int port;
  @Autowired Transcripts transcripts;
  @Autowired Patients patients;
  @Autowired MongoDatabase db;

  @Test
  void onboardingAndADailyCheckInRunToTheirEnd() throws Exception {
    LocalChatClient chat = new LocalChatClient(port);
    String id = chat.createPatient("{\"locale\":\"en\"}");
    converse(chat, id, "onboarding");
    Patient p = patients.find("local", id).orElseThrow();
    assertThat(p.name()).isEqualTo("Ana");
    assertThat(p.profile()).containsEntry("checkin_time", "09:00");

    chat.say(id, "/checkin");
    converse(chat, id, "daily-checkin");

    List<Document> t = transcripts.forPatient("local:" + id);
    assertThat(t).filteredOn(d -> "out".equals(d.getString("direction")))
        .allSatisfy(d -> assertThat(d.getString("scriptVersion")).isNotBlank());
    assertThat(t).extracting(d -> d.getString("scriptId")).contains("onboarding", "daily-checkin");
    assertThat(t).filteredOn(d -> "in".equals(d.getString("direction")) && d.get("answers") != null)
        .extracting(d -> d.getString("stepId")).contains("consent", "name", "mood", "safety");
    assertThat(db.getCollection("answers").countDocuments(Filters.and(
        Filters.eq("patientId", "local:" + id), Filters.eq("variable", "mood")))).isEqualTo(1);
  }

  /** Answers whatever the bot asks until the conversation {@code script} has ended. */
  private void converse(LocalChatClient chat, String id, String script) throws Exception {
    Set<String> answered = new HashSet<>();
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      Thread.sleep(100);
      if (settled(id) && idle(id)) {
        return;
      }
      if (!settled(id)) {
        continue;
      }
      JsonNode last = null;
      for (JsonNode m : chat.messages(id)) {
        last = m;
      }
      if (last == null || !last.get("direction").asString().equals("out")) {
        continue;
      }
      String messageId = last.get("id").asString();
      String key = messageId + "@" + last.get("rev").asLong();
      if (!answered.add(key)) {
        continue;
      }
      Document sent = transcripts.forPatient("local:" + id).stream()
          .filter(d -> messageId.equals(d.getString("_id"))).findFirst().orElseThrow();
      String step = sent.getString("stepId");
      if (last.get("buttons").size() > 0 && !last.get("closed").asBoolean()) {
        chat.press(id, pick(last, step));
      } else if (TEXTS.containsKey(step)) {
        chat.say(id, TEXTS.get(step));
      }
    }
    throw new AssertionError(script + " did not end; messages: " + chat.messages(id));
  }

  private static String pick(JsonNode message, String step) {
    String want = BUTTONS.get(step);
    boolean ticked = false;
    String first = null;
    String done = null;
    String wanted = null;
    for (JsonNode row : message.get("buttons")) {
      for (JsonNode b : row) {
        String data = b.get("data").asString();
        String value = data.substring(data.indexOf('|') + 1);
        first = first == null ? data : first;
        done = value.equals("__done") ? data : done;
        wanted = value.equals(want) ? data : wanted;
        ticked |= b.get("label").asString().matches("^\\s*[✓✔☑✅].*");
      }
    }
    if (done != null && ticked) {
      return done;
    }
    return wanted != null ? wanted : first;
  }

  private boolean settled(String id) {
    return db.getCollection("inbox").countDocuments(Filters.and(Filters.eq("chatId", id),
        Filters.eq("status", "new"))) == 0
        && db.getCollection("outbox").countDocuments(Filters.and(Filters.eq("chatId", id),
            Filters.eq("status", "pending"))) == 0;
  }

  private boolean idle(String id) {
    Document s = db.getCollection("sessions").find(Filters.eq("_id", "local:" + id)).first();
    return s != null && s.get("state", Document.class)
        .getList("frames", Document.class, List.of()).isEmpty();
  }
}
