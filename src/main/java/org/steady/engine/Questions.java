package org.steady.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.steady.engine.ConversationState.Pending;
import org.steady.engine.Effect.Button;

/**
 * Asks questions: the message text, the keyboard (ticks on multi-selects, scale rows, level
 * buttons), the wait timer, and re-sending the pending question after a re-ask, a stale press or
 * a reminder.
 */
final class Questions {
  static final String DONE = "__done";
  static final String LATER = "__later";
  static final String SKIP = "__skip";
  static final String SHOW = "__show";
  static final String PASS = "__pass";
  static final String TICK = "\u2713 ";

  private Questions() {}

  /**
   * Asks {@code step} (a question or a coping offer) afresh. Returns false when there is nothing
   * to ask (a checklist with no applicable item left, a coping step with no prompt).
   */
  static boolean ask(Run r, ScriptStep step, int fromItem) {
    List<String> selected = List.of();
    int item = 0;
    if (step instanceof ScriptStep.Checklist c) {
      item = Checklists.nextItem(r, c, fromItem);
      if (item < 0) return false;
    } else if (step instanceof ScriptStep.Coping c) {
      CopingLibrary.Prompt p = Coping.pick(r, c);
      if (p == null) return false;
      selected = List.of(p.id());
    }
    String token = r.nextToken();
    String timerId = null;
    Script.Wait wait = waitOf(r, step);
    if (wait != null) {
      timerId = r.nextTimer();
      schedule(r, timerId, wait, 0);
    }
    r.pending = new Pending(token, step.id(), 0, timerId, selected, item);
    r.emit(new Effect.SendMessage(text(r, step, r.pending), keyboard(r, step, r.pending), token, false, r.origin()));
    return true;
  }

  /** Sends the pending question again (same token), optionally after a line and with reminder buttons. */
  static void resend(Run r, String prefix, boolean reminderButtons) {
    ScriptStep step = r.currentStep();
    Pending p = r.pending;
    String body = text(r, step, p);
    List<List<Button>> keys = new ArrayList<>(keyboard(r, step, p));
    if (reminderButtons) {
      keys.add(List.of(new Button(Phrases.get("later", r.locale()), LATER),
          new Button(Phrases.get("not_today", r.locale()), SKIP)));
    }
    String text = prefix == null || prefix.isEmpty() ? body : prefix + "\n\n" + body;
    r.emit(new Effect.SendMessage(text, keys, p.token(), false, r.origin()));
  }

  static void schedule(Run r, String timerId, Script.Wait wait, int remindersSent) {
    Duration after = wait.after();
    String purpose = remindersSent < wait.reminders() ? "remind" : "give_up";
    r.emit(new Effect.ScheduleTimer(timerId, r.ctx.now().plus(after), purpose));
  }

  /**
   * How long a question waits. A coping offer waits as long as the script's default, without
   * reminders (nobody should be nagged to do a breathing exercise), then goes quietly on.
   */
  static Script.Wait waitOf(Run r, ScriptStep step) {
    if (step instanceof ScriptStep.Coping c) {
      Script.Wait d = r.script(r.top()).defaultWait();
      return d == null ? null : new Script.Wait(d.after(), null, 0, c.next());
    }
    if (!(step instanceof ScriptStep.Question q)) return null;
    if (q.waitSpec() != null) return q.waitSpec();
    return r.script(r.top()).defaultWait();
  }

  static String text(Run r, ScriptStep step, Pending p) {
    if (step instanceof ScriptStep.Coping) {
      CopingLibrary.Prompt prompt = Coping.byId(r, p.selected().isEmpty() ? "" : p.selected().get(0));
      String title = prompt == null ? "" : r.render(prompt.title());
      return Phrases.get("coping_offer", r.locale(), "title", title);
    }
    ScriptStep.Question q = (ScriptStep.Question) step;
    String text = r.render(q.text());
    if (step instanceof ScriptStep.Checklist c) {
      return text + "\n\n" + r.render(c.items().get(p.item()).text());
    }
    if (step instanceof ScriptStep.Scale s && (s.minLabel() != null || s.maxLabel() != null)) {
      String lo = s.minLabel() == null ? "" : s.min() + " = " + r.render(s.minLabel());
      String hi = s.maxLabel() == null ? "" : s.max() + " = " + r.render(s.maxLabel());
      return text + "\n(" + lo + (lo.isEmpty() || hi.isEmpty() ? "" : ", ") + hi + ")";
    }
    return text;
  }

  static List<List<Button>> keyboard(Run r, ScriptStep step, Pending p) {
    if (step instanceof ScriptStep.Choice c) return optionRows(r, c.options(), List.of(), false);
    if (step instanceof ScriptStep.Checklist c) return optionRows(r, c.levels(), List.of(), true);
    if (step instanceof ScriptStep.Multi m) {
      List<List<Button>> rows = new ArrayList<>(optionRows(r, m.options(), p.selected(), false));
      String done = m.doneLabel() == null ? Phrases.get("done", r.locale()) : r.render(m.doneLabel());
      rows.add(List.of(new Button(done, DONE)));
      return rows;
    }
    if (step instanceof ScriptStep.Scale s) return scaleRows(s.min(), s.max());
    if (step instanceof ScriptStep.Coping) {
      return List.of(List.of(new Button(Phrases.get("show_me", r.locale()), SHOW),
          new Button(Phrases.get("skip", r.locale()), PASS)));
    }
    return List.of();
  }

  /** Short option lists share one row; longer ones get a row each. */
  private static List<List<Button>> optionRows(Run r, List<ScriptStep.Option> options, List<String> ticked, boolean oneRow) {
    List<Button> buttons = new ArrayList<>();
    boolean compact = oneRow || options.size() <= 3;
    for (ScriptStep.Option o : options) {
      String label = r.render(o.label());
      if (label.length() > 14 && !oneRow) compact = false;
      buttons.add(new Button(ticked.contains(o.value()) ? TICK + label : label, o.value()));
    }
    if (compact) return List.of(buttons);
    List<List<Button>> rows = new ArrayList<>();
    for (Button b : buttons) rows.add(List.of(b));
    return rows;
  }

  static List<List<Button>> scaleRows(int min, int max) {
    int n = max - min + 1;
    int perRow = n <= 6 ? n : Math.min(8, (n + 1) / 2);
    List<List<Button>> rows = new ArrayList<>();
    List<Button> row = new ArrayList<>();
    for (int v = min; v <= max; v++) {
      row.add(new Button(Integer.toString(v), Integer.toString(v)));
      if (row.size() == perRow) {
        rows.add(row);
        row = new ArrayList<>();
      }
    }
    if (!row.isEmpty()) rows.add(row);
    return rows;
  }
}
