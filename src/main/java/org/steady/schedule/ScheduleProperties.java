package org.steady.schedule;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code steady.schedule} (each has an environment variable in application.yml).
 *
 * @param tick how often the ticker looks for due check-ins and timers
 * @param grace a due event later than this is stale: not replayed after downtime
 * @param batch how many due entries one query takes
 * @param quietStart start of quiet hours (local), routine timers wait until {@code quietEnd}
 * @param quietEnd end of quiet hours (local)
 * @param urgentPurposes timer purposes (prefixes) never held by quiet hours nor dropped as stale
 * @param missedDaysEscalation K: this many consecutive missed check-in days raise a concern
 * @param checkinScript the script a check-in starts
 * @param watchDays days of symptom watch from a taper step's start (step day included)
 * @param baselineDays days before a step whose scores form the baseline
 */
@ConfigurationProperties("steady.schedule")
public record ScheduleProperties(
    @DefaultValue("PT15S") Duration tick,
    @DefaultValue("PT2H") Duration grace,
    @DefaultValue("5000") int batch,
    @DefaultValue("22:00") String quietStart,
    @DefaultValue("07:00") String quietEnd,
    @DefaultValue({"urgent", "crisis"}) List<String> urgentPurposes,
    @DefaultValue("3") int missedDaysEscalation,
    @DefaultValue("daily-checkin") String checkinScript,
    @DefaultValue("7") int watchDays,
    @DefaultValue("7") int baselineDays) {

  public ScheduleProperties {
    if (missedDaysEscalation < 1) {
      throw new IllegalArgumentException("steady.schedule.missed-days-escalation must be >= 1");
    }
    quietHours(quietStart, quietEnd);
    if (batch < 1) {
      throw new IllegalArgumentException("steady.schedule.batch must be >= 1");
    }
  }

  static ScheduleProperties defaults() {
    return new ScheduleProperties(Duration.ofSeconds(15), Duration.ofHours(2), 5000,
        "22:00", "07:00", List.of("urgent", "crisis"), 3,
        "daily-checkin", 7, 7);
  }

  QuietHours quietHours() {
    return quietHours(quietStart, quietEnd);
  }

  private static QuietHours quietHours(String start, String end) {
    return new QuietHours(time(start, "quiet-start"), time(end, "quiet-end"));
  }

  private static LocalTime time(String s, String key) {
    return CheckinSettings.parseTime(s).orElseThrow(() -> new IllegalArgumentException(
        "steady.schedule." + key + " must be a time like 22:00, not '" + s + "'"));
  }

  boolean urgent(String purpose) {
    String p = purpose.toLowerCase(java.util.Locale.ROOT);
    return urgentPurposes.stream().anyMatch(u -> p.startsWith(u.toLowerCase(java.util.Locale.ROOT)));
  }
}
