package org.steady.script;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.steady.engine.CopingLibrary;
import org.steady.engine.RedFlags;
import org.steady.engine.Script;

/** The content shipped in {@code conversations/}: valid, bilingual, safe. */
class ShippedConversationsTest {
  static final Path DIR = Path.of("conversations");
  static final List<String> IDS =
      List.of("onboarding", "daily-checkin", "weekly-symptoms", "crisis", "coping");

  final LoadResult result = ConversationLoader.load(DIR);

  @Test
  void shippedConversationsValidate() {
    assertThat(result.errors()).extracting(Problem::format).isEmpty();
    for (String id : IDS) {
      assertThat(result.catalog().latest(id)).as(id).isPresent();
    }
    assertThat(result.catalog().coping().prompts()).hasSizeGreaterThanOrEqualTo(10);
    assertThat(result.catalog().redFlags().lists()).isNotEmpty();
  }

  @Test
  void validateSaysOkWithOnlyDraftWarnings() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int code = ValidateCommand.run(new String[] {DIR.toString()},
        new PrintStream(out, true, StandardCharsets.UTF_8), System.err);

    assertThat(code).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("OK: 5 scripts, 1 coping library, 2 red-flag lists (8 warnings)");
    assertThat(result.errors()).isEmpty();
    assertThat(result.warnings()).allSatisfy(w -> assertThat(w.message()).contains("is a draft"));
  }

  @Test
  void shipsTheFiveScriptsInEnglishAndSpanishWithTheirCommands() {
    for (String id : IDS) {
      Script s = result.catalog().latest(id).orElseThrow();
      assertThat(s.locales()).as(id).containsExactly("en", "es");
      assertThat(s.review().draft()).as(id).isTrue();
      assertThat(s.sources()).as(id).isNotEmpty();
    }
    assertThat(result.catalog().forCommand("start").orElseThrow().id()).isEqualTo("onboarding");
    assertThat(result.catalog().forCommand("checkin").orElseThrow().id())
        .isEqualTo("daily-checkin");
    assertThat(result.catalog().forCommand("crisis").orElseThrow().id()).isEqualTo("crisis");
    assertThat(result.catalog().forCommand("cope").orElseThrow().id()).isEqualTo("coping");
  }

  @Test
  void copingLibraryOffersAtLeastTwelveSkippablePrompts() {
    CopingLibrary library = result.catalog().coping();

    assertThat(library.prompts()).hasSizeGreaterThanOrEqualTo(12);
    for (CopingLibrary.Prompt p : library.prompts()) {
      assertThat(p.body().in("en").toLowerCase(Locale.ROOT)).as(p.id()).contains("skip");
      assertThat(p.body().in("es").toLowerCase(Locale.ROOT)).as(p.id()).containsPattern("s[aá]lt");
    }
  }

  @Test
  void freeTextSeizureIsARedFlagButANegatedOneIsNot() {
    RedFlags flags = result.catalog().redFlags();

    assertThat(flags.screen("I had a fit this morning")).map(RedFlags.Match::category)
        .contains("seizure");
    assertThat(flags.screen("no fits this week")).isEmpty();
    assertThat(flags.screen("tuve una convulsión anoche")).map(RedFlags.Match::category)
        .contains("seizure");
    assertThat(flags.screen("sin convulsiones, solo cansancio")).isEmpty();
    // a negation that does not apply to the red flag does not cancel it
    assertThat(flags.screen("no I had a seizure this morning")).map(RedFlags.Match::category)
        .contains("seizure");
    assertThat(flags.screen("sin dormir tuve una convulsión")).map(RedFlags.Match::category)
        .contains("seizure");
    assertThat(flags.screen("no fits or seizures this week")).isEmpty();
    assertThat(flags.screen("I'm not suicidal, just exhausted")).isEmpty();
  }

  @Test
  void indirectSuicideWordingIsCaughtInBothLanguages() {
    RedFlags flags = result.catalog().redFlags();
    for (String text : List.of("I don't want to wake up tomorrow",
        "everyone would be better off without me", "I just want to end it all",
        "I can't go on like this", "there's no point anymore", "ya no puedo más",
        "estarían mejor sin mí", "quiero acabar con todo", "no quiero despertar",
        "I just want to go to sleep and not wake up", "I never want to wake up again",
        "I want to end it", "I no longer want to be alive", "i want to kil myself",
        "ya no quiero estar viva", "quiero dormir y no despertar")) {
      assertThat(flags.screen(text)).as(text).map(RedFlags.Match::category).contains("suicide");
    }
  }

  @Test
  void noShippedTextSuggestsAMedicineOrRemedy() throws IOException {
    List<String> banned = List.of("melatonin", "supplement", "over-the-counter", "herbal",
        "medication-assisted", "buprenorphine", "methadone", "gabapentin", "propranolol",
        "suplemento", "melatonina", "sin receta");
    try (Stream<Path> files = Files.walk(DIR)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).toList()) {
        for (String line : Files.readAllLines(f)) {
          if (line.strip().startsWith("#")) {
            continue;
          }
          String lower = line.toLowerCase(Locale.ROOT);
          for (String word : banned) {
            assertThat(lower).as(f + ": " + line).doesNotContain(word);
          }
        }
      }
    }
  }
}
