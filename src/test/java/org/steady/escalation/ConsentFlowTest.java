package org.steady.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.steady.care.CareContact;
import org.steady.engine.Severity;

class ConsentFlowTest {
  private final CareWorld w = new CareWorld(TestProps.noStaff());

  @AfterEach
  void close() {
    w.close();
  }

  @Test
  void patientInvitesContactLinksPatientConfirmsAlertArrivesAndIsAcknowledged() {
    w.patient("p1", "Ana", "en", "America/New_York");
    assertThat(w.command("p1", "invite", "")).isTrue();
    String invite = w.outbox.last("p1").text();
    assertThat(invite).doesNotContain("t.me");
    String code = CareWorld.codeIn(invite);

    assertThat(w.command("c1", "start", code)).isTrue();
    assertThat(w.outbox.last("c1").values()).hasSize(3).allMatch(v -> v.startsWith("role:"));
    w.press("c1", w.valueStartingWith("c1", "role:").replaceAll(":[a-z]+$", ":family"));
    assertThat(w.outbox.last("p1").text()).contains("family member");
    assertThat(w.outbox.last("p1").values()).anyMatch(v -> v.startsWith("approve:"));
    assertThat(w.contacts.active("local:p1")).isEmpty();

    w.press("p1", w.valueStartingWith("p1", "approve:"));
    List<CareContact> linked = w.contacts.active("local:p1");
    assertThat(linked).singleElement().satisfies(c -> {
      assertThat(c.role()).isEqualTo(CareContact.Role.FAMILY);
      assertThat(c.order()).isEqualTo(1);
      assertThat(c.sharesAnswers()).isFalse();
      assertThat(c.weeklySummary()).isFalse();
    });
    assertThat(w.outbox.last("c1").text()).contains("You are now a care contact for Ana");

    w.raise("p1", Severity.URGENT, "red_flag:self_harm", "local:e9:2");
    RecordingOutbox.Msg alert = w.outbox.last("c1");
    assertThat(alert.id()).isEqualTo("alert:local:e9:2:0");
    assertThat(alert.urgent()).isTrue();
    assertThat(alert.text()).contains("Ana").contains("urgent")
        .contains("Answered the safety question").doesNotContain("self-harm");
    Escalation e = w.escalations.byId("local:e9:2").orElseThrow();
    assertThat(alert.values()).containsExactly("ack:" + e.ref(), "contacted:" + e.ref());

    w.press("c1", "ack:" + e.ref());
    Escalation acked = w.escalations.byId(e.id()).orElseThrow();
    assertThat(acked.status()).isEqualTo(Escalation.Status.ACKNOWLEDGED);
    assertThat(acked.nextActionAt()).isNull();
    assertThat(acked.timeline()).extracting(d -> d.getString("type"))
        .containsExactly("raised", "crisis_queued", "alert_queued", "acknowledged");
    assertThat(w.outbox.last("c1").text()).contains("acknowledgement is recorded");
  }

  @Test
  void answersReachOnlyContactsThePatientSharedThemWith() {
    w.patient("p1", "Ana", "en", "UTC");
    w.link("p1", "c1", "clinician", true);
    w.link("p1", "c2", "peer", false);
    w.raise("p1", Severity.URGENT, "red_flag:self_harm", "local:e50:0");
    assertThat(w.outbox.last("c1").text()).contains("Their answers:")
        .contains("yes, thoughts of self-harm");
    w.clock.advance(java.time.Duration.ofMinutes(15));
    w.dispatcher.runDue();
    assertThat(w.outbox.last("c2").id()).startsWith("alert:");
    assertThat(w.outbox.last("c2").text()).doesNotContain("Their answers")
        .doesNotContain("self-harm");
  }

  @Test
  void telegramInviteCarriesTheDeepLink() {
    w.db.getCollection("patients").insertOne(new org.bson.Document("_id", "telegram:77")
        .append("channel", "telegram").append("chatId", "77").append("name", "Bo")
        .append("locale", "en"));
    w.deliver(new org.steady.chat.Inbound("telegram", "77", "u1",
        org.steady.chat.Inbound.Kind.COMMAND, null, "invite", "", null, "Bo", "en",
        w.clock.instant()));
    String text = w.outbox.last("77").text();
    assertThat(text).contains("https://t.me/steady_test_bot?start=" + CareWorld.codeIn(text));
  }

  @Test
  void startWithoutCodeGoesToOnboardingButStartWithCodeLinks() {
    w.patient("p1", "Ana", "en", "UTC");
    assertThat(w.command("x", "start", "")).isFalse();
    assertThat(w.command("x", "start", "hello")).isFalse();
    w.command("p1", "invite", "");
    assertThat(w.command("c1", "start", CareWorld.codeIn(w.outbox.last("p1").text())
        .toLowerCase())).isTrue();
    assertThat(w.outbox.last("c1").text()).contains("How do you support this person?");
  }

  @Test
  void contactListShowsOrderAndEitherSideCanUnlink() {
    w.patient("p1", "Ana", "en", "UTC");
    w.link("p1", "c1", "clinician", false);
    w.link("p1", "c2", "family", false);
    w.command("p1", "contacts", "");
    String list = w.outbox.last("p1").text();
    assertThat(list.indexOf("1. Namec1")).isLessThan(list.indexOf("2. Namec2"));
    w.press("p1", w.valueStartingWith("p1", "up:"));
    assertThat(w.contacts.active("local:p1")).extracting(CareContact::chatId)
        .containsExactly("c2", "c1");

    w.command("c1", "unlink", "");
    w.press("c1", w.valueStartingWith("c1", "unlink:"));
    assertThat(w.contacts.active("local:p1")).extracting(CareContact::chatId)
        .containsExactly("c2");
    assertThat(w.outbox.last("p1").text()).contains("Namec1 has ended their link");

    w.command("p1", "contacts", "");
    w.press("p1", w.valueStartingWith("p1", "unlink:"));
    assertThat(w.contacts.active("local:p1")).isEmpty();
    assertThat(w.outbox.last("c2").text()).contains("no longer a care contact for Ana");
  }

  @Test
  void declinedContactIsNeverAlerted() {
    w.patient("p1", "Ana", "en", "UTC");
    w.command("p1", "invite", "");
    w.command("c1", "link", CareWorld.codeIn(w.outbox.last("p1").text()));
    w.press("c1", w.valueStartingWith("c1", "role:"));
    w.press("p1", w.valueStartingWith("p1", "decline:"));
    assertThat(w.outbox.last("c1").text()).contains("not confirmed");
    w.raise("p1", Severity.URGENT, "red_flag:self_harm", "local:e70:0");
    assertThat(w.outbox.to("c1")).noneMatch(m -> m.id().startsWith("alert:"));
  }
}
