package org.steady.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.steady.script.ConversationWatcher;
import org.steady.script.LiveCatalog;

/** Staff edit a script while the app runs: valid edits go live, broken ones never do. */
class ConversationReloadIT {
  @TempDir Path tmp;

  @Test
  void validEditGoesLiveAndBrokenEditIsRefusedWhileTheOldVersionKeepsServing() throws Exception {
    Path conversations = tmp.resolve("conversations");
    TestConversations.copyTo(conversations);
    Path file = conversations.resolve("daily-checkin.yaml");
    try (ConfigurableApplicationContext app = start(conversations)) {
      LiveCatalog catalog = app.getBean(LiveCatalog.class);
      ConversationWatcher watcher = app.getBean(ConversationWatcher.class);
      String v1 = catalog.latest("daily-checkin").orElseThrow().version();
      assertThat(watcher.reloadIfChanged()).as("nothing changed yet").isEmpty();

      Files.writeString(file, Files.readString(file) + "\n# edited by staff\n");
      assertThat(watcher.reloadIfChanged()).isPresent();
      String v2 = catalog.latest("daily-checkin").orElseThrow().version();
      assertThat(v2).isNotEqualTo(v1);
      assertThat(catalog.version("daily-checkin", v1)).as("pinned runs finish on v1").isPresent();

      Files.writeString(file, Files.readString(file).replaceFirst("steps:", "steps:\n\tbroken"));
      var refused = watcher.reloadIfChanged().orElseThrow();
      assertThat(refused.ok()).isFalse();
      assertThat(refused.errors().get(0).format()).contains("daily-checkin.yaml:");
      assertThat(catalog.latest("daily-checkin").orElseThrow().version()).isEqualTo(v2);
    }
  }

  private ConfigurableApplicationContext start(Path conversations) {
    return new SpringApplicationBuilder(SteadyApplication.class, EchoEngineConfig.class)
        .run("--server.port=0", "--steady.data-dir=" + tmp.resolve("data"),
            "--steady.conversations-dir=" + conversations,
            "--steady.conversations-watch-interval=0");
  }
}
