package org.steady.engine;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.steady.engine.ConversationState.Frame;
import org.steady.engine.ConversationState.Pending;

/**
 * The mutable working copy of one {@link Engine#advance} call: the state being built, the
 * effects so far, and helpers every part of the engine shares. Lives only during one call.
 */
final class Run {
  static final String RETURN_END = "__end";
  static final String RETURN_RESUME = "__resume";

  final ScriptCatalog catalog;
  final Context ctx;
  final List<Frame> frames;
  final Map<String, Object> vars;
  final Map<String, Object> patient;
  final List<String> recentPrompts;
  final List<Effect> effects = new ArrayList<>();
  final Map<String, Object> env = new Env();
  Pending pending;
  long seq;
  int budget;
  boolean gaveUp;
  private final Map<String, Script> scripts = new HashMap<>();
  private Script lastScript;
  private String lastVersion;

  Run(ScriptCatalog catalog, ConversationState state, Context ctx, int budget) {
    this.catalog = catalog;
    this.ctx = ctx;
    this.frames = new ArrayList<>(state.frames());
    this.vars = new HashMap<>(state.vars());
    this.patient = new HashMap<>(ctx.patient());
    this.recentPrompts = new ArrayList<>(state.recentPrompts());
    this.pending = state.pending();
    this.seq = state.seq();
    this.budget = budget;
  }

  Engine.Step toStep() {
    if (frames.isEmpty()) {
      vars.clear();
      pending = null;
    }
    return new Engine.Step(new ConversationState(frames, vars, pending, seq, recentPrompts), effects);
  }

  String locale() {
    return ctx.locale();
  }

  Frame top() {
    return frames.get(frames.size() - 1);
  }

  void moveTop(String stepId) {
    Frame f = top();
    frames.set(frames.size() - 1, new Frame(f.scriptId(), f.scriptVersion(), stepId, f.returnTo()));
  }

  /** The script of a frame: its pinned version, else (after a restart dropped it) the newest. */
  Script script(Frame f) {
    if (lastScript != null && lastScript.id().equals(f.scriptId()) && lastVersion.equals(f.scriptVersion())) {
      return lastScript;
    }
    String key = f.scriptId() + "@" + f.scriptVersion();
    Script s = scripts.get(key);
    if (s == null) {
      s = catalog.version(f.scriptId(), f.scriptVersion())
          .or(() -> catalog.latest(f.scriptId()).filter(l -> l.steps().containsKey(f.stepId())))
          .orElse(null);
      if (s == null) return null;
      scripts.put(key, s);
    }
    lastScript = s;
    lastVersion = f.scriptVersion();
    return s;
  }

  ScriptStep currentStep() {
    if (frames.isEmpty()) return null;
    Script s = script(top());
    return s == null ? null : s.steps().get(top().stepId());
  }

  Effect.Origin origin() {
    if (frames.isEmpty()) return null;
    Frame f = top();
    return new Effect.Origin(f.scriptId(), f.scriptVersion(), f.stepId());
  }

  String nextToken() {
    return "q" + (++seq);
  }

  String nextTimer() {
    return "t" + (++seq);
  }

  void emit(Effect e) {
    effects.add(e);
  }

  String render(LocalText t) {
    return t == null ? "" : Templates.render(t.in(locale()), env, locale());
  }

  String renderEnglish(LocalText t) {
    return t == null ? "" : Templates.render(t.in("en"), env, "en");
  }

  void say(String text, boolean urgent) {
    emit(new Effect.SendMessage(text, List.of(), null, urgent, origin()));
  }

  /** Saves an answer or computed value; {@code patient.<field>} goes to the profile. */
  void save(String variable, Object value) {
    if (variable.startsWith("patient.")) {
      String field = variable.substring("patient.".length());
      patient.put(field, value);
      emit(new Effect.UpdateProfile(field, value));
    } else if (value == null) {
      vars.remove(variable);
    } else {
      vars.put(variable, value);
    }
  }

  /** The truth of a condition's value: null, false, 0 and empty are false. */
  static boolean truthy(Object v) {
    if (v == null) return false;
    if (v instanceof Boolean b) return b;
    if (v instanceof Number n) return n.doubleValue() != 0;
    if (v instanceof String s) return !s.isEmpty();
    if (v instanceof java.util.Collection<?> c) return !c.isEmpty();
    if (v instanceof Map<?, ?> m) return !m.isEmpty();
    return true;
  }

  /** Answers so far, without the profile or engine-internal names: escalation evidence. */
  Map<String, Object> evidence() {
    Map<String, Object> out = new HashMap<>();
    vars.forEach((k, v) -> {
      if (!k.startsWith("patient.") && !k.startsWith("__")) out.put(k, v);
    });
    return out;
  }

  /** What expressions and templates see: the run's variables plus patient, today, now_hour. */
  private final class Env extends AbstractMap<String, Object> {
    @Override
    public Object get(Object key) {
      if ("patient".equals(key)) return patient;
      if ("today".equals(key)) return LocalDate.ofInstant(ctx.now(), ctx.zone()).toString();
      if ("now_hour".equals(key)) return (double) ZonedDateTime.ofInstant(ctx.now(), ctx.zone()).getHour();
      return vars.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
      return get(key) != null;
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
      Set<Entry<String, Object>> out = new HashSet<>();
      for (String k : List.of("patient", "today", "now_hour")) out.add(new SimpleEntry<>(k, get(k)));
      vars.forEach((k, v) -> out.add(new SimpleEntry<>(k, v)));
      return out;
    }
  }
}
