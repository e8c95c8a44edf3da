package org.steady.schedule;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Optional;
import java.time.LocalTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.steady.chat.EffectHandler;
import org.steady.chat.PatientRef;
import org.steady.engine.Effect;

/**
 * Keeps the schedule in step with the profile: when a script saves {@code patient.timezone} or
 * {@code patient.checkin_time} (onboarding, a settings flow), the next check-in is recomputed.
 * Values the engine did not normalise are ignored with a log line (ids only), never a crash.
 */
@Component
class ProfileEffects implements EffectHandler {
  private static final Logger log = LoggerFactory.getLogger(ProfileEffects.class);

  private final CheckinSettings settings;

  ProfileEffects(CheckinSettings settings) {
    this.settings = settings;
  }

  static String field(Effect.UpdateProfile u) {
    String f = u.field();
    return f.startsWith("patient.") ? f.substring("patient.".length()) : f;
  }

  @Override
  public boolean handles(Effect effect) {
    if (!(effect instanceof Effect.UpdateProfile)) {
      return false;
    }
    String f = field((Effect.UpdateProfile) effect);
    return f.equals("timezone") || f.equals("checkin_time");
  }

  @Override
  public void handle(PatientRef patient, Effect effect, String effectId) {
    Effect.UpdateProfile u = (Effect.UpdateProfile) effect;
    String value = String.valueOf(u.value());
    if (field(u).equals("timezone")) {
      try {
        settings.zone(patient, ZoneId.of(value.trim()));
      } catch (DateTimeException e) {
        log.warn("ignored unknown time zone for patient {} ({})", patient.patientId(), effectId);
      }
    } else {
      Optional<LocalTime> t = CheckinSettings.parseTime(value);
      if (t.isPresent()) {
        settings.time(patient, t.get());
      } else {
        log.warn("ignored check-in time that is not HH:MM for patient {} ({})",
            patient.patientId(), effectId);
      }
    }
  }
}
