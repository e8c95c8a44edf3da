package org.steady.escalation;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.steady.store.Durability;

/**
 * Re-escalation tick. Safe with several instances without a lock: each due escalation is
 * claimed with one findOneAndUpdate, and the work survives restarts because it is driven by the
 * stored {@code nextActionAt}.
 */
@Component
class EscalationTicker {
  private final AlertDispatcher dispatcher;
  private final WeeklySummary summary;
  private final Durability durability;

  EscalationTicker(AlertDispatcher dispatcher, WeeklySummary summary, Durability durability) {
    this.dispatcher = dispatcher;
    this.summary = summary;
    this.durability = durability;
  }

  @Scheduled(fixedDelayString = "${steady.escalation.tick:10s}",
      initialDelayString = "${steady.escalation.tick:10s}")
  void tick() {
    if (dispatcher.runDue() > 0) {
      durability.commit();
    }
  }

  /** Once a week; the outbox id per contact and week makes a second instance's run a no-op. */
  @Scheduled(cron = "${steady.escalation.weekly-cron:0 0 9 * * MON}", zone = "UTC")
  void weekly() {
    if (summary.sendAll() > 0) {
      durability.commit();
    }
  }
}
