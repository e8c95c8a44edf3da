package org.steady.chat;

import org.steady.engine.Effect;

/**
 * Carries out one kind of engine effect that is not a message: escalations (package
 * {@code escalation}), timers (package {@code schedule}), profile updates. The shell calls every
 * handler bean whose {@link #handles} is true, after the effect was made durable. Handlers must
 * be idempotent on {@code effectId} ({@code <inbox id>:<effect index>}): after a crash the same
 * effect can be handed over again.
 */
public interface EffectHandler {

  boolean handles(Effect effect);

  void handle(PatientRef patient, Effect effect, String effectId);
}
