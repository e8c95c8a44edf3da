package org.steady.schedule;

import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.steady.chat.Inbound;
import org.steady.chat.InboundInterceptor;
import org.steady.chat.PatientRef;
import org.steady.engine.Severity;

/**
 * The "I'd like to talk about the pace" button ({@code pace:talk:<stepDate>}): raises a
 * {@code concern} escalation so the patient's care contacts hear of it, and tells the patient
 * that any change to the plan is for their prescriber. Pressing it twice raises it once.
 */
@Component
class PaceTalk implements InboundInterceptor {
  static final String PREFIX = "pace:talk:";

  private final ScheduleEscalations escalations;

  PaceTalk(ScheduleEscalations escalations) {
    this.escalations = escalations;
  }

  @Override
  public boolean intercept(Inbound in, Optional<PatientRef> patient, Replies replies) {
    if (in.kind() != Inbound.Kind.BUTTON || in.callbackData() == null
        || !in.callbackData().startsWith(PREFIX) || patient.isEmpty()) {
      return false;
    }
    String step = in.callbackData().substring(PREFIX.length());
    if (!step.matches("\\d{4}-\\d{2}-\\d{2}")) {
      return false;
    }
    PatientRef p = patient.get();
    int told = escalations.raise(p, "pace:" + p.patientId() + ":" + step, Severity.CONCERN,
        "The patient would like to talk about the pace of their taper (step of " + step
            + "). Please get in touch; any change to the plan is for the prescriber to decide.",
        "schedule:pace_talk", Map.of("step_start", step));
    replies.text(ScheduleTexts.get(told > 0 ? "pace_told" : "pace_thanks", p.locale())
        + ScheduleTexts.get("pace_prescriber", p.locale()));
    return true;
  }
}
