package org.steady.schedule;

import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.steady.chat.EffectHandler;
import org.steady.chat.PatientRef;
import org.steady.engine.Effect;
import org.steady.engine.Severity;

/**
 * Raises an escalation the way an engine {@link Effect.RaiseEscalation} reaches the escalation
 * module: every {@link EffectHandler} that handles it is called with a deterministic effect id
 * (e.g. {@code missed:<patientId>:<date>}), so raising the same one twice is a no-op there.
 * Handlers are looked up per call, which keeps this free of a dependency cycle with the
 * schedule's own handlers.
 */
@Component
class ScheduleEscalations {
  static final Effect.Origin ORIGIN = new Effect.Origin("schedule", "1", "schedule");

  private final Supplier<Stream<EffectHandler>> handlers;

  @Autowired
  ScheduleEscalations(ObjectProvider<EffectHandler> handlers) {
    this(handlers::orderedStream);
  }

  ScheduleEscalations(Supplier<Stream<EffectHandler>> handlers) {
    this.handlers = handlers;
  }

  /** @return how many handlers took it (0 means no escalation module is present) */
  int raise(PatientRef patient, String effectId, Severity severity, String reason, String rule,
      Map<String, Object> evidence) {
    Effect.RaiseEscalation e =
        new Effect.RaiseEscalation(severity, reason, rule, evidence, ORIGIN);
    int[] n = {0};
    handlers.get().filter(h -> h.handles(e)).forEach(h -> {
      h.handle(patient, e, effectId);
      n[0]++;
    });
    return n[0];
  }
}
