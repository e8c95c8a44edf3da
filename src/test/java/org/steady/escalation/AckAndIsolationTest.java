package org.steady.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.steady.engine.Severity;

class AckAndIsolationTest {
  private final CareWorld w = new CareWorld(TestProps.noStaff());

  @AfterEach
  void close() {
    w.close();
  }

  @Test
  void ackFromAChatTheAlertWasNotSentToIsRefused() {
    w.patient("p1", "Ana", "en", "UTC");
    w.link("p1", "c1", "clinician", false);
    w.link("p1", "c2", "family", false);
    w.raise("p1", Severity.URGENT, "red_flag:self_harm", "local:e1:0");
    String ref = w.escalations.byId("local:e1:0").orElseThrow().ref();
    w.press("c2", "ack:" + ref);
    w.press("stranger", "ack:" + ref);
    w.press("p1", "ack:" + ref);
    assertThat(w.outbox.last("c2").text()).contains("not valid for you");
    assertThat(w.outbox.last("stranger").text()).contains("not valid for you");
    Escalation e = w.escalations.byId("local:e1:0").orElseThrow();
    assertThat(e.status()).isEqualTo(Escalation.Status.OPEN);
    assertThat(e.acknowledgedBy()).isNull();
  }

  @Test
  void doubleAndStalePressesAreHarmless() {
    w.patient("p1", "Ana", "en", "UTC");
    w.link("p1", "c1", "clinician", false);
    w.link("p1", "c2", "family", false);
    w.raise("p1", Severity.URGENT, "red_flag:self_harm", "local:e1:0");
    w.clock.advance(java.time.Duration.ofMinutes(15));
    w.dispatcher.runDue();
    String ref = w.escalations.byId("local:e1:0").orElseThrow().ref();
    w.press("c2", "ack:" + ref);
    w.press("c2", "ack:" + ref);
    assertThat(w.outbox.last("c2").text()).contains("already acknowledged this alert");
    w.press("c1", "ack:" + ref);
    assertThat(w.outbox.last("c1").text()).contains("Another contact has already");
    w.press("c1", "ack:NOSUCHREF");
    assertThat(w.outbox.last("c1").text()).contains("not valid");
    assertThat(w.escalations.byId("local:e1:0").orElseThrow().acknowledgedBy())
        .isEqualTo("local:c2");
  }

  @Test
  void contactNeverReceivesAnotherPatientsAlertOrData() {
    w.patient("p1", "Ana", "en", "UTC");
    w.patient("p2", "Ben", "en", "UTC");
    w.link("p1", "c1", "clinician", true);
    w.link("p2", "c2", "clinician", true);
    w.command("p2", "contacts", "");
    w.raise("p2", Severity.URGENT, "red_flag:self_harm", "local:e1:0");
    w.clock.advance(java.time.Duration.ofHours(2));
    w.dispatcher.runDue();
    assertThat(w.outbox.to("c1")).noneMatch(m -> m.text().contains("Ben")
        || m.id().startsWith("alert:") || m.text().contains("self-harm"));
    assertThat(w.outbox.last("c2").text()).contains("Ben");

    String c2id = w.contacts.active("local:p2").get(0).id();
    w.press("p1", "unlink:" + c2id);
    w.press("p1", "share:" + c2id + ":n");
    w.press("c1", "unlink:" + c2id);
    assertThat(w.contacts.active("local:p2")).singleElement()
        .satisfies(c -> assertThat(c.sharesAnswers()).isTrue());
    w.command("p1", "contacts", "");
    assertThat(w.outbox.last("p1").text()).contains("Namec1").doesNotContain("Namec2");
    String ref = w.escalations.byId("local:e1:0").orElseThrow().ref();
    w.press("c1", "ack:" + ref);
    assertThat(w.escalations.byId("local:e1:0").orElseThrow().status())
        .isEqualTo(Escalation.Status.OPEN);
  }
}
