package org.steady.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SpellingTest {
  private static final List<String> CITIES =
      List.of("berlin", "bern", "lisbon", "madrid", "new york", "paris", "perth", "lima");

  @Test
  void countsEachSlipOnce() {
    assertThat(Spelling.distance("berlin", "berlin")).isZero();
    assertThat(Spelling.distance("berlni", "berlin")).isEqualTo(1); // two letters swapped
    assertThat(Spelling.distance("berln", "berlin")).isEqualTo(1); // one dropped
    assertThat(Spelling.distance("berlinn", "berlin")).isEqualTo(1); // one added
    assertThat(Spelling.distance("barlin", "berlin")).isEqualTo(1); // one changed
    assertThat(Spelling.distance("madird", "madrid")).isEqualTo(1);
    assertThat(Spelling.distance("", "lima")).isEqualTo(4);
  }

  @Test
  void suggestsTheNearestNamesFirst() {
    assertThat(Spelling.closest("berlni", CITIES, 3)).containsExactly("berlin", "bern");
    assertThat(Spelling.closest("new yrok", CITIES, 3)).containsExactly("new york");
    assertThat(Spelling.closest("pari", CITIES, 3)).containsExactly("paris");
    // two slips are allowed in a longer word only
    assertThat(Spelling.closest("lisbno", CITIES, 3)).containsExactly("lisbon");
    assertThat(Spelling.closest("lmia", CITIES, 3)).containsExactly("lima");
    assertThat(Spelling.closest("perh", CITIES, 3)).containsExactly("perth");
  }

  @Test
  void nearZonesAreNamedPlacesOnly() {
    assertThat(Spelling.nearZones("Berlni", 3)).first().isEqualTo("Europe/Berlin");
    assertThat(Spelling.nearZones("Zürihc", 3)).containsExactly("Europe/Zurich");
    // "Atlantic" is one letter away, but Canada/Atlantic is an alias, not a place
    assertThat(Spelling.nearZones("Atlantis", 3)).isEmpty();
  }

  @Test
  void guessesNothingForWhatIsFarFromEveryName() {
    assertThat(Spelling.closest("atlantis", CITIES, 3)).isEmpty();
    assertThat(Spelling.closest("be", CITIES, 3)).isEmpty(); // too short to guess from
    assertThat(Spelling.closest("bern", CITIES, 1)).containsExactly("bern");
  }
}
