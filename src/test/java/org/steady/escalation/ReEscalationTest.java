package org.steady.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.steady.engine.Severity;

class ReEscalationTest {
  private final CareWorld w = new CareWorld(TestProps.withStaff("staff"));

  @AfterEach
  void close() {
    w.close();
  }

  private List<String> alerts() {
    return w.outbox.all().stream().filter(m -> m.id().startsWith("alert:"))
        .map(RecordingOutbox.Msg::chatId).toList();
  }

  @Test
  void firstContactThenSecondAfterFifteenMinutesThenStaff() {
    w.patient("p1", "Ana", "en", "UTC");
    w.link("p1", "c1", "clinician", false);
    w.link("p1", "c2", "family", false);
    w.raise("p1", Severity.URGENT, "red_flag:self_harm", "local:e1:0");
    assertThat(alerts()).containsExactly("c1");

    w.clock.advance(Duration.ofMinutes(15).minusSeconds(1));
    w.dispatcher.runDue();
    assertThat(alerts()).containsExactly("c1");

    w.clock.advance(Duration.ofSeconds(1));
    w.dispatcher.runDue();
    assertThat(alerts()).containsExactly("c1", "c2");
    assertThat(w.outbox.last("c2").text()).contains("earlier contact has not acknowledged");

    w.clock.advance(Duration.ofMinutes(15));
    w.dispatcher.runDue();
    assertThat(alerts()).containsExactly("c1", "c2", "staff");
    assertThat(w.outbox.last("staff").text()).contains("local:p1")
        .contains("No care contact acknowledged");

    w.clock.advance(Duration.ofMinutes(15));
    w.dispatcher.runDue();
    w.clock.advance(Duration.ofHours(5));
    w.dispatcher.runDue();
    assertThat(alerts()).containsExactly("c1", "c2", "staff");
    Escalation e = w.escalations.byId("local:e1:0").orElseThrow();
    assertThat(e.status()).isEqualTo(Escalation.Status.OPEN);
    assertThat(e.nextActionAt()).isNull();
    assertThat(e.timeline()).extracting(d -> d.getString("type")).containsExactly("raised",
        "crisis_queued", "alert_queued", "not_acknowledged", "re_escalated",
        "not_acknowledged", "re_escalated", "not_acknowledged", "no_one_left");
  }

  @Test
  void concernWaitsTwelveHoursBeforeTheNextContact() {
    w.patient("p1", "Ana", "en", "UTC");
    w.link("p1", "c1", "clinician", false);
    w.link("p1", "c2", "family", false);
    w.raise("p1", Severity.CONCERN, "missed_days", "missed:local:p1:2026-11-23");
    w.clock.advance(Duration.ofHours(11));
    w.dispatcher.runDue();
    assertThat(alerts()).containsExactly("c1");
    w.clock.advance(Duration.ofHours(1));
    w.dispatcher.runDue();
    assertThat(alerts()).containsExactly("c1", "c2");
  }

  @Test
  void acknowledgementStopsReEscalationAndTellsTheOthers() {
    w.patient("p1", "Ana", "en", "UTC");
    w.link("p1", "c1", "clinician", false);
    w.link("p1", "c2", "family", false);
    w.raise("p1", Severity.URGENT, "red_flag:self_harm", "local:e1:0");
    w.clock.advance(Duration.ofMinutes(15));
    w.dispatcher.runDue();
    String ref = w.escalations.byId("local:e1:0").orElseThrow().ref();
    w.press("c1", "contacted:" + ref);
    assertThat(w.outbox.last("c2").text()).contains("Namec1 (clinician) has acknowledged");
    w.clock.advance(Duration.ofHours(1));
    w.dispatcher.runDue();
    assertThat(alerts()).containsExactly("c1", "c2");
    assertThat(w.escalations.byId("local:e1:0").orElseThrow().status())
        .isEqualTo(Escalation.Status.ACKNOWLEDGED);
  }

  @Test
  void staffAcknowledgeFromTheirChatAndTheTimelineNamesWhoPressed() {
    w.patient("p1", "Ana", "en", "UTC");
    w.link("p1", "c1", "clinician", false);
    w.raise("p1", Severity.URGENT, "red_flag:self_harm", "local:e1:0");
    w.clock.advance(Duration.ofMinutes(15));
    w.dispatcher.runDue();
    assertThat(alerts()).containsExactly("c1", "staff");
    String ref = w.escalations.byId("local:e1:0").orElseThrow().ref();

    w.press("staff", "ack:" + ref);

    Escalation e = w.escalations.byId("local:e1:0").orElseThrow();
    assertThat(e.status()).isEqualTo(Escalation.Status.ACKNOWLEDGED);
    assertThat(e.acknowledgedBy()).isEqualTo("local:staff");
    assertThat(e.timeline().get(e.timeline().size() - 2).getString("detail"))
        .isEqualTo("local:staff (Namestaff)");
    assertThat(w.outbox.last("c1").text()).contains("Program staff has acknowledged");
  }

  @Test
  void unlinkedContactIsSkipped() {
    w.patient("p1", "Ana", "en", "UTC");
    w.link("p1", "c1", "clinician", false);
    w.link("p1", "c2", "family", false);
    w.raise("p1", Severity.URGENT, "red_flag:self_harm", "local:e1:0");
    w.command("c2", "unlink", "");
    w.press("c2", w.valueStartingWith("c2", "unlink:"));
    w.clock.advance(Duration.ofMinutes(15));
    w.dispatcher.runDue();
    assertThat(alerts()).containsExactly("c1", "staff");
  }

  @Test
  void twoInstancesTickingTogetherAlertEachContactOnce() throws Exception {
    w.patient("p1", "Ana", "en", "UTC");
    w.link("p1", "c1", "clinician", false);
    w.link("p1", "c2", "family", false);
    for (int i = 0; i < 20; i++) {
      w.raise("p1", Severity.URGENT, "rule" + i, "local:e" + i + ":0");
    }
    w.clock.advance(Duration.ofMinutes(15));
    AlertDispatcher other = new AlertDispatcher(w.escalations, w.contacts,
        new org.steady.care.MongoPatientDirectory(new org.steady.store.Patients(w.db, w.clock)), w.outbox, TestProps.withStaff("staff"),
        w.clock);
    Thread t = new Thread(other::runDue);
    t.start();
    w.dispatcher.runDue();
    t.join();
    assertThat(alerts().stream().filter("c2"::equals)).hasSize(20);
    for (int i = 0; i < 20; i++) {
      assertThat(w.escalations.byId("local:e" + i + ":0").orElseThrow().step()).isEqualTo(2);
    }
  }
}
