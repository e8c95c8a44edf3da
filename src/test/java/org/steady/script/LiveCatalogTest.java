package org.steady.script;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.steady.engine.Script;

class LiveCatalogTest {
  @TempDir Path tmp;

  @Test
  void aConversationFinishesOnTheVersionItStartedOn() throws Exception {
    Path dir = Fixtures.validCopy(tmp);
    LiveCatalog live = new LiveCatalog();
    live.apply(ConversationLoader.load(dir));
    Script v1 = live.latest("coping").orElseThrow();

    Files.writeString(dir.resolve("coping.yaml"),
        Files.readString(dir.resolve("coping.yaml")).replace("Take care.", "Take good care."));
    live.apply(ConversationLoader.load(dir));
    Script v2 = live.latest("coping").orElseThrow();

    assertThat(v2.version()).isNotEqualTo(v1.version());
    assertThat(live.version("coping", v1.version())).contains(v1);
    assertThat(live.version("coping", v2.version())).contains(v2);
    assertThat(live.forCommand("cope")).contains(v2);
  }

  @Test
  void anInvalidChangeKeepsThePreviousVersionServing() throws Exception {
    Path dir = Fixtures.validCopy(tmp);
    LiveCatalog live = new LiveCatalog();
    live.apply(ConversationLoader.load(dir));
    Script good = live.latest("coping").orElseThrow();

    Files.writeString(dir.resolve("coping.yaml"),
        Files.readString(dir.resolve("coping.yaml")).replace("next: bye", "next: nowhere"));
    LoadResult broken = ConversationLoader.load(dir);
    live.apply(broken);

    assertThat(broken.ok()).isFalse();
    assertThat(broken.catalog().latest("coping")).isEmpty();
    assertThat(live.latest("coping")).contains(good);
    assertThat(live.latest("daily-checkin")).isPresent();
  }

  @Test
  void anInvalidCopingOrRedFlagFileKeepsThePreviousOneServing() throws Exception {
    Path dir = Fixtures.validCopy(tmp);
    LiveCatalog live = new LiveCatalog();
    live.apply(ConversationLoader.load(dir));

    Files.writeString(dir.resolve("coping-prompts.yaml"), "kind: coping-prompts\nprompts: [");
    Files.writeString(dir.resolve("red-flags/es.yaml"), "kind: red-flags\nlocale: es\n");
    live.apply(ConversationLoader.load(dir));

    assertThat(live.coping().prompts()).hasSize(2);
    assertThat(live.redFlags().lists()).extracting(l -> l.locale()).containsExactly("en", "es");
  }

  @Test
  void aDeletedScriptIsNoLongerOfferedButItsVersionsRemain() throws Exception {
    Path dir = Fixtures.validCopy(tmp);
    LiveCatalog live = new LiveCatalog();
    live.apply(ConversationLoader.load(dir));
    Script old = live.latest("coping").orElseThrow();

    Files.delete(dir.resolve("coping.yaml"));
    Files.writeString(dir.resolve("daily-checkin.yaml"),
        Files.readString(dir.resolve("daily-checkin.yaml")).replace("script: coping", "script: quiet"));
    Files.writeString(dir.resolve("quiet.yaml"), String.join("\n",
        "id: quiet", "sources: [x]", "review: {status: draft}", "steps:",
        "  - {id: hi, type: say, text: {en: Hi, es: Hola}}", "locales: [en, es]", ""));
    live.apply(ConversationLoader.load(dir));

    assertThat(live.latest("coping")).isEmpty();
    assertThat(live.version("coping", old.version())).contains(old);
    assertThat(live.latest("quiet")).isPresent();
  }

  @Test
  void readersNeverSeeAHalfAppliedLoad() throws Exception {
    Path dir = Fixtures.validCopy(tmp);
    LoadResult a = ConversationLoader.load(dir);
    Files.writeString(dir.resolve("coping.yaml"),
        Files.readString(dir.resolve("coping.yaml")).replace("Take care.", "Take good care."));
    LoadResult b = ConversationLoader.load(dir);
    LiveCatalog live = new LiveCatalog();
    live.apply(a);
    java.util.concurrent.atomic.AtomicReference<String> failure =
        new java.util.concurrent.atomic.AtomicReference<>();
    java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
    Thread reader = new Thread(() -> {
      while (!done.get()) {
        Script s = live.latest("coping").orElse(null);
        if (s == null || live.version("coping", s.version()).isEmpty()
            || live.forCommand("cope").isEmpty() || live.redFlags().lists().size() != 2) {
          failure.set("inconsistent read");
        }
      }
    });
    reader.start();
    for (int i = 0; i < 500; i++) {
      live.apply(i % 2 == 0 ? b : a);
    }
    done.set(true);
    reader.join(10_000);

    assertThat(failure.get()).isNull();
    assertThat(live.version("coping", a.catalog().latest("coping").orElseThrow().version()))
        .isPresent();
  }

  @Test
  void anEmptyCatalogServesNothing() {
    LiveCatalog live = new LiveCatalog();

    assertThat(live.latest("x")).isEmpty();
    assertThat(live.forCommand("x")).isEmpty();
    assertThat(live.coping().prompts()).isEmpty();
    assertThat(live.redFlags().lists()).isEmpty();
  }
}
