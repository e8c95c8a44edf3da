package org.steady.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.steady.engine.Input;
import org.steady.engine.PatientText;

class InputMapperTest {
  private static Inbound in(Inbound.Kind kind, String text, String command, String arg,
      String data) {
    return new Inbound("local", "c1", "e1", kind, text == null ? null : new PatientText(text),
        command, arg, data, null, null, Instant.EPOCH);
  }

  @Test
  void mapsEachKindToItsInput() {
    assertThat(InputMapper.toInput(in(Inbound.Kind.TEXT, "hi", null, "", null)))
        .contains(Input.Text.of("hi"));
    assertThat(InputMapper.toInput(in(Inbound.Kind.COMMAND, null, "start", "abc", null)))
        .contains(new Input.Command("start", "abc"));
    assertThat(InputMapper.toInput(in(Inbound.Kind.BUTTON, null, null, "", "q3|yes|no")))
        .contains(new Input.ButtonPress("q3", "yes|no"));
    assertThat(InputMapper.toInput(in(Inbound.Kind.START, null, "daily-checkin", "", null)))
        .contains(new Input.Start("daily-checkin"));
    assertThat(InputMapper.toInput(in(Inbound.Kind.TIMER, null, null, "t9", null)))
        .contains(new Input.TimerFired("t9"));
    assertThat(InputMapper.toInput(in(Inbound.Kind.UNSUPPORTED, null, null, "", null))).isEmpty();
  }

  @Test
  void bareButtonDataIsAPressOnNoQuestion() {
    assertThat(InputMapper.buttonPress("ack:e1")).isEqualTo(new Input.ButtonPress("", "ack:e1"));
  }

  @Test
  void seedDependsOnlyOnTheInboxId() {
    assertThat(InboxProcessor.seed("local:abc")).isEqualTo(InboxProcessor.seed("local:abc"))
        .isNotEqualTo(InboxProcessor.seed("local:abd"));
  }
}
