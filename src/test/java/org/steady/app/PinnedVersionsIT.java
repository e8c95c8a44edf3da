package org.steady.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.steady.engine.ConversationState;
import org.steady.engine.Effect;
import org.steady.script.LiveCatalog;
import org.steady.store.Sessions;

/** A conversation pinned to a script version finishes on it even after the file changed. */
class PinnedVersionsIT {
  @TempDir Path tmp;

  @Test
  void pinnedVersionIsRestoredAfterTheFileChangedAndTheAppRestarted() throws Exception {
    Path conversations = tmp.resolve("conversations");
    TestConversations.copyTo(conversations);
    String oldVersion;
    try (ConfigurableApplicationContext app = start(conversations)) {
      oldVersion = app.getBean(LiveCatalog.class).latest("daily-checkin").orElseThrow().version();
      Sessions sessions = app.getBean(Sessions.class);
      Sessions.Session none = sessions.load("local:pinned");
      ConversationState running = new ConversationState(
          List.of(new ConversationState.Frame("daily-checkin", oldVersion, "mood", null)),
          Map.of(), null, 1, List.of());
      assertThat(sessions.save(none, running, "local:x", List.<Effect>of(), null)).isTrue();
    }
    Path file = conversations.resolve("daily-checkin.yaml");
    Files.writeString(file, Files.readString(file) + "\n# edited by staff\n");

    try (ConfigurableApplicationContext app = start(conversations)) {
      LiveCatalog catalog = app.getBean(LiveCatalog.class);
      assertThat(catalog.latest("daily-checkin").orElseThrow().version()).isNotEqualTo(oldVersion);
      assertThat(catalog.version("daily-checkin", oldVersion)).isPresent();
      assertThat(app.getBean(MongoDatabase.class).getCollection("script_versions")
          .countDocuments(new org.bson.Document("scriptId", "daily-checkin"))).isEqualTo(2);
    }
  }

  private ConfigurableApplicationContext start(Path conversations) {
    return new SpringApplicationBuilder(SteadyApplication.class, EchoEngineConfig.class)
        .run("--server.port=0", "--steady.data-dir=" + tmp.resolve("data"),
            "--steady.conversations-dir=" + conversations);
  }
}
