package org.steady.chat;

import java.util.Optional;
import org.springframework.stereotype.Component;
import org.steady.store.Patients;

/**
 * {@code /stop}: the patient opts out. From then on Steady sends them nothing on its own — no
 * check-ins, reminders, taper reminders or timers — until they send {@code /start}; anything
 * they write themselves is still answered (and still screened for red flags). Their data stays
 * until they ask for it to be deleted.
 */
@Component
class StopCommand implements InboundInterceptor {
  private final Patients patients;

  StopCommand(Patients patients) {
    this.patients = patients;
  }

  @Override
  public int order() {
    return -50;
  }

  @Override
  public boolean intercept(Inbound in, Optional<PatientRef> patient, Replies replies) {
    if (in.kind() != Inbound.Kind.COMMAND || !"stop".equals(in.command()) || patient.isEmpty()) {
      return false;
    }
    patients.setStopped(patient.get().patientId(), true);
    replies.text(Texts.stopped(patient.get().locale()));
    return true;
  }
}
