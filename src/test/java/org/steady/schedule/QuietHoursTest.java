package org.steady.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class QuietHoursTest {
  private final QuietHours night = new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0));
  private final ZoneId berlin = ZoneId.of("Europe/Berlin");

  @Test
  void daytimeReminderIsNotHeld() {
    Instant at = Instant.parse("2026-11-23T14:00:00Z");
    assertThat(night.release(at, berlin)).isEqualTo(at);
  }

  @Test
  void lateEveningReminderWaitsUntilNextMorning() {
    assertThat(night.release(Instant.parse("2026-11-23T22:30:00Z"), berlin))
        .isEqualTo("2026-11-24T06:00:00Z");
  }

  @Test
  void earlyMorningReminderWaitsUntilSameMorning() {
    assertThat(night.release(Instant.parse("2026-11-24T03:00:00Z"), berlin))
        .isEqualTo("2026-11-24T06:00:00Z");
  }

  @Test
  void releaseFollowsTheLocalClockOnTheDstNight() {
    // 2026-03-29: Berlin springs forward at 02:00; 07:00 CEST is 05:00Z
    assertThat(night.release(Instant.parse("2026-03-28T23:00:00Z"), berlin))
        .isEqualTo("2026-03-29T05:00:00Z");
  }

  @Test
  void windowWithinOneDayAndEmptyWindow() {
    QuietHours lunch = new QuietHours(LocalTime.of(12, 0), LocalTime.of(13, 0));
    assertThat(lunch.contains(LocalTime.of(12, 30))).isTrue();
    assertThat(lunch.contains(LocalTime.of(13, 0))).isFalse();
    assertThat(QuietHours.none().contains(LocalTime.of(3, 0))).isFalse();
    assertThat(night.contains(LocalTime.of(22, 0))).isTrue();
    assertThat(night.contains(LocalTime.of(7, 0))).isFalse();
  }
}
