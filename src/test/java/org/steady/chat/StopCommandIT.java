package org.steady.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.steady.app.LocalChatClient;
import org.steady.app.SteadyApplication;
import org.steady.store.Patients;
import tools.jackson.databind.JsonNode;

/**
 * A patient who sends /stop gets nothing unsolicited any more — a scheduled check-in is skipped —
 * until they send /start, which brings them back.
 */
class StopCommandIT {
  @TempDir Path tmp;

  @Test
  void stopSilencesScheduledCheckInsUntilStart() {
    try (ConfigurableApplicationContext app = new SpringApplicationBuilder(
        SteadyApplication.class).run("--server.port=0", "--steady.data-dir=" + tmp.resolve("data"),
            "--steady.conversations-dir=conversations")) {
      LocalChatClient chat = new LocalChatClient(
          ((WebServerApplicationContext) app).getWebServer().getPort());
      String id = chat.createPatient("{\"name\":\"Ana\",\"locale\":\"en\",\"start\":false}");
      chat.say(id, "/stop");
      chat.awaitMessage(id, m -> text(m).contains("won't send you any more check-ins"));
      assertThat(app.getBean(Patients.class).isStopped("local:" + id)).isTrue();

      // the schedule fires the daily check-in, then the patient comes back with /start;
      // one chat's events are processed in order, so the check-in was handled first
      app.getBean(InboundHandler.class).accept(new Inbound("local", id,
          "checkin:local:" + id + ":2026-11-24:daily", Inbound.Kind.START, null,
          "daily-checkin", "", null, "Ana", "en", Instant.now()));
      chat.say(id, "/start");
      chat.awaitMessage(id, m -> m.get("direction").asString().equals("out")
          && !text(m).contains("won't send you") && !text(m).isEmpty());

      assertThat(chat.messages(id)).as("no check-in reached a stopped patient")
          .noneMatch(m -> text(m).contains("time for today's check-in"));
      assertThat(app.getBean(Patients.class).isStopped("local:" + id)).isFalse();
    }
  }

  private static String text(JsonNode m) {
    return m.get("text") == null || m.get("text").isNull() ? "" : m.get("text").asString();
  }
}
