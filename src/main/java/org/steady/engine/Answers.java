package org.steady.engine;

import java.util.ArrayList;
import java.util.List;
import org.steady.engine.ConversationState.Pending;

/**
 * Interprets a reply to the pending question, pressed or typed. Each method returns null when
 * the reply was taken (and the conversation moved on), or the localised line to re-ask with.
 */
final class Answers {
  private Answers() {}

  static String pressed(Run r, ScriptStep step, String value) {
    if (step instanceof ScriptStep.Choice c) return choice(r, c, index(c.options(), value));
    if (step instanceof ScriptStep.Multi m) return multiPress(r, m, value);
    if (step instanceof ScriptStep.Checklist c) return level(r, c, index(c.levels(), value));
    if (step instanceof ScriptStep.Scale s) return scale(r, s, Typed.number(value));
    if (step instanceof ScriptStep.Coping c) {
      return Coping.answer(r, c, value) ? goOn(r, c.next()) : Phrases.get("reask_choice", r.locale());
    }
    return typed(r, step, value);
  }

  static String typed(Run r, ScriptStep step, String text) {
    if (step instanceof ScriptStep.Choice c) return choice(r, c, Typed.option(r, c.options(), text, false));
    if (step instanceof ScriptStep.Multi m) return multiTyped(r, m, text);
    if (step instanceof ScriptStep.Checklist c) return level(r, c, Typed.option(r, c.levels(), text, true));
    if (step instanceof ScriptStep.Scale s) return scale(r, s, Typed.number(text));
    if (step instanceof ScriptStep.NumberAsk n) return number(r, n, Typed.number(text));
    if (step instanceof ScriptStep.FreeText f) return FreeTexts.answer(r, f, text);
    if (step instanceof ScriptStep.Coping c) {
      String v = Coping.typed(r, text);
      return v != null && Coping.answer(r, c, v) ? goOn(r, c.next()) : Phrases.get("reask_choice", r.locale());
    }
    return Phrases.get("reask_choice", r.locale());
  }

  private static String choice(Run r, ScriptStep.Choice c, int i) {
    if (i < 0) return Phrases.get("reask_choice", r.locale());
    ScriptStep.Option o = c.options().get(i);
    accept(r, c, o.value(), r.renderEnglish(o.label()), r.render(o.label()));
    return goOn(r, o.next() != null ? o.next() : c.next());
  }

  private static String level(Run r, ScriptStep.Checklist c, int i) {
    if (i < 0) return Phrases.get("reask_choice", r.locale());
    Checklists.answer(r, c, i);
    return null;
  }

  private static String scale(Run r, ScriptStep.Scale s, Double v) {
    if (v == null || v != Math.rint(v) || v < s.min() || v > s.max()) {
      return Phrases.get("reask_scale", r.locale(), "min", s.min()).replace("{max}", Integer.toString(s.max()));
    }
    String shown = Templates.format(v, "en");
    accept(r, s, v, shown, shown);
    return goOn(r, s.next());
  }

  private static String number(Run r, ScriptStep.NumberAsk n, Double v) {
    boolean bad = v == null || v < n.min() || v > n.max() || (n.integer() && v != Math.rint(v));
    if (bad) {
      String key = n.integer() ? "reask_integer" : "reask_number";
      return Phrases.get(key, r.locale(), "min", Templates.format(n.min(), r.locale()))
          .replace("{max}", Templates.format(n.max(), r.locale()));
    }
    accept(r, n, v, Templates.format(v, "en"), Templates.format(v, r.locale()));
    return goOn(r, n.next());
  }

  private static String multiPress(Run r, ScriptStep.Multi m, String value) {
    if (Questions.DONE.equals(value)) return multiDone(r, m, r.pending.selected());
    int i = index(m.options(), value);
    if (i < 0) return Phrases.get("reask_multi", r.locale());
    List<String> selected = new ArrayList<>(r.pending.selected());
    if (selected.contains(value)) {
      selected.remove(value);
    } else if (value.equals(m.noneValue())) {
      selected.clear();
      selected.add(value);
    } else {
      selected.remove(m.noneValue());
      selected.add(value);
    }
    Pending p = r.pending;
    r.pending = new Pending(p.token(), p.stepId(), p.reminders(), p.timerId(), selected, p.item());
    r.emit(new Effect.UpdateButtons(p.token(), Questions.keyboard(r, m, r.pending)));
    return null;
  }

  /** A typed multi-select reply is the whole answer: "done", or labels/numbers separated by commas. */
  private static String multiTyped(Run r, ScriptStep.Multi m, String text) {
    String t = Typed.fold(text);
    String done = m.doneLabel() == null ? Phrases.get("done", r.locale()) : r.render(m.doneLabel());
    if (t.equals(Typed.fold(done)) || t.equals("done") || t.equals("listo")) {
      return multiDone(r, m, r.pending.selected());
    }
    List<String> picked = new ArrayList<>();
    for (String part : t.split("\\s*(?:,|;|/|&|\\band\\b|\\by\\b)\\s*")) {
      if (part.isBlank()) continue;
      int i = Typed.option(r, m.options(), part, false);
      if (i < 0) return Phrases.get("reask_multi", r.locale());
      String v = m.options().get(i).value();
      if (!picked.contains(v)) picked.add(v);
    }
    if (picked.isEmpty() || (picked.size() > 1 && picked.contains(m.noneValue()))) {
      return Phrases.get("reask_multi", r.locale());
    }
    return multiDone(r, m, picked);
  }

  private static String multiDone(Run r, ScriptStep.Multi m, List<String> selected) {
    if (selected.isEmpty() && m.noneValue() != null) return Phrases.get("reask_multi_empty", r.locale());
    List<String> values = new ArrayList<>();
    List<String> english = new ArrayList<>();
    List<String> shown = new ArrayList<>();
    for (ScriptStep.Option o : m.options()) {
      if (!selected.contains(o.value())) continue;
      values.add(o.value());
      english.add(r.renderEnglish(o.label()));
      shown.add(r.render(o.label()));
    }
    accept(r, m, List.copyOf(values), String.join(", ", english), String.join(", ", shown));
    return goOn(r, m.next());
  }

  /** Closes the question, cancels its timer, records and saves the answer. */
  static void accept(Run r, ScriptStep.Question q, Object value, String english, String shown) {
    r.emit(new Effect.CloseQuestion(r.pending.token(), shown));
    if (r.pending.timerId() != null) r.emit(new Effect.CancelTimer(r.pending.timerId()));
    r.emit(new Effect.RecordAnswer(q.save() != null ? q.save() : q.id(), value, english, r.origin()));
    if (q.save() != null) r.save(q.save(), value);
    r.pending = null;
  }

  private static String goOn(Run r, String next) {
    Stepper.goTo(r, next);
    return null;
  }

  private static int index(List<ScriptStep.Option> options, String value) {
    for (int i = 0; i < options.size(); i++) {
      if (options.get(i).value().equals(value)) return i;
    }
    return -1;
  }
}
