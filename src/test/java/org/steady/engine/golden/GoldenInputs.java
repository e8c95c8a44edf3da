package org.steady.engine.golden;

import java.util.Map;
import org.steady.engine.ConversationState;
import org.steady.engine.Input;

/**
 * Reads a golden step's input: {@code {start: id}}, {@code {text: "..."}}, {@code {press: value}}
 * (a press on the pending question; add {@code question: q1} for an old keyboard),
 * {@code {command: name, argument: "..."}}, {@code {timeout: true}} (fires the pending timer)
 * or {@code {timer: t3}}.
 */
final class GoldenInputs {
  private GoldenInputs() {}

  @SuppressWarnings("unchecked")
  static Input parse(Map<String, Object> in, ConversationState state) {
    if (in == null) throw new IllegalArgumentException("a step needs an input");
    if (in.containsKey("start")) {
      Object params = in.getOrDefault("params", Map.of());
      return new Input.Start(str(in, "start"), (Map<String, Object>) params);
    }
    if (in.containsKey("text")) return Input.Text.of(str(in, "text"));
    if (in.containsKey("press")) {
      String token = in.containsKey("question") ? str(in, "question")
          : state.pending() == null ? "none" : state.pending().token();
      return new Input.ButtonPress(token, str(in, "press"));
    }
    if (in.containsKey("command")) return new Input.Command(str(in, "command"), (String) in.get("argument"));
    if (in.containsKey("timeout")) {
      String timer = state.pending() == null ? null : state.pending().timerId();
      return new Input.TimerFired(timer == null ? "none" : timer);
    }
    if (in.containsKey("timer")) return new Input.TimerFired(str(in, "timer"));
    throw new IllegalArgumentException("unknown input " + in.keySet());
  }

  private static String str(Map<String, Object> in, String key) {
    return String.valueOf(in.get(key));
  }
}
