package org.steady.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Start-up failures end the process with one plain sentence and no stack trace. */
class StartupFailureIT {
  @TempDir Path tmp;

  @Test
  void unparseableMongoUriIsOneSentence() throws Exception {
    String out = failingStart(Map.of("MONGODB_URI", "localhost:27017"));
    assertThat(out).contains("MONGODB_URI is not a valid MongoDB connection string");
  }

  @Test
  void unreachableMongoIsOneSentence() throws Exception {
    String out = failingStart(Map.of("MONGODB_URI", "mongodb://127.0.0.1:1/steady",
        "STEADY_DATA_DIR", tmp.resolve("data").toString()));
    assertThat(out).contains("Cannot reach MongoDB at 127.0.0.1:1 within 5 seconds");
  }

  @Test
  void unwritableDataDirIsOneSentence() throws Exception {
    Path file = Files.writeString(tmp.resolve("not-a-dir"), "x");
    String out = failingStart(Map.of("STEADY_DATA_DIR", file.resolve("data").toString()));
    assertThat(out).contains("STEADY_DATA_DIR " + file.resolve("data") + " is not a writable"
        + " directory");
  }

  @Test
  void noValidConversationPrintsProblemsWithPositions() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("conversations"));
    Files.copy(Path.of("src/test/resources/testdata/broken/unknown-step.yaml"),
        dir.resolve("unknown-step.yaml"));
    String out = failingStart(Map.of("STEADY_DATA_DIR", tmp.resolve("data").toString(),
        "STEADY_CONVERSATIONS_DIR", dir.toString()));
    assertThat(out).containsPattern("unknown-step\\.yaml:\\d+:\\d+: ")
        .contains("No valid conversation script in STEADY_CONVERSATIONS_DIR " + dir);
  }

  private String failingStart(Map<String, String> env) throws Exception {
    try (AppProcess app = AppProcess.start(EchoEngineMain.class, env, tmp.resolve("app.log"))) {
      assertThat(app.awaitExit()).isNotZero();
      String out = app.output();
      assertThat(out).doesNotContain("\tat ").doesNotContain("Caused by");
      return out;
    }
  }
}
