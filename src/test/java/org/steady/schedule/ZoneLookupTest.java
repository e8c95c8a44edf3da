package org.steady.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class ZoneLookupTest {

  @Test
  void ianaIdInAnyCase() {
    assertThat(ZoneLookup.find("europe/berlin").zone()).contains(ZoneId.of("Europe/Berlin"));
  }

  @Test
  void cityNameWithSpaces() {
    assertThat(ZoneLookup.find("New York").zone()).contains(ZoneId.of("America/New_York"));
    assertThat(ZoneLookup.find("berlin").zone()).contains(ZoneId.of("Europe/Berlin"));
  }

  @Test
  void utcOffsets() {
    assertThat(ZoneLookup.find("UTC+2").zone()).contains(ZoneId.of("UTC+02:00"));
    assertThat(ZoneLookup.find("GMT-05:30").zone()).contains(ZoneId.of("UTC-05:30"));
    assertThat(ZoneLookup.find("+1").zone()).contains(ZoneId.of("UTC+01:00"));
    assertThat(ZoneLookup.find("utc").zone()).contains(ZoneId.of("UTC"));
    assertThat(ZoneLookup.find("UTC+25").zone()).isEmpty();
  }

  @Test
  void nearMissGivesSuggestions() {
    ZoneLookup.Result r = ZoneLookup.find("Santiag");
    assertThat(r.zone()).isEmpty();
    assertThat(r.suggestions()).contains("America/Santiago");
  }

  @Test
  void aSlipOfTheKeyboardGivesTheCitiesItNearlySpells() {
    ZoneLookup.Result r = ZoneLookup.find("Berlni");
    assertThat(r.zone()).isEmpty();
    assertThat(r.suggestions()).first().isEqualTo("Europe/Berlin");
    assertThat(ZoneLookup.find("new yrok").suggestions()).containsExactly("America/New_York");
    assertThat(ZoneLookup.find("Atlantis").suggestions()).isEmpty();
  }

  @Test
  void nonsenseGivesNoZoneAndNoCrash() {
    assertThat(ZoneLookup.find("xq").zone()).isEmpty();
    assertThat(ZoneLookup.find("").suggestions()).isEmpty();
    assertThat(ZoneLookup.find("../../etc").zone()).isEmpty();
  }
}
