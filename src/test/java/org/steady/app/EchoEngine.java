package org.steady.app;

import java.util.List;
import java.util.Map;
import org.steady.engine.ConversationState;
import org.steady.engine.Context;
import org.steady.engine.Effect;
import org.steady.engine.Engine;
import org.steady.engine.Input;

/**
 * A tiny engine test double: any start or command asks one question with two buttons; the press
 * closes it, records the answer, thanks, and ends. Free text is acknowledged by its length.
 */
public class EchoEngine implements Engine {

  @Override
  public Step advance(ConversationState state, Input input, Context ctx) {
    if (input instanceof Input.Start) {
      return ask(state, ((Input.Start) input).scriptId(), ctx);
    }
    if (input instanceof Input.Command) {
      String name = ((Input.Command) input).name();
      return ask(state, name.equals("checkin") ? "daily-checkin" : name, ctx);
    }
    if (input instanceof Input.ButtonPress) {
      return press(state, (Input.ButtonPress) input);
    }
    if (input instanceof Input.Text) {
      int n = ((Input.Text) input).text().value().length();
      return new Step(state, List.of(new Effect.SendMessage("Got " + n + " characters.", List.of(),
          null, false, null)));
    }
    return new Step(state, List.of());
  }

  private Step ask(ConversationState state, String script, Context ctx) {
    long seq = state.seq() + 1;
    String token = "q" + seq;
    Effect.Origin origin = new Effect.Origin(script, "v1", "ask");
    ConversationState next = new ConversationState(
        List.of(new ConversationState.Frame(script, "v1", "ask", null)), Map.of(),
        new ConversationState.Pending(token, "ask", 0, null, List.of(), 0), seq, List.of());
    String hello = "Hello " + ctx.patient().getOrDefault("name", "there") + ", " + script + "?";
    return new Step(next, List.of(new Effect.SendMessage(hello,
        List.of(List.of(new Effect.Button("Good", "good"), new Effect.Button("Bad", "bad"))),
        token, false, origin)));
  }

  private Step press(ConversationState state, Input.ButtonPress press) {
    ConversationState.Pending p = state.pending();
    if (p == null || !p.token().equals(press.questionToken())) {
      return new Step(state, List.of(new Effect.SendMessage("That question is closed.", List.of(),
          null, false, null)));
    }
    ConversationState.Frame f = state.frames().get(0);
    Effect.Origin origin = new Effect.Origin(f.scriptId(), f.scriptVersion(), f.stepId());
    String label = press.value().equals("good") ? "Good" : "Bad";
    ConversationState idle = new ConversationState(List.of(), Map.of(), null, state.seq(),
        List.of());
    return new Step(idle, List.of(new Effect.CloseQuestion(p.token(), label),
        new Effect.RecordAnswer("mood", press.value(), label, origin),
        new Effect.SendMessage("Thanks.", List.of(), null, false, origin),
        new Effect.ConversationEnded(f.scriptId(), "completed")));
  }
}
