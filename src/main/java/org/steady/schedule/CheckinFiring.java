package org.steady.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.conversions.Bson;
import com.mongodb.client.model.Updates;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.steady.chat.Inbound;
import org.steady.chat.InboundHandler;
import org.steady.chat.Outbox;
import org.steady.chat.PatientRef;

/**
 * Fires one due check-in: prepares the profile for that day (taper step, symptom watch), sends
 * the taper-step reminder if a step starts that day, hands a START to the inbox under the key
 * {@code checkin:<patientId>:<localDate>:daily}, then moves the schedule to its next
 * occurrence. Every part is idempotent, and the inbox's unique key makes an occurrence fire once
 * however many instances (or retries after a crash) reach it.
 *
 * <p>Catch-up: a check-in more than {@code grace} late is stale. Of the stale ones only the
 * latest is sent, and only if it is for the patient's current local date and outside quiet
 * hours; the rest are dropped (not counted as missed: the patient did nothing wrong).
 */
@Component
class CheckinFiring {
  static final String SLOT = "daily";

  /** What one firing did, for the ticker's counters. */
  enum Outcome { FIRED, LATE, DROPPED, RACED }

  private final Schedules schedules;
  private final TaperPlans plans;
  private final PatientProfiles profile;
  private final Outbox outbox;
  private final InboundHandler inbound;
  private final ScheduleProperties props;
  private final org.steady.store.Patients patients;

  CheckinFiring(Schedules schedules, TaperPlans plans, PatientProfiles profile, Outbox outbox,
      InboundHandler inbound, ScheduleProperties props, org.steady.store.Patients patients) {
    this.patients = patients;
    this.schedules = schedules;
    this.plans = plans;
    this.profile = profile;
    this.outbox = outbox;
    this.inbound = inbound;
    this.props = props;
  }

  /**
   * Fires a batch of due check-ins: their STARTs go into the inbox with one write (and one
   * durable commit), then every schedule moves on to its next occurrence with one bulk
   * compare-and-set, and only then are the check-ins processed. Returns how many ended in each outcome. A schedule another writer changed
   * meanwhile also counts as {@link Outcome#RACED}, besides what was decided for it: it is looked
   * at again in the next pass, and the inbox key keeps its check-in from firing twice.
   */
  Map<Outcome, Integer> fire(List<ScheduleDoc> due, Instant now) {
    Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
    List<Inbound> starts = new ArrayList<>();
    List<ScheduleDoc> moving = new ArrayList<>();
    List<Bson> moves = new ArrayList<>();
    for (ScheduleDoc doc : due) {
      if (doc.nextDueAt() == null || doc.nextDueAt().isAfter(now)) {
        // read after another instance moved it on (a store may return a newer version of a
        // document than the one its query matched): never fire the next occurrence early
        counts.merge(Outcome.RACED, 1, Integer::sum);
        continue;
      }
      boolean stale = Duration.between(doc.nextDueAt(), now).compareTo(props.grace()) > 0;
      Recurrence r = doc.recurrence(props.watchDays());
      LocalDate date = stale ? latestToday(doc, r, now) : doc.nextDate();
      if (date != null) {
        prepare(doc, r, date);
        starts.add(new Inbound(doc.channel(), doc.chatId(), key(doc.patientId(), date),
            Inbound.Kind.START, null, props.checkinScript(), "", null, null, doc.locale(), now));
      }
      moving.add(doc);
      moves.add(schedules.nextFields(doc, date != null ? date : doc.lastDate(), now));
      counts.merge(date == null ? Outcome.DROPPED : stale ? Outcome.LATE : Outcome.FIRED, 1,
          Integer::sum);
    }
    int[] moved = new int[1];
    inbound.acceptAll(starts, () -> moved[0] = schedules.compareAndSetAll(moving, moves));
    int raced = moving.size() - moved[0];
    if (raced > 0) {
      counts.merge(Outcome.RACED, raced, Integer::sum);
    }
    return counts;
  }

  /**
   * Catch-up for a check-in more than {@code grace} late: only the latest occurrence counts,
   * and only if it is for the patient's current local date and outside quiet hours.
   */
  private @Nullable LocalDate latestToday(ScheduleDoc doc, Recurrence r, Instant now) {
    Optional<Recurrence.Occurrence> latest = r.latestDue(doc.lastDate(), now);
    LocalDate today = now.atZone(doc.zone()).toLocalDate();
    boolean quiet = props.quietHours().contains(now.atZone(doc.zone()).toLocalTime());
    return latest.isPresent() && latest.get().date().equals(today) && !quiet ? today : null;
  }

  /** Opted out with /stop: the taper reminder waits like everything unsolicited. */
  private boolean stopped(String patientId) {
    return patients.isStopped(patientId);
  }

  static String key(String patientId, LocalDate date) {
    return "checkin:" + patientId + ":" + date + ":" + SLOT;
  }

  /** Puts the day's taper step and symptom-watch flag on the profile before the check-in runs. */
  private void prepare(ScheduleDoc doc, Recurrence r, LocalDate date) {
    String pid = doc.patientId();
    Optional<TaperPlan.Step> step = doc.watchStarts().contains(date)
        ? plans.find(pid).flatMap(p -> p.startingOn(date)) : Optional.empty();
    if (step.isPresent() && !stopped(pid)) {
      outbox.enqueue("taper:" + pid + ":" + date, pid, doc.channel(), doc.chatId(), "send",
          reminder(step.get(), locale(doc)), List.of(), null, false);
      profile.set(pid, "planned_step_today", step.get().words());
      schedules.set(pid, Updates.set("stepDate", date.toString()));
    } else if (doc.stepDate() != null && !doc.stepDate().equals(date)) {
      profile.set(pid, "planned_step_today", null);
      schedules.set(pid, Updates.unset("stepDate"));
    }
    boolean watched = r.watched(date);
    if (watched != doc.watching()) {
      profile.set(pid, "symptom_watch", watched);
      Bson flag = Updates.set("watching", watched);
      schedules.set(pid, flag);
    }
  }

  /**
   * The patient's language now: the schedule keeps the locale of its last change, which is
   * older than a later {@code /settings language}.
   */
  private String locale(ScheduleDoc doc) {
    return profile.ref(doc.patientId()).map(PatientRef::locale).orElse(doc.locale());
  }

  /** The plan's own words, as staff entered them; never anything computed or translated. */
  static String reminder(TaperPlan.Step step, String locale) {
    return ScheduleTexts.get("taper_step", locale, "step", step.words());
  }
}
