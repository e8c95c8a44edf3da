package org.steady.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.steady.care.MongoPatientDirectory;
import org.steady.engine.Severity;
import org.steady.store.Patients;

class WeeklySummaryTest {
  private final CareWorld w = new CareWorld(TestProps.noStaff());

  @AfterEach
  void close() {
    w.close();
  }

  private void answer(String patient, String variable, double value, Instant at) {
    w.db.getCollection("answers").insertOne(new Document("patientId", "local:" + patient)
        .append("variable", variable).append("value", value).append("at", Date.from(at))
        .append("scriptId", "daily-checkin"));
  }

  @Test
  void summaryGoesOnlyToContactsGrantedItAndHoldsOnlyThatPatientsData() {
    w.patient("p1", "Ana", "en", "UTC");
    w.patient("p2", "Ben", "en", "UTC");
    w.link("p1", "c1", "clinician", false);
    w.link("p1", "c2", "family", false);
    w.link("p2", "c3", "family", false);
    w.press("p1", "weekly:" + w.contacts.active("local:p1").get(0).id() + ":y");
    w.press("p2", "weekly:" + w.contacts.active("local:p2").get(0).id() + ":y");
    Instant start = w.clock.instant();
    for (int d = 0; d < 3; d++) {
      answer("p1", "mood", 2 + d, start.plus(Duration.ofDays(d)));
      answer("p1", "symptom_score", 9 - 2 * d, start.plus(Duration.ofDays(d)));
    }
    answer("p2", "mood", 9, start);
    w.raise("p1", Severity.CONCERN, "missed_days", "missed:local:p1:x");
    w.clock.advance(Duration.ofDays(6));

    WeeklySummary summary = new WeeklySummary(w.contacts,
        new MongoPatientDirectory(new Patients(w.db, w.clock)), w.escalations, w.db, w.outbox,
        w.clock);
    assertThat(summary.sendAll()).isEqualTo(2);
    assertThat(summary.sendAll()).isEqualTo(2);
    String text = w.outbox.last("c1").text();
    assertThat(w.outbox.last("c1").id()).startsWith("weekly:");
    assertThat(text).contains("Ana").contains("Check-ins done: 3 of 7")
        .contains("Mood (higher is better): Mon 2, Tue 3, Wed 4 (rising)")
        .contains("symptom score (lower is better): Mon 9, Tue 7, Wed 5 (falling)")
        .contains("Alerts: 0 urgent, 1 concern").doesNotContain("Ben");
    assertThat(w.outbox.to("c1")).filteredOn(m -> m.id().startsWith("weekly:")).hasSize(1);
    assertThat(w.outbox.to("c2")).noneMatch(m -> m.id().startsWith("weekly:"));
    assertThat(w.outbox.last("c3").text()).contains("Ben").doesNotContain("Ana")
        .contains("Check-ins done: 1 of 7");
  }
}
