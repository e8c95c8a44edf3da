package org.steady.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.steady.engine.ConversationState;
import org.steady.engine.Effect;
import org.steady.engine.Input;
import org.steady.engine.Severity;

/** Every effect and input has a JSON form, so a new one cannot go unhandled by the chat CLI. */
class EffectJsonTest {
  static final Effect.Origin O = new Effect.Origin("s", "v1", "q");
  static final List<Effect> EFFECTS = List.of(
      new Effect.SendMessage("Hi \"you\"\n", List.of(List.of(new Effect.Button("A", "a"))), "q1", true, O),
      new Effect.UpdateButtons("q1", List.of(List.of(new Effect.Button("\u2713 A", "a")))),
      new Effect.CloseQuestion("q1", "A"),
      new Effect.RecordAnswer("mood", 7.0, "7", O),
      new Effect.UpdateProfile("name", "Ana"),
      new Effect.RaiseEscalation(Severity.URGENT, "why", "step:x", Map.of("b", 2.5, "a", List.of("x")), O),
      new Effect.ScheduleTimer("t1", Instant.parse("2026-11-23T08:00:00Z"), "remind"),
      new Effect.CancelTimer("t1"),
      new Effect.ConversationEnded("s", "completed"));
  static final List<Input> INPUTS = List.of(new Input.Start("s"), Input.Text.of("hi"),
      new Input.ButtonPress("q1", "a"), new Input.Command("cope", "x"), new Input.TimerFired("t1"));

  @Test
  void everyEffectKindHasAJsonFormWithItsType() {
    EffectJson json = new EffectJson(false);
    assertThat(EFFECTS.stream().map(Object::getClass).collect(Collectors.toSet()))
        .isEqualTo(Set.copyOf(Arrays.asList(Effect.class.getPermittedSubclasses())));
    for (Effect e : EFFECTS) {
      assertThat(JsonLine.write(json.effect(e))).startsWith("{\"type\":\"" + e.type() + "\"");
    }
  }

  @Test
  void everyInputKindHasAJsonForm() {
    EffectJson json = new EffectJson(false);
    assertThat(INPUTS.stream().map(Object::getClass).collect(Collectors.toSet()))
        .isEqualTo(Set.copyOf(Arrays.asList(Input.class.getPermittedSubclasses())));
    for (Input in : INPUTS) {
      assertThat(JsonLine.write(json.input(in))).startsWith("{\"type\":\"" + in.type() + "\"");
    }
  }

  @Test
  void writesEscapedFixedOrderJson() {
    EffectJson json = new EffectJson(false);
    assertThat(JsonLine.write(json.effect(EFFECTS.get(0)))).isEqualTo(
        "{\"type\":\"message\",\"text\":\"Hi \\\"you\\\"\\n\",\"buttons\":[[{\"label\":\"A\",\"value\":\"a\"}]],"
            + "\"question\":\"q1\",\"urgent\":true,\"script\":\"s\",\"version\":\"v1\",\"step\":\"q\"}");
    assertThat(JsonLine.write(json.effect(EFFECTS.get(5))))
        .contains("\"severity\":\"urgent\"").contains("\"evidence\":{\"a\":[\"x\"],\"b\":2.5}");
    assertThat(JsonLine.write(json.state(ConversationState.idle()))).isEqualTo("{\"frames\":[],\"vars\":{},\"seq\":0}");
  }
}
