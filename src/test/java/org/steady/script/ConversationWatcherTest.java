package org.steady.script;

import org.steady.testing.Await;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.steady.engine.Script;

class ConversationWatcherTest {
  @TempDir Path tmp;

  @Test
  void nothingChangedMeansNoReload() {
    Path dir = Fixtures.validCopy(tmp);
    ConversationWatcher watcher = new ConversationWatcher(dir, new LiveCatalog(), false);
    watcher.reload();

    assertThat(watcher.reloadIfChanged()).isEmpty();
  }

  @Test
  void afterStartUpOnlyAChangeLoadsTheFolderAgain() throws Exception {
    Path dir = Fixtures.validCopy(tmp);
    LiveCatalog live = new LiveCatalog();
    live.apply(ConversationLoader.load(dir, false)); // the start-up load
    ConversationWatcher watcher = new ConversationWatcher(dir, live, false);
    watcher.assumeLoaded();

    assertThat(watcher.reloadIfChanged()).isEmpty();
    edit(dir.resolve("coping.yaml"), "Take care.", "Take good care.");
    assertThat(watcher.reloadIfChanged()).isPresent();
  }

  @Test
  void aValidChangeGoesLiveAndOldVersionsStayReachable() throws Exception {
    Path dir = Fixtures.validCopy(tmp);
    LiveCatalog live = new LiveCatalog();
    ConversationWatcher watcher = new ConversationWatcher(dir, live, false);
    watcher.reload();
    Script before = live.latest("coping").orElseThrow();

    edit(dir.resolve("coping.yaml"), "Take care.", "Take good care.");

    assertThat(watcher.reloadIfChanged()).hasValueSatisfying(r -> assertThat(r.ok()).isTrue());
    Script after = live.latest("coping").orElseThrow();
    assertThat(after.version()).isNotEqualTo(before.version());
    assertThat(live.version("coping", before.version())).contains(before);
  }

  @Test
  void anInvalidChangeIsRefusedAndThePreviousVersionKeepsServing() throws Exception {
    Path dir = Fixtures.validCopy(tmp);
    LiveCatalog live = new LiveCatalog();
    ConversationWatcher watcher = new ConversationWatcher(dir, live, false);
    watcher.reload();
    Script before = live.latest("coping").orElseThrow();

    edit(dir.resolve("coping.yaml"), "severity: urgent", "severity: urgnet");

    LoadResult r = watcher.reloadIfChanged().orElseThrow();
    assertThat(r.errors()).extracting(Problem::formatPosition)
        .contains("23:15: severity must be info, concern or urgent, not \"urgnet\""
            + " (did you mean \"urgent\"?)");
    assertThat(live.latest("coping")).contains(before);
  }

  @Test
  void theListenerSeesEveryAppliedLoad() throws Exception {
    Path dir = Fixtures.validCopy(tmp);
    java.util.List<LoadResult> seen = new java.util.ArrayList<>();
    ConversationWatcher watcher = new ConversationWatcher(dir, new LiveCatalog(), false, seen::add);

    watcher.reload();
    edit(dir.resolve("coping.yaml"), "Take care.", "Take good care.");
    watcher.reloadIfChanged();
    watcher.reloadIfChanged();

    assertThat(seen).hasSize(2);
  }

  @Test
  void aNewFileIsPickedUp() {
    Path dir = Fixtures.validCopy(tmp);
    LiveCatalog live = new LiveCatalog();
    ConversationWatcher watcher = new ConversationWatcher(dir, live, false);
    watcher.reload();

    Fixtures.write(dir.resolve("hello.yaml"), String.join("\n", "id: hello", "sources: [x]",
        "review: {status: draft}", "locales: [en]", "steps:", "  - {id: hi, type: say, text: Hi}", ""));

    assertThat(watcher.reloadIfChanged()).isPresent();
    assertThat(live.latest("hello")).isPresent();
  }

  @Test
  void theBackgroundThreadAppliesAChange() throws Exception {
    Path dir = Fixtures.validCopy(tmp);
    LiveCatalog live = new LiveCatalog();
    try (ConversationWatcher watcher = new ConversationWatcher(dir, live, false)) {
      watcher.reload();
      String before = live.latest("coping").orElseThrow().version();
      watcher.start(Duration.ofMillis(20));

      edit(dir.resolve("coping.yaml"), "Take care.", "Take good care.");

      Await.until("the watcher reloads coping", Duration.ofSeconds(10),
          () -> !live.latest("coping").orElseThrow().version().equals(before));
      assertThat(live.latest("coping").orElseThrow().version()).isNotEqualTo(before);
    }
  }

  static void edit(Path file, String from, String to) throws Exception {
    String text = Files.readString(file);
    assertThat(text).contains(from);
    Files.writeString(file, text.replace(from, to));
  }
}
