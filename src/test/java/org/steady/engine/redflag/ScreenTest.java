package org.steady.engine.redflag;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.steady.engine.RedFlags;
import org.steady.engine.RedFlags.Category;
import org.steady.engine.RedFlags.RedFlagList;

class ScreenTest {

  static final RedFlags FLAGS = new RedFlags(List.of(
      new RedFlagList("en",
          List.of("no", "not", "never", "without", "havent", "hasnt", "didnt", "dont", "none",
              "sin", "nunca"), // as the shipped list: every message meets every list
          List.of(
              new Category("seizure", "Seizure or fit",
                  List.of("seizure*", "seiz*", "fit", "convuls*", "blacked out"),
                  List.of("body went stiff and shook")),
              new Category("suicide", "Thoughts of suicide or self-harm",
                  List.of("suicid*", "kill myself", "hurt myself"),
                  List.of("better off without me", "no point going on")),
              new Category("confusion", "Confusion", List.of("confused", "disoriented"), List.of()))),
      new RedFlagList("es",
          List.of("no", "nunca", "sin", "ningun", "ninguna"),
          List.of(new Category("seizure", "Convulsión", List.of("convulsion*", "ataque*"), List.of()),
              new Category("suicide", "Suicidio", List.of("quitarme la vida"), List.of("no quiero seguir"))))));

  private static Optional<RedFlags.Match> screen(String text) {
    return FLAGS.screen(text);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "I had a fit this morning", "I HAD A FIT", "had a seizure last night", "Seizures again",
      "I think I was seizing", "fitting on the floor", "was convulsing", "I blacked out",
      "I blacked right out", "my body went stiff and shook", "siezure yesterday", "seizuer",
      "seeizure", "a fit.", "no sleep, then a fit", "no seizures last week but a fit today",
      "no sleep and had a fit", "no I had a seizure this morning", "No, I had a fit",
      "not sleeping, and then I had a seizure", "never slept so badly, I had a fit",
      "sin dormir tuve una convulsión", "no dormí nada y tuve una convulsión"})
  void matchesSeizureWording(String text) {
    assertThat(screen(text)).get().extracting(RedFlags.Match::category).isEqualTo("seizure");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "no seizures", "No fits this week", "I haven't had a fit", "I havent had a fit",
      "never had a seizure", "Didn't have any seizures, slept ok", "no more fits",
      "without a seizure for a month", "not really, no fits though",
      "no fits or seizures this week", "I have not had any more seizures",
      "sin convulsiones", "no he tenido ninguna convulsión", "nunca he tenido convulsiones"})
  void negatedMentionsDoNotMatch(String text) {
    assertThat(screen(text)).as(text).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "not sure if it was a seizure", "I don't know if I had a fit", "maybe not a seizure",
      "no idea if that was a fit", "no sé si fue una convulsión"})
  void doubtErrsTowardsMatching(String text) {
    assertThat(screen(text)).as(text).get().extracting(RedFlags.Match::category).isEqualTo("seizure");
  }

  @Test
  void indirectPhrasesAreNeverNegated() {
    assertThat(screen("honestly they'd be better off without me"))
        .get().extracting(RedFlags.Match::category).isEqualTo("suicide");
    assertThat(screen("I don't think there's no point going on... there is no point going on"))
        .get().extracting(RedFlags.Match::pattern).isEqualTo("no point going on");
  }

  @Test
  void screensAgainstEveryLocaleWhateverTheLanguage() {
    Optional<RedFlags.Match> m = screen("Anoche tuve un ataque");
    assertThat(m).get().extracting(RedFlags.Match::locale).isEqualTo("es");
    assertThat(screen("CONVULSIONES otra vez")).isPresent();
    assertThat(screen("no he tenido convulsiones")).isEmpty();
    assertThat(screen("ya no quiero seguir")).get().extracting(RedFlags.Match::category).isEqualTo("suicide");
  }

  @Test
  void reportsCategoryLabelAndPattern() {
    RedFlags.Match m = screen("I want to kill myself").orElseThrow();
    assertThat(m).isEqualTo(new RedFlags.Match("suicide", "Thoughts of suicide or self-harm", "en", "kill myself"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "  ", "I slept badly and feel anxious", "I feel confident", "benefit", "profit"})
  void ordinaryTextDoesNotMatch(String text) {
    assertThat(screen(text)).as(text).isEmpty();
  }

  @Test
  void shortWordsNeedAnExactOrInflectedMatch() {
    assertThat(screen("fat chance")).isEmpty();
    assertThat(screen("I was very confussed")).get().extracting(RedFlags.Match::category).isEqualTo("confusion");
  }
}
