package org.steady.schedule;

import java.time.Instant;
import java.time.ZoneId;
import org.springframework.stereotype.Component;
import org.steady.chat.EffectHandler;
import org.steady.chat.PatientRef;
import org.steady.engine.Effect;

/**
 * Makes the engine's {@link Effect.ScheduleTimer} and {@link Effect.CancelTimer} durable. A
 * routine timer (a reminder, a snooze) that would fire in the patient's quiet hours is held
 * until they end; urgent purposes ({@code steady.schedule.urgent-purposes}) never wait.
 */
@Component
class TimerEffects implements EffectHandler {
  private final Timers timers;
  private final Schedules schedules;
  private final ScheduleProperties props;
  private final PatientProfiles profiles;

  TimerEffects(Timers timers, Schedules schedules, ScheduleProperties props,
      PatientProfiles profiles) {
    this.profiles = profiles;
    this.timers = timers;
    this.schedules = schedules;
    this.props = props;
  }

  @Override
  public boolean handles(Effect effect) {
    return effect instanceof Effect.ScheduleTimer || effect instanceof Effect.CancelTimer;
  }

  @Override
  public void handle(PatientRef patient, Effect effect, String effectId) {
    if (effect instanceof Effect.ScheduleTimer) {
      Effect.ScheduleTimer t = (Effect.ScheduleTimer) effect;
      boolean urgent = props.urgent(t.purpose());
      Instant due = urgent ? t.at() : props.quietHours().release(t.at(), zone(patient));
      timers.put(patient, t.timerId(), t.purpose(), t.at(), due, urgent);
    } else if (effect instanceof Effect.CancelTimer) {
      timers.cancel(patient.patientId(), ((Effect.CancelTimer) effect).timerId());
    } else {
      throw new IllegalStateException("not a timer effect: " + effect.type());
    }
  }

  private ZoneId zone(PatientRef p) {
    return schedules.find(p.patientId()).map(ScheduleDoc::zone)
        .orElseGet(() -> profiles.zone(p.patientId()));
  }
}
