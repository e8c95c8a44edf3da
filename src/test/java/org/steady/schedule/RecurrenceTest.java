package org.steady.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RecurrenceTest {

  /** Walks the schedule like the ticker: fire the due occurrence, then ask for the next. */
  private static List<Recurrence.Occurrence> fire(Recurrence r, LocalDate from, int days) {
    Instant now = Recurrence.instantOf(from, LocalTime.MIDNIGHT, r.zone());
    LocalDate last = null;
    List<Recurrence.Occurrence> fired = new ArrayList<>();
    Instant end = Recurrence.instantOf(from.plusDays(days), LocalTime.MIDNIGHT, r.zone());
    while (true) {
      Optional<Recurrence.Occurrence> next = r.next(last, now);
      if (next.isEmpty() || next.get().at().isAfter(end)) {
        return fired;
      }
      fired.add(next.get());
      last = next.get().date();
      now = next.get().at().plusSeconds(15);
    }
  }

  private static void assertEveryDayOnce(List<Recurrence.Occurrence> fired, LocalDate from,
      int days) {
    List<LocalDate> dates = fired.stream().map(Recurrence.Occurrence::date).toList();
    assertThat(dates).doesNotHaveDuplicates();
    for (int i = 0; i < days; i++) {
      assertThat(dates).contains(from.plusDays(i));
    }
  }

  private static LocalTime localTime(Recurrence.Occurrence o, ZoneId z) {
    return o.at().atZone(z).toLocalTime();
  }

  @Test
  void berlinMorningCheckInKeepsLocalTimeAcrossBothDstChanges() {
    ZoneId z = ZoneId.of("Europe/Berlin");
    Recurrence r = Recurrence.daily(LocalTime.of(8, 0), z);
    for (LocalDate from : List.of(LocalDate.of(2026, 3, 26), LocalDate.of(2026, 10, 22))) {
      List<Recurrence.Occurrence> fired = fire(r, from, 6);
      assertEveryDayOnce(fired, from, 6);
      assertThat(fired).allSatisfy(o -> assertThat(localTime(o, z)).isEqualTo("08:00"));
    }
    assertThat(Recurrence.instantOf(LocalDate.of(2026, 3, 29), LocalTime.of(8, 0), z))
        .isEqualTo("2026-03-29T06:00:00Z");
    assertThat(Recurrence.instantOf(LocalDate.of(2026, 10, 25), LocalTime.of(8, 0), z))
        .isEqualTo("2026-10-25T07:00:00Z");
  }

  @Test
  void berlinTimeInSpringGapFiresOnceShiftedByTheGap() {
    ZoneId z = ZoneId.of("Europe/Berlin");
    Recurrence r = Recurrence.daily(LocalTime.of(2, 30), z);
    List<Recurrence.Occurrence> fired = fire(r, LocalDate.of(2026, 3, 27), 5);
    assertEveryDayOnce(fired, LocalDate.of(2026, 3, 27), 5);
    Recurrence.Occurrence gapDay = fired.stream()
        .filter(o -> o.date().equals(LocalDate.of(2026, 3, 29))).findFirst().orElseThrow();
    assertThat(gapDay.at()).isEqualTo("2026-03-29T01:30:00Z");
    assertThat(localTime(gapDay, z)).isEqualTo("03:30");
  }

  @Test
  void berlinTimeInAutumnOverlapFiresOnceAtTheEarlierOffset() {
    ZoneId z = ZoneId.of("Europe/Berlin");
    Recurrence r = Recurrence.daily(LocalTime.of(2, 30), z);
    List<Recurrence.Occurrence> fired = fire(r, LocalDate.of(2026, 10, 23), 5);
    assertEveryDayOnce(fired, LocalDate.of(2026, 10, 23), 5);
    assertThat(fired.stream().filter(o -> o.date().equals(LocalDate.of(2026, 10, 25))))
        .singleElement().extracting(Recurrence.Occurrence::at)
        .isEqualTo(Instant.parse("2026-10-25T00:30:00Z"));
  }

  @Test
  void newYorkAcrossBothDstChanges() {
    ZoneId z = ZoneId.of("America/New_York");
    for (LocalTime t : List.of(LocalTime.of(9, 15), LocalTime.of(2, 30), LocalTime.of(1, 30))) {
      Recurrence r = Recurrence.daily(t, z);
      for (LocalDate from : List.of(LocalDate.of(2026, 3, 5), LocalDate.of(2026, 10, 29))) {
        assertEveryDayOnce(fire(r, from, 6), from, 6);
      }
    }
    assertThat(Recurrence.instantOf(LocalDate.of(2026, 3, 8), LocalTime.of(2, 30), z))
        .isEqualTo("2026-03-08T07:30:00Z");
    assertThat(Recurrence.instantOf(LocalDate.of(2026, 11, 1), LocalTime.of(1, 30), z))
        .isEqualTo("2026-11-01T05:30:00Z");
  }

  @Test
  void santiagoMidnightGapAndOverlap() {
    ZoneId z = ZoneId.of("America/Santiago");
    Recurrence midnight = Recurrence.daily(LocalTime.MIDNIGHT, z);
    List<Recurrence.Occurrence> spring = fire(midnight, LocalDate.of(2026, 9, 3), 6);
    assertEveryDayOnce(spring, LocalDate.of(2026, 9, 3), 6);
    assertThat(spring.stream().filter(o -> o.date().equals(LocalDate.of(2026, 9, 6))))
        .singleElement().satisfies(o -> assertThat(localTime(o, z)).isEqualTo("01:00"));
    Recurrence late = Recurrence.daily(LocalTime.of(23, 30), z);
    List<Recurrence.Occurrence> autumn = fire(late, LocalDate.of(2026, 4, 2), 6);
    assertEveryDayOnce(autumn, LocalDate.of(2026, 4, 2), 6);
    assertThat(autumn.stream().filter(o -> o.date().equals(LocalDate.of(2026, 4, 4))))
        .singleElement().extracting(Recurrence.Occurrence::at)
        .isEqualTo(Instant.parse("2026-04-05T02:30:00Z"));
  }

  @Test
  void cairoMidnightGapAndOverlap() {
    ZoneId z = ZoneId.of("Africa/Cairo");
    Recurrence r = Recurrence.daily(LocalTime.of(0, 20), z);
    List<Recurrence.Occurrence> spring = fire(r, LocalDate.of(2026, 4, 22), 5);
    assertEveryDayOnce(spring, LocalDate.of(2026, 4, 22), 5);
    assertThat(spring.stream().filter(o -> o.date().equals(LocalDate.of(2026, 4, 24))))
        .singleElement().satisfies(o -> assertThat(localTime(o, z)).isEqualTo("01:20"));
    Recurrence late = Recurrence.daily(LocalTime.of(23, 40), z);
    assertEveryDayOnce(fire(late, LocalDate.of(2026, 10, 27), 5), LocalDate.of(2026, 10, 27), 5);
  }

  @Test
  void lordHoweHalfHourShift() {
    ZoneId z = ZoneId.of("Australia/Lord_Howe");
    Recurrence gap = Recurrence.daily(LocalTime.of(2, 15), z);
    List<Recurrence.Occurrence> spring = fire(gap, LocalDate.of(2026, 10, 2), 5);
    assertEveryDayOnce(spring, LocalDate.of(2026, 10, 2), 5);
    assertThat(spring.stream().filter(o -> o.date().equals(LocalDate.of(2026, 10, 4))))
        .singleElement().satisfies(o -> assertThat(localTime(o, z)).isEqualTo("02:45"));
    Recurrence overlap = Recurrence.daily(LocalTime.of(1, 45), z);
    List<Recurrence.Occurrence> autumn = fire(overlap, LocalDate.of(2026, 4, 3), 5);
    assertEveryDayOnce(autumn, LocalDate.of(2026, 4, 3), 5);
    assertThat(autumn.stream().filter(o -> o.date().equals(LocalDate.of(2026, 4, 5))))
        .singleElement().extracting(Recurrence.Occurrence::at)
        .isEqualTo(Instant.parse("2026-04-04T14:45:00Z"));
  }

  @Test
  void activeDaysOnlyFireOnChosenDays() {
    Recurrence r = new Recurrence(LocalTime.of(8, 0), ZoneId.of("UTC"),
        EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.THURSDAY), null, null, 0);
    List<Recurrence.Occurrence> fired = fire(r, LocalDate.of(2026, 11, 23), 14);
    assertThat(fired).extracting(o -> o.date().getDayOfWeek())
        .containsOnly(DayOfWeek.MONDAY, DayOfWeek.THURSDAY);
    assertThat(fired).hasSize(4);
  }

  @Test
  void pauseSkipsDatesBeforeResumeOnAndResumesThatDay() {
    LocalDate resume = LocalDate.of(2026, 11, 27);
    Recurrence r = new Recurrence(LocalTime.of(8, 0), ZoneId.of("Europe/Berlin"), null, resume,
        null, 0);
    List<Recurrence.Occurrence> fired = fire(r, LocalDate.of(2026, 11, 23), 7);
    assertThat(fired.get(0).date()).isEqualTo(resume);
    assertThat(fired).extracting(Recurrence.Occurrence::date).allMatch(d -> !d.isBefore(resume));
  }

  @Test
  void symptomWatchAddsDailyCheckInsForSevenDaysFromTheStep() {
    LocalDate step = LocalDate.of(2026, 12, 2);
    Recurrence r = new Recurrence(LocalTime.of(8, 0), ZoneId.of("UTC"),
        EnumSet.of(DayOfWeek.MONDAY), null, List.of(step), 7);
    List<LocalDate> dates = fire(r, LocalDate.of(2026, 11, 30), 21).stream()
        .map(Recurrence.Occurrence::date).toList();
    assertThat(dates).containsExactly(LocalDate.of(2026, 11, 30), step, step.plusDays(1),
        step.plusDays(2), step.plusDays(3), step.plusDays(4), step.plusDays(5), step.plusDays(6),
        LocalDate.of(2026, 12, 14));
  }

  @Test
  void firstOccurrenceIsTodayWhenTheTimeIsStillAhead() {
    Recurrence r = Recurrence.daily(LocalTime.of(20, 0), ZoneId.of("America/New_York"));
    Instant now = Instant.parse("2026-11-23T15:00:00Z");
    assertThat(r.next(null, now)).get().extracting(Recurrence.Occurrence::date)
        .isEqualTo(LocalDate.of(2026, 11, 23));
    assertThat(r.next(LocalDate.of(2026, 11, 23), now)).get()
        .extracting(Recurrence.Occurrence::date).isEqualTo(LocalDate.of(2026, 11, 24));
  }

  @Test
  void latestDueFindsOnlyTheMostRecentMissedOccurrence() {
    Recurrence r = Recurrence.daily(LocalTime.of(8, 0), ZoneId.of("Europe/Berlin"));
    Instant now = Instant.parse("2026-11-26T12:00:00Z");
    assertThat(r.latestDue(LocalDate.of(2026, 11, 22), now)).get()
        .extracting(Recurrence.Occurrence::date).isEqualTo(LocalDate.of(2026, 11, 26));
    assertThat(r.latestDue(LocalDate.of(2026, 11, 26), now)).isEmpty();
  }
}
