package org.steady.engine;

import java.util.Map;
import org.steady.engine.ConversationState.Frame;

/**
 * Moves through steps that do not wait for the patient (say, branch, set, call, escalate, end)
 * until a question is pending or the call stack is empty. Each advance may run at most
 * {@link Run#budget} steps, so a script that loops without waiting ends with outcome
 * {@code error} instead of hanging.
 */
final class Stepper {
  private Stepper() {}

  static void run(Run r) {
    while (!r.frames.isEmpty() && r.pending == null) {
      ScriptStep step = r.currentStep();
      if (--r.budget < 0 || step == null) {
        fail(r);
        return;
      }
      execute(r, step);
    }
  }

  private static void execute(Run r, ScriptStep step) {
    if (step instanceof ScriptStep.Say s) {
      r.say(r.render(s.text()), false);
      goTo(r, s.next());
    } else if (step instanceof ScriptStep.Question || step instanceof ScriptStep.Coping) {
      arrive(r, step);
    } else if (step instanceof ScriptStep.Branch b) {
      for (ScriptStep.Case c : b.cases()) {
        if (Run.truthy(c.when().evaluate(r.env))) {
          goTo(r, c.next());
          return;
        }
      }
      goTo(r, b.otherwise());
    } else if (step instanceof ScriptStep.SetVars s) {
      for (ScriptStep.Assignment a : s.assignments()) {
        Object v = a.value().evaluate(r.env);
        v = v instanceof Number n ? (Object) n.doubleValue() : v;
        r.save(a.variable(), v);
        if (v != null && !(v instanceof Boolean)) r.emit(new Effect.RecordAnswer(a.variable(), v, Templates.format(v, "en"), r.origin()));
      }
      goTo(r, s.next());
    } else if (step instanceof ScriptStep.Call c) {
      call(r, c);
    } else if (step instanceof ScriptStep.Escalate e) {
      r.emit(new Effect.RaiseEscalation(e.severity(), r.renderEnglish(e.reason()), "step:" + e.id(),
          r.evidence(), r.origin()));
      goTo(r, e.next());
    } else if (step instanceof ScriptStep.End e) {
      if (e.text() != null) r.say(r.render(e.text()), false);
      finishFrame(r, e.outcome());
    } else {
      throw new IllegalStateException("unhandled step kind " + step.getClass().getSimpleName());
    }
  }

  /** Asks a question reached by the flow; a checklist starts with no scores. */
  static void arrive(Run r, ScriptStep step) {
    if (step instanceof ScriptStep.Checklist c) r.vars.remove(c.save());
    askOrSkip(r, step);
  }

  private static void askOrSkip(Run r, ScriptStep step) {
    if (Questions.ask(r, step, 0)) return;
    if (step instanceof ScriptStep.Checklist c) {
      Checklists.finish(r, c);
    } else if (step instanceof ScriptStep.Coping c) {
      goTo(r, c.next());
    }
  }

  private static void call(Run r, ScriptStep.Call c) {
    Script callee = r.catalog.latest(c.script()).orElse(null);
    if (callee == null) {
      fail(r);
      return;
    }
    String returnTo = c.next() == null ? Run.RETURN_END : c.next();
    r.frames.add(new Frame(callee.id(), callee.version(), callee.start(), returnTo));
  }

  /** Continues at {@code next} in the current script; null ends the script run. */
  static void goTo(Run r, String next) {
    if (next == null) {
      finishFrame(r, null);
    } else {
      r.moveTop(next);
    }
  }

  /** Ends the innermost run and returns to its caller (or resumes an interrupted question). */
  static void finishFrame(Run r, String outcome) {
    String result = outcome != null ? outcome : r.gaveUp ? "gave_up" : "completed";
    Frame done = r.frames.remove(r.frames.size() - 1);
    r.emit(new Effect.ConversationEnded(done.scriptId(), result));
    r.gaveUp = false;
    if (r.frames.isEmpty()) return;
    if (Run.RETURN_END.equals(done.returnTo())) {
      finishFrame(r, null);
    } else if (Run.RETURN_RESUME.equals(done.returnTo())) {
      ScriptStep step = r.currentStep();
      if (step instanceof ScriptStep.Question || step instanceof ScriptStep.Coping) askOrSkip(r, step);
    } else if (done.returnTo() != null) {
      r.moveTop(done.returnTo());
    }
  }

  static void startRoot(Run r, Script script, Map<String, Object> params) {
    if (!r.frames.isEmpty()) endAll(r, "replaced");
    r.vars.clear();
    params.forEach((k, v) -> r.vars.put(k, v instanceof Number n ? (Object) n.doubleValue() : v));
    r.gaveUp = false;
    r.frames.add(new Frame(script.id(), script.version(), script.start(), null));
  }

  /** Pushes {@code script} over the current run; the pending question is asked again after it. */
  static void interrupt(Run r, Script script) {
    closePending(r);
    r.frames.add(new Frame(script.id(), script.version(), script.start(), Run.RETURN_RESUME));
  }

  static void closePending(Run r) {
    if (r.pending == null) return;
    r.emit(new Effect.CloseQuestion(r.pending.token(), null));
    if (r.pending.timerId() != null) r.emit(new Effect.CancelTimer(r.pending.timerId()));
    r.pending = null;
  }

  /** Ends every run on the stack, innermost first, with {@code outcome}. */
  static void endAll(Run r, String outcome) {
    closePending(r);
    for (int i = r.frames.size() - 1; i >= 0; i--) {
      r.emit(new Effect.ConversationEnded(r.frames.get(i).scriptId(), outcome));
    }
    r.frames.clear();
    r.vars.clear();
  }

  /** Something the validator should have prevented: stop safely instead of hanging or crashing. */
  static void fail(Run r) {
    r.say(Phrases.get("error", r.locale()), false);
    endAll(r, "error");
  }
}
