package org.steady.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/** A stop and a start over the same data directory continue the conversation where it stopped. */
class RestartIT {
  @TempDir Path tmp;

  @Test
  void conversationContinuesAfterRestart() {
    String patient;
    JsonNode question;
    try (ConfigurableApplicationContext app = start()) {
      LocalChatClient chat = client(app);
      patient = chat.createPatient("{\"name\":\"Lee\"}");
      question = chat.awaitMessage(patient, m -> m.get("buttons").size() > 0);
    }
    try (ConfigurableApplicationContext app = start()) {
      LocalChatClient chat = client(app);
      assertThat(chat.get("/api/local/patients").body().toString()).contains(patient, "Lee");
      assertThat(chat.messages(patient).get(0).get("id").asString())
          .isEqualTo(question.get("id").asString());
      chat.press(patient, LocalChatClient.firstButton(question));
      JsonNode closed = chat.awaitMessage(patient,
          m -> m.get("id").asString().equals(question.get("id").asString())
              && m.get("closed").asBoolean());
      assertThat(closed.get("chosen").asString()).isEqualTo("Good");
      chat.awaitMessage(patient, m -> m.get("text").asString().equals("Thanks."));
    }
  }

  private ConfigurableApplicationContext start() {
    return new SpringApplicationBuilder(SteadyApplication.class, EchoEngineConfig.class)
        .run("--server.port=0", "--steady.data-dir=" + tmp.resolve("data"),
            "--steady.conversations-dir=" + TestConversations.DIR);
  }

  private static LocalChatClient client(ConfigurableApplicationContext app) {
    return new LocalChatClient(
        ((WebServerApplicationContext) app).getWebServer().getPort());
  }
}
