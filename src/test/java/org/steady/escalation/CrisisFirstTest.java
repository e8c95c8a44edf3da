package org.steady.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.steady.engine.Severity;

class CrisisFirstTest {
  private final CareWorld w = new CareWorld(TestProps.noStaff());

  @AfterEach
  void close() {
    w.close();
  }

  @Test
  void urgentEscalationSendsCrisisResourcesWithNoContactLinked() {
    w.patient("p1", "Ana", "en", "America/New_York");
    w.raise("p1", Severity.URGENT, "red_flag:self_harm", "local:e1:0");
    RecordingOutbox.Msg crisis = w.outbox.last("p1");
    assertThat(crisis.id()).isEqualTo("crisis:local:e1:0");
    assertThat(crisis.urgent()).isTrue();
    assertThat(crisis.patientId()).isEqualTo("local:p1");
    assertThat(crisis.text()).contains("988");
    Escalation e = w.escalations.byId("local:e1:0").orElseThrow();
    assertThat(e.status()).isEqualTo(Escalation.Status.OPEN);
    assertThat(e.nextActionAt()).isNull();
    assertThat(e.timeline()).extracting(d -> d.getString("type"))
        .containsExactly("raised", "crisis_queued", "no_one_left");
  }

  @Test
  void crisisResourcesFollowTheLocaleAndZone() {
    w.patient("uk", "A", "en", "Europe/London");
    w.patient("es", "B", "es", "Europe/Madrid");
    w.patient("mx", "C", "es", "America/Mexico_City");
    w.patient("de", "D", "de", "Europe/Berlin");
    w.patient("jp", "E", "en", "Asia/Tokyo");
    for (String p : new String[] {"uk", "es", "mx", "de", "jp"}) {
      w.raise(p, Severity.URGENT, "red_flag:self_harm", "local:" + p + ":0");
    }
    assertThat(w.outbox.last("uk").text()).contains("116 123");
    assertThat(w.outbox.last("es").text()).contains("024").contains("112")
        .startsWith("No tienes");
    assertThat(w.outbox.last("mx").text()).contains("800 911 2000");
    assertThat(w.outbox.last("de").text()).contains("112");
    assertThat(w.outbox.last("jp").text()).contains("local emergency number");
  }

  @Test
  void sameReasonWithinTheWindowAlertsNoOneAgainButCrisisResourcesAlwaysGo() {
    w.patient("p1", "Ana", "en", "UTC");
    w.link("p1", "c1", "family", false);
    w.raise("p1", Severity.URGENT, "red_flag:self_harm", "local:e1:0");
    w.clock.advance(java.time.Duration.ofHours(1));
    w.raise("p1", Severity.URGENT, "red_flag:self_harm", "local:e2:0");
    assertThat(w.outbox.to("p1")).filteredOn(m -> m.id().startsWith("crisis:")).hasSize(2);
    assertThat(w.outbox.to("c1")).filteredOn(m -> m.id().startsWith("alert:")).hasSize(1);
    Escalation dup = w.escalations.byId("local:e2:0").orElseThrow();
    assertThat(dup.status()).isEqualTo(Escalation.Status.SUPPRESSED);
    assertThat(w.escalations.byId("local:e1:0").orElseThrow().timeline())
        .extracting(d -> d.getString("type")).contains("repeated");

    w.clock.advance(java.time.Duration.ofHours(12));
    w.raise("p1", Severity.URGENT, "red_flag:self_harm", "local:e3:0");
    assertThat(w.outbox.to("c1")).filteredOn(m -> m.id().startsWith("alert:")).hasSize(2);
  }

  @Test
  void replayedEffectChangesNothing() {
    w.patient("p1", "Ana", "en", "UTC");
    w.link("p1", "c1", "family", false);
    w.raise("p1", Severity.URGENT, "red_flag:self_harm", "local:e1:0");
    int before = w.outbox.all().size();
    w.raise("p1", Severity.URGENT, "red_flag:self_harm", "local:e1:0");
    assertThat(w.outbox.all()).hasSize(before);
    assertThat(w.escalations.byId("local:e1:0").orElseThrow().status())
        .isEqualTo(Escalation.Status.OPEN);
  }

  @Test
  void concernAlertsWithoutCrisisMessageAndInfoAlertsNoOne() {
    w.patient("p1", "Ana", "en", "UTC");
    w.link("p1", "c1", "family", false);
    w.raise("p1", Severity.CONCERN, "missed_days", "missed:local:p1:2026-11-23");
    assertThat(w.outbox.to("p1")).noneMatch(m -> m.id().startsWith("crisis:"));
    assertThat(w.outbox.last("c1").text()).contains("concern");
    w.raise("p1", Severity.INFO, "step:sleep", "local:e5:0");
    assertThat(w.escalations.byId("local:e5:0").orElseThrow().status())
        .isEqualTo(Escalation.Status.NOTED);
    assertThat(w.outbox.to("c1")).filteredOn(m -> m.id().startsWith("alert:")).hasSize(1);
  }
}
