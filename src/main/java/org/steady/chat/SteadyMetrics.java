package org.steady.chat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;
import org.steady.engine.Severity;

/**
 * The bot's own counters, exported at {@code /actuator/prometheus} as {@code
 * steady_messages_in_total}, {@code steady_checkins_started_total}, {@code
 * steady_checkins_completed_total} and {@code steady_escalations_total{severity}}. ({@code
 * steady_messages_out_total} is counted by the outbox relay when a channel confirms a send.)
 */
@Component
public class SteadyMetrics {
  private final MeterRegistry registry;
  private final Counter messagesIn;
  private final Counter checkinsStarted;
  private final Counter checkinsCompleted;

  public SteadyMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.messagesIn = Counter.builder("steady.messages.in")
        .description("Inbound events accepted into the inbox").register(registry);
    this.checkinsStarted = Counter.builder("steady.checkins.started")
        .description("Daily check-ins started").register(registry);
    this.checkinsCompleted = Counter.builder("steady.checkins.completed")
        .description("Daily check-ins finished").register(registry);
    for (Severity s : Severity.values()) {
      escalationCounter(s);
    }
  }

  public void messageIn() {
    messagesIn.increment();
  }

  public void checkinStarted() {
    checkinsStarted.increment();
  }

  public void checkinCompleted() {
    checkinsCompleted.increment();
  }

  public void escalation(Severity severity) {
    escalationCounter(severity).increment();
  }

  private Counter escalationCounter(Severity severity) {
    return Counter.builder("steady.escalations").description("Escalations raised by severity")
        .tag("severity", severity.wireName()).register(registry);
  }
}
