package org.steady.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.steady.care.InviteCodes;
import org.steady.care.ShortIds;

class InviteCodeTest {
  private final CareWorld w = new CareWorld(TestProps.noStaff());

  @AfterEach
  void close() {
    w.close();
  }

  private String invite() {
    w.command("p1", "invite", "");
    return CareWorld.codeIn(w.outbox.last("p1").text());
  }

  @Test
  void codesAreLongAndFromTheUnambiguousAlphabet() {
    w.patient("p1", "Ana", "en", "UTC");
    String code = invite();
    assertThat(code).hasSizeGreaterThanOrEqualTo(8)
        .matches("[" + ShortIds.ALPHABET + "]+").doesNotContain("0", "O", "1", "I", "L");
    assertThat(w.db.getCollection("care_invites").find().first().getString("_id"))
        .isNotEqualTo(code).hasSize(64);
  }

  @Test
  void expiredCodeIsRefusedWithAClearMessage() {
    w.patient("p1", "Ana", "en", "UTC");
    String code = invite();
    w.clock.advance(Duration.ofHours(24).plusSeconds(1));
    w.command("c1", "link", code);
    assertThat(w.outbox.last("c1").text()).contains("expired");
    assertThat(w.contacts.active("local:p1")).isEmpty();
  }

  @Test
  void codeWorksOnceOnly() {
    w.patient("p1", "Ana", "en", "UTC");
    String code = invite();
    w.command("c1", "link", code);
    w.command("c2", "link", code);
    assertThat(w.outbox.last("c2").text()).contains("already been used");
    assertThat(w.codes.redeem(code, "x").status()).isEqualTo(InviteCodes.Status.USED);
  }

  @Test
  void unknownCodeIsRefused() {
    w.command("c1", "link", "ABCDEFGHJK");
    assertThat(w.outbox.last("c1").text()).contains("not valid");
    w.command("c1", "link", "nope");
    assertThat(w.outbox.last("c1").text()).contains("not valid");
  }

  @Test
  void fiveWrongCodesBlockTheChatForFifteenMinutesEvenForARightCode() {
    w.patient("p1", "Ana", "en", "UTC");
    for (int i = 0; i < 5; i++) {
      w.command("c1", "link", "ABCDEFGH" + ShortIds.ALPHABET.charAt(i) + "2");
    }
    assertThat(w.outbox.last("c1").text()).contains("wait 15 minutes");
    String code = invite();
    w.command("c1", "link", code);
    assertThat(w.outbox.last("c1").text()).contains("Too many wrong codes");
    w.command("c2", "link", "ABCDEFGHJK");
    assertThat(w.outbox.last("c2").text()).contains("not valid").doesNotContain("wait");

    w.clock.advance(Duration.ofMinutes(15).plusSeconds(1));
    w.command("c1", "link", code);
    assertThat(w.outbox.last("c1").text()).contains("How do you support this person?");
  }

  @Test
  void ownCodeCannotLinkThePatientToThemselves() {
    w.patient("p1", "Ana", "en", "UTC");
    String code = invite();
    w.command("p1", "link", code);
    assertThat(w.outbox.last("p1").text()).contains("your own invite code");
    // trying it out does not use it up: it still works for the person it was meant for
    w.command("c1", "link", code);
    assertThat(w.outbox.last("c1").text()).contains("How do you support this person?");
  }
}
