package org.steady.care;

import java.util.Optional;
import org.springframework.stereotype.Component;
import org.steady.store.Patient;
import org.steady.store.Patients;

/** {@link PatientDirectory} over the shell's {@code patients} collection. */
@Component
public class MongoPatientDirectory implements PatientDirectory {
  private final Patients patients;

  public MongoPatientDirectory(Patients patients) {
    this.patients = patients;
  }

  @Override
  public Optional<Info> find(String patientId) {
    return patients.byId(patientId).map(MongoPatientDirectory::info);
  }

  private static Info info(Patient p) {
    return new Info(p.id(), p.channel(), p.chatId(), p.name(),
        p.locale() == null ? "en" : p.locale(), p.zoneId(), p.profile());
  }
}
