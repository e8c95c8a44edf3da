package org.steady.script;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.steady.engine.Script;
import org.steady.engine.ScriptStep;
import org.steady.engine.Severity;

class ConversationLoaderTest {
  @TempDir Path tmp;

  @Test
  void loadsEveryStepTypeOfTheValidFixture() {
    LoadResult r = ConversationLoader.load(Fixtures.resource("valid"));

    assertThat(r.errors()).isEmpty();
    Script s = r.catalog().latest("daily-checkin").orElseThrow();
    assertThat(s.version()).matches("[0-9a-f]{12}");
    assertThat(s.locales()).containsExactly("en", "es");
    assertThat(s.review().draft()).isTrue();
    assertThat(s.defaultWait().after()).isEqualTo(Duration.ofHours(2));
    assertThat(s.defaultWait().giveUp()).isEqualTo("missed");
    assertThat(s.start()).isEqualTo("mood");
    assertThat(s.steps().values())
        .extracting(st -> st.getClass().getSimpleName())
        .containsExactly("Scale", "Multi", "Checklist", "Branch", "Escalate", "Escalate", "Choice",
            "NumberAsk", "FreeText", "SetVars", "Coping", "Call", "End", "Say");
    ScriptStep.Scale mood = (ScriptStep.Scale) s.step("mood");
    assertThat(mood.max()).isEqualTo(10);
    assertThat(mood.text().in("es")).isEqualTo("¿Cómo está tu ánimo hoy?");
    ScriptStep.Multi symptoms = (ScriptStep.Multi) s.step("symptoms");
    assertThat(symptoms.noneValue()).isEqualTo("none");
    assertThat(symptoms.options().get(1).redFlag()).isTrue();
    ScriptStep.Checklist rate = (ScriptStep.Checklist) s.step("rate");
    assertThat(rate.total()).isEqualTo("symptom_score");
    assertThat(rate.items().get(0).when().source()).isEqualTo("'tremor' in symptoms");
    assertThat(((ScriptStep.Escalate) s.step("urgent")).severity()).isEqualTo(Severity.URGENT);
    ScriptStep.Choice sleep = (ScriptStep.Choice) s.step("sleep");
    assertThat(sleep.waitSpec().after()).isEqualTo(Duration.ofHours(1));
    assertThat(sleep.options().get(1).next()).isEqualTo("hours");
    assertThat(((ScriptStep.FreeText) s.step("note")).maxLength()).isEqualTo(500);
    assertThat(((ScriptStep.End) s.step("missed")).outcome()).isEqualTo("missed");
  }

  @Test
  void loadsCopingPromptsRedFlagsAndCommands() {
    LoadResult r = ConversationLoader.load(Fixtures.resource("valid"));

    assertThat(r.catalog().coping().prompts()).extracting(p -> p.id())
        .containsExactly("paced-breathing", "sleep-hygiene");
    assertThat(r.catalog().redFlags().lists()).extracting(l -> l.locale()).containsExactly("en", "es");
    assertThat(r.catalog().forCommand("cope").orElseThrow().id()).isEqualTo("coping");
    Script coping = r.catalog().latest("coping").orElseThrow();
    assertThat(coping.review().draft()).isFalse();
    assertThat(coping.review().reviewedBy()).isEqualTo("Test Reviewer");
    assertThat(r.summary()).isEqualTo("2 scripts, 1 coping library, 2 red-flag lists (4 warnings)");
  }

  @Test
  void draftIsAWarningUnlessReviewedContentIsRequired() {
    assertThat(ConversationLoader.load(Fixtures.resource("valid")).ok()).isTrue();

    LoadResult strict = ConversationLoader.load(Fixtures.resource("valid"), true);

    assertThat(strict.ok()).isFalse();
    assertThat(strict.errors()).extracting(Problem::message).contains(
        "script \"daily-checkin\" is a draft: a clinician of the deploying program must review it");
    assertThat(strict.catalog().latest("daily-checkin")).isEmpty();
    assertThat(strict.catalog().latest("coping")).isPresent();
  }

  @Test
  void versionIsAHashOfTheBytes() {
    Path dir = Fixtures.validCopy(tmp);
    String before = ConversationLoader.load(dir).catalog().latest("coping").orElseThrow().version();
    assertThat(ConversationLoader.load(dir).catalog().latest("coping").orElseThrow().version())
        .isEqualTo(before);

    Fixtures.write(dir.resolve("coping.yaml"),
        readString(dir.resolve("coping.yaml")) + "\n# a comment changes the version\n");

    assertThat(ConversationLoader.load(dir).catalog().latest("coping").orElseThrow().version())
        .isNotEqualTo(before);
  }

  @Test
  void aMissingFolderIsAProblemNotAnException() {
    LoadResult r = ConversationLoader.load(tmp.resolve("nowhere"));

    assertThat(r.ok()).isFalse();
    assertThat(r.problems()).singleElement().satisfies(p -> {
      assertThat(p.line()).isEqualTo(1);
      assertThat(p.message()).isEqualTo("no such folder");
    });
  }

  @Test
  void skipsTheSchemaFolder() {
    Path dir = Fixtures.validCopy(tmp);
    Fixtures.write(dir.resolve("schema/whatever.yaml"), "not: [valid");

    assertThat(ConversationLoader.load(dir).errors()).isEmpty();
  }

  @Test
  void aScriptIdUsedInTwoFoldersIsReportedOnTheSecond() {
    Path dir = tmp.resolve("c");
    String script = String.join("\n", "id: same", "sources: [x]", "review: {status: draft}",
        "steps:", "  - {id: hi, type: say, text: Hi}", "");
    Fixtures.write(dir.resolve("a/same.yaml"), script);
    Fixtures.write(dir.resolve("b/same.yaml"), script);

    LoadResult r = ConversationLoader.load(dir);

    assertThat(r.errors()).extracting(Problem::format).containsExactly(
        dir.resolve("b/same.yaml") + ":1:5: script id \"same\" is already used by a/same.yaml");
  }

  @Test
  void expressionErrorsPointAtTheirColumn() {
    Path dir = tmp.resolve("c");
    Fixtures.write(dir.resolve("x.yaml"), String.join("\n", "id: x", "sources: [x]",
        "review: {status: draft}", "steps:", "  - id: s", "    type: set",
        "    values: {total: \"1 + + 2\"}", ""));

    LoadResult r = ConversationLoader.load(dir);

    assertThat(r.errors()).singleElement().satisfies(p -> {
      assertThat(p.line()).isEqualTo(7);
      assertThat(p.column()).isEqualTo(26); // the second "+"
      assertThat(p.message()).startsWith("bad expression: ");
    });
  }

  @Test
  void hostileFilesAreProblemsNotCrashes() throws Exception {
    Path dir = tmp.resolve("c");
    Fixtures.write(dir.resolve("deep.yaml"), "[".repeat(20_000) + "]".repeat(20_000));
    StringBuilder laughs = new StringBuilder("a0: &a0 [x, x, x, x]\n");
    for (int i = 1; i < 20; i++) {
      laughs.append("a").append(i).append(": &a").append(i).append(" [*a").append(i - 1)
          .append(", *a").append(i - 1).append(", *a").append(i - 1).append("]\n");
    }
    Fixtures.write(dir.resolve("laughs.yaml"), laughs.toString());
    java.nio.file.Files.write(dir.resolve("binary.yaml"), new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1});

    LoadResult r = ConversationLoader.load(dir);

    assertThat(r.problems()).extracting(Problem::formatPosition).containsExactly(
        "1:1: the file is not UTF-8 text",
        "1:1: this file nests lists or mappings too deeply to read",
        "1:1: too many aliases (*name) in one file: at most 50");
  }

  static String readString(Path p) {
    try {
      return java.nio.file.Files.readString(p);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
