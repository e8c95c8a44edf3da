package org.steady.engine.golden;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.steady.chat.EffectJson;
import org.steady.chat.JsonLine;
import org.steady.engine.Context;
import org.steady.engine.ConversationState;
import org.steady.engine.Effect;
import org.steady.engine.Engine;
import org.steady.engine.Input;
import org.steady.engine.ScriptCatalog;
import org.steady.engine.ScriptEngine;

/**
 * One golden case file ({@code <script>.<case>.yaml}): runs its inputs through the engine with a
 * fixed clock and seed and compares each step's effects and state with the expectations in the
 * file, or rewrites them (golden update). Format: README.md next to the files.
 */
final class GoldenCase {
  private static final EffectJson JSON = new EffectJson(true);

  final Path file;
  final Map<String, Object> doc;
  final String header;

  @SuppressWarnings("unchecked")
  GoldenCase(Path file) throws IOException {
    this.file = file;
    String text = Files.readString(file, StandardCharsets.UTF_8);
    Object loaded = new Load(LoadSettings.builder().build()).loadFromString(text);
    this.doc = loaded instanceof Map<?, ?> m ? (Map<String, Object>) m : new HashMap<>();
    int at = text.indexOf("\nsteps:");
    this.header = at < 0 ? text.stripTrailing() + "\n" : text.substring(0, at + 1);
  }

  String scriptId() {
    String name = file.getFileName().toString();
    return String.valueOf(doc.getOrDefault("script", name.substring(0, name.indexOf('.'))));
  }

  boolean shipped() {
    return "shipped".equals(doc.get("catalog"));
  }

  /** Runs the case; returns the expected and actual text of every step (equal when it passes). */
  @SuppressWarnings("unchecked")
  Result run(ScriptCatalog catalog) {
    Engine engine = new ScriptEngine(catalog);
    Instant now = Instant.parse(String.valueOf(doc.getOrDefault("now", "2026-11-23T08:00:00Z")));
    ZoneId zone = ZoneId.of(String.valueOf(doc.getOrDefault("zone", "UTC")));
    String locale = String.valueOf(doc.getOrDefault("locale", "en"));
    long seed = ((Number) doc.getOrDefault("seed", 42)).longValue();
    Map<String, Object> patient = new HashMap<>((Map<String, Object>) doc.getOrDefault("patient", Map.of()));
    Map<String, Instant> timers = new HashMap<>();
    ConversationState state = ConversationState.idle();
    List<Object> steps = (List<Object>) doc.getOrDefault("steps", List.of());
    StringBuilder expected = new StringBuilder();
    StringBuilder actual = new StringBuilder();
    StringBuilder rewritten = new StringBuilder(header).append("steps:\n");
    int n = 0;
    for (Object o : steps) {
      Map<String, Object> step = (Map<String, Object>) o;
      Map<String, Object> in = (Map<String, Object>) step.get("input");
      if (step.get("after") != null) now = now.plus(Duration.parse(String.valueOf(step.get("after"))));
      Input input = GoldenInputs.parse(in, state);
      if (input instanceof Input.TimerFired t && timers.containsKey(t.timerId())) now = timers.get(t.timerId());
      Engine.Step result = engine.advance(state, input, new Context(now, zone, locale, patient, seed + n));
      state = result.state();
      List<String> lines = new ArrayList<>();
      for (Effect e : result.effects()) {
        lines.add(JsonLine.write(JSON.effect(e)));
        if (e instanceof Effect.ScheduleTimer t) timers.put(t.timerId(), t.at());
        if (e instanceof Effect.UpdateProfile p) patient.put(p.field(), p.value());
      }
      String stateLine = JsonLine.write(JSON.state(state));
      String label = "step " + (++n) + " " + JsonLine.write(in);
      expected.append(label).append('\n').append(expectedText(step)).append('\n');
      actual.append(label).append('\n').append(String.join("\n", lines)).append("\nstate ").append(stateLine).append('\n');
      rewritten.append("  - input: ").append(JsonLine.write(in)).append('\n');
      if (step.get("after") != null) rewritten.append("    after: ").append(step.get("after")).append('\n');
      rewritten.append(lines.isEmpty() ? "    effects: []\n" : "    effects:\n");
      for (String l : lines) rewritten.append("      - ").append(l).append('\n');
      rewritten.append("    state: ").append(stateLine).append('\n');
    }
    return new Result(expected.toString(), actual.toString(), rewritten.toString());
  }

  @SuppressWarnings("unchecked")
  private static String expectedText(Map<String, Object> step) {
    List<String> lines = new ArrayList<>();
    Object effects = step.get("effects");
    if (effects instanceof List<?> l) {
      for (Object e : l) lines.add(JsonLine.write(ordered(e)));
    } else {
      lines.add("(no expected effects: run with -Dgolden.update=true)");
    }
    Object st = step.get("state");
    return String.join("\n", lines) + "\nstate " + (st == null ? "(none)" : JsonLine.write(ordered(st)));
  }

  /** YAML maps keep file order; this keeps it for the writer too. */
  private static Object ordered(Object o) {
    if (o instanceof Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>();
      m.forEach((k, v) -> out.put(String.valueOf(k), ordered(v)));
      return out;
    }
    if (o instanceof List<?> l) {
      List<Object> out = new ArrayList<>();
      for (Object x : l) out.add(ordered(x));
      return out;
    }
    return o;
  }

  record Result(String expected, String actual, String rewritten) {}
}
