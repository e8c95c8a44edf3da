package org.steady.escalation;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Re-escalation tick. Safe with several instances without a lock: each due escalation is
 * claimed with one findOneAndUpdate, and the work survives restarts because it is driven by the
 * stored {@code nextActionAt}.
 */
@Component
class EscalationTicker {
  private final AlertDispatcher dispatcher;

  EscalationTicker(AlertDispatcher dispatcher) {
    this.dispatcher = dispatcher;
  }

  @Scheduled(fixedDelayString = "${steady.escalation.tick:10s}",
      initialDelayString = "${steady.escalation.tick:10s}")
  void tick() {
    dispatcher.runDue();
  }
}
