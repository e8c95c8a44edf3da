package org.steady.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The real app (shipped scripts, real engine) as an operator runs it with
 * {@code STEADY_LOG_FORMAT=ecs}: every log line is one JSON object, and nothing the patient
 * wrote, not even a red-flag message that raises an escalation, reaches the log.
 */
class LogPrivacyIT {
  private static final String SECRET = "zebracrossing";
  @TempDir Path tmp;

  @Test
  void structuredLogsCarryNoPatientText() throws Exception {
    Path log = tmp.resolve("app.log");
    Map<String, String> env = Map.of("STEADY_DATA_DIR", tmp.resolve("data").toString(),
        "STEADY_CONVERSATIONS_DIR", Path.of("conversations").toAbsolutePath().toString(),
        "STEADY_LOG_FORMAT", "ecs");
    try (AppProcess app = AppProcess.start(SteadyMain.class, env, log)) {
      LocalChatClient chat = new LocalChatClient(app.awaitPort());
      String patient = chat.createPatient("{\"name\":\"Kim\",\"locale\":\"en\"}");
      assertThat(chat.say(patient, "I had a fit at the " + SECRET + " this morning").status())
          .isEqualTo(202);
      assertThat(chat.say(patient, "/checkin").status()).isEqualTo(202);
      assertThat(chat.say(patient, "my " + SECRET + " thoughts").status()).isEqualTo(202);
      chat.awaitMessage(patient, m -> m.get("direction").asString().equals("out")
          && m.get("text").asString().contains("What you describe can be serious"));
      app.stop();
    }

    List<String> lines = Files.readAllLines(log).stream().filter(l -> !l.isBlank()).toList();
    assertThat(lines).isNotEmpty();
    assertThat(String.join("\n", lines)).doesNotContainIgnoringCase(SECRET)
        .contains("Started SteadyMain");
    for (String line : lines) {
      if (line.startsWith("OpenJDK") || line.startsWith("WARNING:")) {
        continue; // the JVM's own notices, before logging starts
      }
      JsonNode entry = BenchClient.JSON.readTree(line);
      assertThat(entry.has("@timestamp")).as(line).isTrue();
      assertThat(entry.has("message")).as(line).isTrue();
    }
  }
}
