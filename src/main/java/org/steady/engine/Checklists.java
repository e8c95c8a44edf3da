package org.steady.engine;

import java.util.HashMap;
import java.util.Map;

/** Checklist steps: items asked one by one; scores saved as a map, and their total. */
final class Checklists {
  private Checklists() {}

  /** The first item at or after {@code from} whose condition holds and that has no score yet; -1 if none. */
  static int nextItem(Run r, ScriptStep.Checklist c, int from) {
    Map<?, ?> scores = r.vars.get(c.save()) instanceof Map<?, ?> m ? m : Map.of();
    for (int i = Math.max(0, from); i < c.items().size(); i++) {
      ScriptStep.ChecklistItem item = c.items().get(i);
      if (scores.containsKey(item.id())) continue;
      if (item.when() == null || Run.truthy(item.when().evaluate(r.env))) return i;
    }
    return -1;
  }

  /** Scores the pending item with level {@code index}, then asks the next item or moves on. */
  static void answer(Run r, ScriptStep.Checklist c, int index) {
    ScriptStep.Option level = c.levels().get(index);
    double score = score(level, index);
    ScriptStep.ChecklistItem item = c.items().get(r.pending.item());
    Map<String, Object> scores = new HashMap<>();
    if (r.vars.get(c.save()) instanceof Map<?, ?> m) m.forEach((k, v) -> scores.put((String) k, v));
    scores.put(item.id(), score);
    r.vars.put(c.save(), Map.copyOf(scores));
    r.emit(new Effect.CloseQuestion(r.pending.token(), r.render(level.label())));
    if (r.pending.timerId() != null) r.emit(new Effect.CancelTimer(r.pending.timerId()));
    r.emit(new Effect.RecordAnswer(c.save() + "." + item.id(), score, r.renderEnglish(level.label()), r.origin()));
    int from = r.pending.item() + 1;
    r.pending = null;
    if (!Questions.ask(r, c, from)) finish(r, c);
  }

  /** All applicable items are scored: save the total and go on. */
  static void finish(Run r, ScriptStep.Checklist c) {
    Map<?, ?> scores = r.vars.get(c.save()) instanceof Map<?, ?> m ? m : Map.of();
    if (!r.vars.containsKey(c.save())) r.vars.put(c.save(), Map.of());
    double total = 0;
    for (Object v : scores.values()) total += ((Number) v).doubleValue();
    if (c.total() != null) {
      r.save(c.total(), total);
      r.emit(new Effect.RecordAnswer(c.total(), total, Templates.format(total, "en"), r.origin()));
    }
    Stepper.goTo(r, c.next());
  }

  private static double score(ScriptStep.Option level, int index) {
    try {
      return Double.parseDouble(level.value());
    } catch (NumberFormatException e) {
      return index;
    }
  }
}
