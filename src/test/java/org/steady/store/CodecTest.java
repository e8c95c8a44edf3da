package org.steady.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.steady.engine.ConversationState;
import org.steady.engine.Effect;
import org.steady.engine.Severity;

class CodecTest {
  private static final Effect.Origin ORIGIN = new Effect.Origin("daily-checkin", "abc", "mood");

  static List<Effect> oneOfEach() {
    return List.of(
        new Effect.SendMessage("How are you?",
            List.of(List.of(new Effect.Button("Good", "good"), new Effect.Button("Bad", "bad"))),
            "q1", true, ORIGIN),
        new Effect.UpdateButtons("q1", List.of(List.of(new Effect.Button("✓ Tremor", "tremor")))),
        new Effect.CloseQuestion("q1", "Good"),
        new Effect.RecordAnswer("symptoms", Map.of("tremor", 2.0, "nausea", 0.0), "2", ORIGIN),
        new Effect.UpdateProfile("timezone", "Europe/Madrid"),
        new Effect.RaiseEscalation(Severity.URGENT, "Seizure reported", "red_flag:seizure",
            Map.of("patient.note", "x", "score", 7.0), ORIGIN),
        new Effect.ScheduleTimer("t1", Instant.parse("2026-11-23T10:00:00Z"), "remind"),
        new Effect.CancelTimer("t1"),
        new Effect.ConversationEnded("daily-checkin", "completed"));
  }

  @Test
  void everyEffectTypeRoundTrips() {
    List<Effect> effects = oneOfEach();
    assertThat(effects).extracting(Object::getClass)
        .containsExactlyInAnyOrder(Effect.class.getPermittedSubclasses());
    assertThat(EffectCodec.decodeAll(EffectCodec.encodeAll(effects))).isEqualTo(effects);
  }

  @Test
  void stateRoundTripsWithDottedVariableNames() {
    ConversationState s = new ConversationState(
        List.of(new ConversationState.Frame("daily-checkin", "abc", "mood", null),
            new ConversationState.Frame("cope", "def", "breathe", "after_cope")),
        Map.of("patient.name", "Ana", "mood", 3.0, "flags", List.of("a", "b"), "ok", true,
            "scores", Map.of("tremor", 1.0)),
        new ConversationState.Pending("q7", "breathe", 1, "t3", List.of("x"), 2), 7,
        List.of("p1", "p2"));
    assertThat(StateCodec.decode(StateCodec.encode(s))).isEqualTo(s);
    assertThat(StateCodec.decode(StateCodec.encode(ConversationState.idle())))
        .isEqualTo(ConversationState.idle());
  }
}
