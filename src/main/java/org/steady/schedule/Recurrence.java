package org.steady.schedule;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * When a patient's daily check-in happens: a local time on chosen days of the week in an IANA
 * zone, paused before {@code resumeOn}, and every day of a symptom-watch window whatever the
 * chosen days. Pure and deterministic: all instants are computed from a local date, the time
 * and the zone, so an occurrence is identified by its local date and a DST change can neither
 * skip nor double it.
 *
 * <p>DST rules (java.time's, see {@link #instantOf}): a time in a spring-forward gap fires later
 * by the length of the gap (Europe/Berlin 02:30 → 03:30 CEST; Australia/Lord_Howe 02:15 → 02:45);
 * a time in a fall-back overlap fires once, at the earlier offset.
 *
 * @param time local time of day
 * @param zone the patient's zone
 * @param days active days (never empty)
 * @param resumeOn first local date with check-ins again after a pause; null when not paused
 * @param watchStarts start dates of taper steps; each opens {@code watchDays} daily check-ins
 * @param watchDays length of a symptom-watch window in days (0 for none)
 */
record Recurrence(
    LocalTime time,
    ZoneId zone,
    Set<DayOfWeek> days,
    LocalDate resumeOn,
    List<LocalDate> watchStarts,
    int watchDays) {

  /** Looking further than this finds nothing new: every week has the same days. */
  private static final int HORIZON_DAYS = 8;

  Recurrence {
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(zone, "zone");
    days = days == null || days.isEmpty() ? EnumSet.allOf(DayOfWeek.class) : Set.copyOf(days);
    watchStarts = watchStarts == null ? List.of() : List.copyOf(watchStarts);
  }

  static Recurrence daily(LocalTime time, ZoneId zone) {
    return new Recurrence(time, zone, null, null, null, 0);
  }

  /** One check-in: its local date (the key) and the instant it is due. */
  record Occurrence(LocalDate date, Instant at) {}

  /**
   * The instant of {@code time} on {@code date} in {@code zone}. In a gap the local time moves
   * later by the gap's length; in an overlap the earlier offset wins ({@link ZonedDateTime#of}).
   */
  static Instant instantOf(LocalDate date, LocalTime time, ZoneId zone) {
    return ZonedDateTime.of(LocalDateTime.of(date, time), zone).toInstant();
  }

  /** Whether {@code date} has a check-in at all (pause, chosen days, symptom watch). */
  boolean active(LocalDate date) {
    if (resumeOn != null && date.isBefore(resumeOn)) {
      return false;
    }
    return days.contains(date.getDayOfWeek()) || watched(date);
  }

  /** Whether {@code date} lies in the symptom-watch window of a taper step. */
  boolean watched(LocalDate date) {
    for (LocalDate start : watchStarts) {
      if (!date.isBefore(start) && date.isBefore(start.plusDays(watchDays))) {
        return true;
      }
    }
    return false;
  }

  /**
   * The next occurrence due at or after {@code now} whose date is after {@code lastDate} (the
   * date of the last occurrence fired, null if none). Keying by date is what makes "once per
   * day" hold across DST changes and zone changes.
   */
  Optional<Occurrence> next(LocalDate lastDate, Instant now) {
    LocalDate date = now.atZone(zone).toLocalDate().minusDays(1);
    if (lastDate != null && !date.isAfter(lastDate)) {
      date = lastDate.plusDays(1);
    }
    LocalDate start = date;
    if (resumeOn != null && start.isBefore(resumeOn)) {
      start = resumeOn;
    }
    LocalDate end = start.plusDays(HORIZON_DAYS + (long) watchDays);
    for (LocalDate d = start; d.isBefore(end); d = d.plusDays(1)) {
      if (active(d)) {
        Instant at = instantOf(d, time, zone);
        if (!at.isBefore(now)) {
          return Optional.of(new Occurrence(d, at));
        }
      }
    }
    return Optional.empty();
  }

  /**
   * The latest occurrence due at or before {@code now} whose date is after {@code lastDate}, if
   * any: after downtime this is the one check-in worth sending (see docs/schedules.md).
   */
  Optional<Occurrence> latestDue(LocalDate lastDate, Instant now) {
    LocalDate today = now.atZone(zone).toLocalDate();
    for (LocalDate d = today.plusDays(1); !d.isBefore(today.minusDays(HORIZON_DAYS));
        d = d.minusDays(1)) {
      if (lastDate != null && !d.isAfter(lastDate)) {
        return Optional.empty();
      }
      if (active(d)) {
        Instant at = instantOf(d, time, zone);
        if (!at.isAfter(now)) {
          return Optional.of(new Occurrence(d, at));
        }
      }
    }
    return Optional.empty();
  }
}
