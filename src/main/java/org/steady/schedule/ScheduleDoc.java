package org.steady.schedule;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.steady.chat.PatientRef;

/**
 * One patient's schedule as stored in {@code schedules} ({@code _id} = patient id). Dates are
 * ISO strings (local dates in {@code zone}); {@code nextDueAt} is indexed for the ticker.
 *
 * @param time check-in time, null until the patient chose one (then nothing is scheduled)
 * @param lastDate local date of the last check-in fired
 * @param stepDate date whose taper step is on the profile as {@code planned_step_today}
 * @param watching whether {@code symptom_watch} is true on the profile
 * @param rev optimistic version, bumped by every write
 */
record ScheduleDoc(
    String patientId, String channel, String chatId, String locale, LocalTime time, ZoneId zone,
    Set<DayOfWeek> days, LocalDate resumeOn, List<LocalDate> watchStarts, LocalDate lastDate,
    LocalDate nextDate, Instant nextDueAt, LocalDate stepDate, boolean watching, long rev) {

  PatientRef ref() {
    return new PatientRef(patientId, channel, chatId, locale);
  }

  Recurrence recurrence(int watchDays) {
    return new Recurrence(time, zone, days, resumeOn, watchStarts, watchDays);
  }

  static ScheduleDoc from(Document d) {
    Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
    for (Object o : d.getList("days", Object.class, List.of())) {
      days.add(DayOfWeek.of(((Number) o).intValue()));
    }
    List<LocalDate> watch = new ArrayList<>();
    for (Object o : d.getList("watchStarts", Object.class, List.of())) {
      watch.add(LocalDate.parse((String) o));
    }
    String time = d.getString("time");
    Date due = d.getDate("nextDueAt");
    return new ScheduleDoc(d.getString("_id"), d.getString("channel"), d.getString("chatId"),
        d.getString("locale"), time == null ? null : LocalTime.parse(time), zone(d),
        days, date(d, "resumeOn"), watch, date(d, "lastDate"), date(d, "nextDate"),
        due == null ? null : due.toInstant(), date(d, "stepDate"),
        d.getBoolean("watching", false), ((Number) d.get("rev", 0L)).longValue());
  }

  private static ZoneId zone(Document d) {
    try {
      String z = d.getString("zone");
      return z == null ? ZoneId.of("UTC") : ZoneId.of(z);
    } catch (RuntimeException e) {
      return ZoneId.of("UTC");
    }
  }

  private static LocalDate date(Document d, String key) {
    String s = d.getString(key);
    return s == null ? null : LocalDate.parse(s);
  }

  static List<Integer> dayNumbers(Set<DayOfWeek> days) {
    return days.stream().sorted().map(DayOfWeek::getValue).toList();
  }
}
