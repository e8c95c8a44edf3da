package org.steady.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class PacerTest {
  private Instant now = Instant.parse("2026-11-23T10:00:00Z");
  private final Clock clock = new Clock() {
    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  };

  @Test
  void secondMessageToOneChatWaitsASecond() {
    Pacer p = new Pacer(clock, 30, 1);
    assertThat(p.acquire("a")).isZero();
    Duration wait = p.acquire("a");
    assertThat(wait).isEqualTo(Duration.ofSeconds(1));
    assertThat(p.acquire("b")).isZero();
    now = now.plus(wait);
    assertThat(p.acquire("a")).isZero();
  }

  @Test
  void overallLimitSpreadsOverChats() {
    Pacer p = new Pacer(clock, 30, 1);
    int sent = 0;
    for (int i = 0; i < 100; i++) {
      if (p.acquire("chat" + i).isZero()) {
        sent++;
      }
    }
    assertThat(sent).isEqualTo(30);
    assertThat(p.acquire("late")).isBetween(Duration.ofMillis(1), Duration.ofMillis(34));
    now = now.plusSeconds(1);
    assertThat(p.acquire("late")).isZero();
  }

  @Test
  void saysWhetherTheWholeChannelOrOnlyTheChatMustWait() {
    Pacer p = new Pacer(clock, 2, 1);
    assertThat(p.take("a").delay()).isZero();
    assertThat(p.take("a").overall()).isFalse(); // only chat a is at its limit
    assertThat(p.take("b").delay()).isZero();
    Pacer.Pace full = p.take("c");
    assertThat(full.delay()).isPositive();
    assertThat(full.overall()).isTrue(); // two a second for everyone: c waits like all others
  }

  @Test
  void aGroupGetsAtMostTwentyAMinute() {
    Pacer p = new Pacer(clock, 30, 1, 20);
    assertThat(p.acquire("-100123")).isZero();
    assertThat(p.acquire("-100123")).isEqualTo(Duration.ofSeconds(3));
    now = now.plusSeconds(1);
    assertThat(p.acquire("-100123")).isBetween(Duration.ofMillis(1999), Duration.ofMillis(2001));
    assertThat(p.acquire("42")).isZero();
    now = now.plusMillis(2001);
    assertThat(p.acquire("-100123")).isZero();
  }
}
