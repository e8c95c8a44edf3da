package org.steady.schedule;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * Local hours in which routine nudges (reminders, snoozes) wait. The window may cross midnight
 * (22:00–07:00, the default) or not (13:00–14:00); equal start and end means no quiet hours.
 * Crisis and urgent messages never wait: callers ask {@link #release} only for routine timers.
 */
record QuietHours(LocalTime start, LocalTime end) {

  QuietHours {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
  }

  static QuietHours none() {
    return new QuietHours(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT);
  }

  boolean contains(LocalTime t) {
    if (start.equals(end)) {
      return false;
    }
    if (start.isBefore(end)) {
      return !t.isBefore(start) && t.isBefore(end);
    }
    return !t.isBefore(start) || t.isBefore(end);
  }

  /**
   * {@code at} itself when it falls outside quiet hours in {@code zone}; otherwise the end of
   * those quiet hours (the same day's end for an early-morning time, the next day's for a late
   * one), computed from the local date so that DST gaps are handled like check-ins.
   */
  Instant release(Instant at, ZoneId zone) {
    ZonedDateTime local = at.atZone(zone);
    LocalTime t = local.toLocalTime();
    if (!contains(t)) {
      return at;
    }
    LocalDate endDate = local.toLocalDate();
    if (start.isAfter(end) && !t.isBefore(start)) {
      endDate = endDate.plusDays(1);
    }
    Instant release = Recurrence.instantOf(endDate, end, zone);
    return release.isBefore(at) ? at : release;
  }
}
