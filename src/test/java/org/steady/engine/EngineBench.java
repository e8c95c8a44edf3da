package org.steady.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.steady.chat.EffectJson;
import org.steady.chat.JsonLine;
import org.steady.script.ConversationLoader;
import org.steady.script.LoadResult;

/**
 * Engine throughput over the shipped daily check-in, single-threaded, and the size of a
 * serialised conversation state. Runs only with the bench profile:
 * {@code mvn -o -q -Pbench test -Dtest=EngineBench}. Prints figures; asserts nothing about time.
 */
class EngineBench {
  private static final Context CTX = new Context(Instant.parse("2026-11-23T08:00:00Z"),
      ZoneId.of("Europe/Madrid"), "en", Map.of("name", "Ana", "timezone", "Europe/Madrid"), 7);

  @Test
  void dailyCheckInStepsPerSecond() {
    LoadResult loaded = ConversationLoader.load(Path.of("conversations"));
    assertThat(loaded.catalog().latest("daily-checkin")).isPresent();
    Engine engine = new ScriptEngine(loaded.catalog());
    List<Input> inputs = new ArrayList<>();
    int maxState = recordPath(engine, inputs);
    System.out.printf("daily-checkin path: %d inputs per check-in, largest serialised state %d bytes (JSON)%n",
        inputs.size(), maxState);
    run(engine, inputs, 2_000);  // warm up
    long[] counts = run(engine, inputs, 5_000);
    double seconds = counts[2] / 1e9;
    double cpuSeconds = counts[3] / 1e9;
    System.out.printf("engine: %.0f steps/s wall clock, %.0f steps/s of this thread's CPU time "
            + "(the machine is shared; CPU time is the fair figure), %.0f effects/s wall, "
            + "%.0f check-ins/s wall, single thread%n",
        counts[0] / seconds, counts[0] / cpuSeconds, counts[1] / seconds, counts[0] / (double) inputs.size() / seconds);
  }

  /**
   * Free text is screened against every red-flag list on every message, whatever the step: the
   * cost of one typed message on top of the step itself.
   */
  @Test
  void redFlagScreensPerSecond() {
    RedFlags flags = ConversationLoader.load(Path.of("conversations")).catalog().redFlags();
    List<String> texts = List.of("7", "Poorly", "I slept badly and my hands were shaking a bit",
        "feeling anxious today but I went for a walk with my sister in the afternoon",
        "no fits this week", "Shaking or trembling, Headache", "estoy un poco mejor, gracias");
    long screened = 0;
    long matches = 0;
    long end = System.nanoTime() + 2_000_000_000L;
    while (System.nanoTime() < end) {  // warm up
      for (String t : texts) matches += flags.screen(t).isPresent() ? 1 : 0;
    }
    long start = System.nanoTime();
    end = start + 5_000_000_000L;
    while (System.nanoTime() < end) {
      for (String t : texts) {
        matches += flags.screen(t).isPresent() ? 1 : 0;
        screened++;
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf("red-flag screen: %.0f messages/s single thread (%d lists, %d matches)%n",
        screened / seconds, flags.lists().size(), matches);
    assertThat(screened).isPositive();
  }

  /** Answers each question the way a calm patient might; returns the largest state size seen. */
  private static int recordPath(Engine engine, List<Input> inputs) {
    EffectJson json = new EffectJson(false);
    ConversationState state = ConversationState.idle();
    Engine.Step step = engine.advance(state, new Input.Start("daily-checkin"), CTX);
    inputs.add(new Input.Start("daily-checkin"));
    int max = 0;
    while (!step.state().isIdle() && inputs.size() < 100) {
      state = step.state();
      max = Math.max(max, JsonLine.write(json.state(state)).getBytes(StandardCharsets.UTF_8).length);
      Input next = answer(state, step.effects());
      inputs.add(next);
      step = engine.advance(state, next, CTX);
    }
    assertThat(step.state().isIdle()).as("the check-in finished").isTrue();
    return max;
  }

  private static Input answer(ConversationState state, List<Effect> effects) {
    String token = state.pending().token();
    if (!state.pending().selected().isEmpty() && state.pending().selected().size() == 1
        && !state.pending().stepId().contains("cope")) {
      for (Effect e : effects) {
        if (e instanceof Effect.UpdateButtons) return new Input.ButtonPress(token, "__done");
      }
    }
    for (int i = effects.size() - 1; i >= 0; i--) {
      if (effects.get(i) instanceof Effect.SendMessage m && token.equals(m.questionToken())) {
        List<Effect.Button> all = new ArrayList<>();
        m.buttons().forEach(all::addAll);
        if (all.isEmpty()) return Input.Text.of("7");
        for (String calm : List.of("__pass", "none", "no", "well", "5", "0", "yes")) {
          for (Effect.Button b : all) if (b.value().equals(calm)) return new Input.ButtonPress(token, calm);
        }
        return new Input.ButtonPress(token, all.get(0).value());
      }
    }
    return Input.Text.of("7");
  }

  /** Replays the path until {@code millis} pass; returns {inputs, effects, wall nanos, CPU nanos}. */
  private static long[] run(Engine engine, List<Input> inputs, long millis) {
    long inputsDone = 0;
    long effects = 0;
    java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
    long cpuStart = mx.getCurrentThreadCpuTime();
    long start = System.nanoTime();
    long end = start + millis * 1_000_000L;
    while (System.nanoTime() < end) {
      for (int k = 0; k < 100; k++) {
        ConversationState state = ConversationState.idle();
        for (Input in : inputs) {
          Engine.Step s = engine.advance(state, in, CTX);
          state = s.state();
          effects += s.effects().size();
        }
        inputsDone += inputs.size();
      }
    }
    return new long[] {inputsDone, effects, System.nanoTime() - start, mx.getCurrentThreadCpuTime() - cpuStart};
  }
}
