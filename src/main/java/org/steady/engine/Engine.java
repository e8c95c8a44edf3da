package org.steady.engine;

import java.util.List;
import java.util.Objects;

/**
 * The conversation engine: a pure function from (state, input, context) to (next state,
 * effects). No I/O, no clock, no randomness of its own. Scripts come from the
 * {@link ScriptCatalog} the engine was built with.
 *
 * <pre>{@code
 * Engine engine = new ScriptEngine(catalog);
 * Engine.Step step = engine.advance(ConversationState.idle(), new Input.Start("daily-checkin"), ctx);
 * save(step.state()); enqueue(step.effects());
 * }</pre>
 *
 * Expected outcomes (an unmatched reply, a press on an old keyboard, a timer for a finished
 * conversation, an unknown command) are effects, never exceptions.
 */
public interface Engine {

  Step advance(ConversationState state, Input input, Context context);

  /** The result of one input: the next state and what should happen, in order. */
  record Step(ConversationState state, List<Effect> effects) {
    public Step {
      Objects.requireNonNull(state, "state");
      effects = List.copyOf(effects);
    }
  }
}
