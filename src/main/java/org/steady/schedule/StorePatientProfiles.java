package org.steady.schedule;

import java.time.ZoneId;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.steady.chat.PatientRef;
import org.steady.store.Patient;
import org.steady.store.Patients;

/** {@link PatientProfiles} on the {@code patients} collection. */
@Component
class StorePatientProfiles implements PatientProfiles {
  private final Patients patients;

  StorePatientProfiles(Patients patients) {
    this.patients = patients;
  }

  @Override
  public void set(String patientId, String field, Object value) {
    patients.updateProfile(patientId, field, value);
  }

  @Override
  public ZoneId zone(String patientId) {
    return patients.byId(patientId).map(Patient::zoneId).orElse(ZoneId.of("UTC"));
  }

  @Override
  public Optional<PatientRef> ref(String patientId) {
    return patients.byId(patientId)
        .map(p -> new PatientRef(p.id(), p.channel(), p.chatId(), p.locale()));
  }
}
