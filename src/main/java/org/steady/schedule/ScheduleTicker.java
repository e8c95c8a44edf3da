package org.steady.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.steady.chat.Inbound;
import org.steady.chat.InboundHandler;

/**
 * Every {@code steady.schedule.tick} (fixed delay) fires what is due: check-ins (indexed query
 * on {@code schedules.nextDueAt}) and engine timers (indexed on {@code timers.dueAt}). Safe on
 * several instances without a lock: each firing goes into the inbox under a deterministic key
 * (a second instance's copy is a duplicate-key no-op) and the schedule moves on with a
 * compare-and-set. Stale routine timers (more than {@code grace} late, e.g. after downtime) are
 * dropped rather than sent as a burst of old reminders; urgent ones always fire.
 */
@Component
class ScheduleTicker {
  private static final Logger log = LoggerFactory.getLogger(ScheduleTicker.class);
  /** Bounds one tick's work so a huge backlog cannot starve the other scheduled jobs. */
  private static final int MAX_BATCHES = 200;

  private final Schedules schedules;
  private final CheckinFiring checkins;
  private final Timers timers;
  private final InboundHandler inbound;
  private final ScheduleProperties props;
  private final Clock clock;

  ScheduleTicker(Schedules schedules, CheckinFiring checkins, Timers timers,
      InboundHandler inbound, ScheduleProperties props, Clock clock) {
    this.schedules = schedules;
    this.checkins = checkins;
    this.timers = timers;
    this.inbound = inbound;
    this.props = props;
    this.clock = clock;
  }

  @Scheduled(fixedDelayString = "${steady.schedule.tick:PT15S}",
      initialDelayString = "${steady.schedule.tick:PT15S}")
  void scheduled() {
    try {
      tick();
    } catch (RuntimeException e) {
      log.warn("schedule tick failed: {}", e.getClass().getName());
    }
  }

  /** One pass; returns how many check-ins ended in each outcome (timers under their own). */
  Map<CheckinFiring.Outcome, Integer> tick() {
    Instant now = clock.instant();
    Map<CheckinFiring.Outcome, Integer> counts = new EnumMap<>(CheckinFiring.Outcome.class);
    for (int b = 0; b < MAX_BATCHES; b++) {
      List<ScheduleDoc> due = schedules.due(now, props.batch());
      checkins.fire(due, now).forEach((outcome, n) -> counts.merge(outcome, n, Integer::sum));
      if (due.size() < props.batch()) {
        break;
      }
    }
    int[] t = fireTimers(now);
    if (!counts.isEmpty() || t[0] + t[1] > 0) {
      log.info("schedule tick: check-ins {}, timers fired {}, stale dropped {}", counts, t[0],
          t[1]);
    }
    return counts;
  }

  private int[] fireTimers(Instant now) {
    int fired = 0;
    int dropped = 0;
    for (int b = 0; b < MAX_BATCHES; b++) {
      List<Timers.Timer> due = timers.due(now, props.batch());
      List<Inbound> firing = new ArrayList<>();
      List<Timers.Timer> firingTimers = new ArrayList<>();
      List<Timers.Timer> stale = new ArrayList<>();
      for (Timers.Timer t : due) {
        if (t.dueAt().isAfter(now)) {
          continue;
        }
        if (Duration.between(t.dueAt(), now).compareTo(props.grace()) > 0 && !t.urgent()) {
          stale.add(t);
          continue;
        }
        firing.add(new Inbound(t.channel(), t.chatId(), t.externalId(), Inbound.Kind.TIMER,
            null, null, t.timerId(), null, null, null, now));
        firingTimers.add(t);
      }
      int[] removed = new int[1];
      inbound.acceptAll(firing, () -> removed[0] = timers.removeAll(firingTimers));
      fired += removed[0];
      dropped += timers.removeAll(stale);
      if (due.size() < props.batch()) {
        break;
      }
    }
    return new int[] {fired, dropped};
  }
}
