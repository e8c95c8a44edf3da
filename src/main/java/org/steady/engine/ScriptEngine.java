package org.steady.engine;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.steady.engine.ConversationState.Frame;
import org.steady.engine.ConversationState.Pending;

/**
 * The engine that runs staff-written scripts (docs/scripts.md). Pure: everything it reads comes
 * from the state, the input, the {@link Context} and the catalog it was built with.
 *
 * <pre>{@code
 * Engine engine = new ScriptEngine(catalog);
 * Engine.Step s = engine.advance(ConversationState.idle(), new Input.Start("daily-checkin"), ctx);
 * }</pre>
 *
 * Every free text is first screened against all red-flag lists; a match raises an urgent
 * escalation and an urgent acknowledgement, and the text is then still used as the answer when
 * it fits the question.
 */
public final class ScriptEngine implements Engine {
  /** Steps one input may run before the run is ended with outcome {@code error}. */
  public static final int STEP_BUDGET = 200;
  private static final int MAX_INTERRUPTS = 8;

  private final ScriptCatalog catalog;

  public ScriptEngine(ScriptCatalog catalog) {
    this.catalog = Objects.requireNonNull(catalog, "catalog");
  }

  @Override
  public Step advance(ConversationState state, Input input, Context context) {
    try {
      return dispatch(state, input, context);
    } catch (RuntimeException e) {
      // a bug must not turn into a crash loop when the shell replays the input: end safely
      Run r = new Run(catalog, state, context, STEP_BUDGET);
      Stepper.fail(r);
      return r.toStep();
    }
  }

  private Step dispatch(ConversationState state, Input input, Context context) {
    Run r = new Run(catalog, state, context, STEP_BUDGET);
    if (!r.frames.isEmpty() && r.currentStep() == null) {
      Stepper.fail(r);  // the pinned script version and its step are gone
    }
    if (input instanceof Input.Start s) {
      catalog.latest(s.scriptId()).ifPresent(script -> Stepper.startRoot(r, script, s.params()));
    } else if (input instanceof Input.Text t) {
      text(r, t.text().value());
    } else if (input instanceof Input.ButtonPress b) {
      press(r, b);
    } else if (input instanceof Input.Command c) {
      command(r, c);
    } else if (input instanceof Input.TimerFired t) {
      timer(r, t.timerId());
    } else {
      throw new IllegalStateException("unhandled input " + input.type());
    }
    Stepper.run(r);
    return r.toStep();
  }

  private void text(Run r, String text) {
    Optional<RedFlags.Match> flag = catalog.redFlags().screen(text);
    flag.ifPresent(m -> {
      Map<String, Object> evidence = new HashMap<>(r.evidence());
      evidence.put("text", text);
      evidence.put("matched", m.pattern());
      evidence.put("list", m.locale());
      r.emit(new Effect.RaiseEscalation(Severity.URGENT, "Free text mentioned " + m.label(),
          "red_flag:" + m.category(), evidence, r.origin()));
      r.say(Phrases.get("red_flag", r.locale()), true);
    });
    if (r.pending != null) {
      String reask = Answers.typed(r, r.currentStep(), text);
      // after crisis words, a gentle pause rather than "Sorry, I didn't catch that"
      if (reask != null && flag.isPresent()) reask = Phrases.get("red_flag_resume", r.locale());
      if (reask != null) Questions.resend(r, reask, false);
    } else if (r.frames.isEmpty() && flag.isEmpty()) {
      r.say(Phrases.get("idle", r.locale()), false);
    }
  }

  private void press(Run r, Input.ButtonPress b) {
    Pending p = r.pending;
    if (p == null || !p.token().equals(b.questionToken())) {
      if (p == null) {
        r.say(Phrases.get("stale_idle", r.locale()), false);
      } else {
        Questions.resend(r, Phrases.get("stale", r.locale()), false);
      }
    } else if (Questions.LATER.equals(b.value())) {
      Script.Wait wait = Questions.waitOf(r, r.currentStep());
      if (wait != null && p.timerId() != null) {
        // a snoozed reminder does not count: the next firing reminds again
        int sent = Math.max(0, p.reminders() - 1);
        r.pending = new Pending(p.token(), p.stepId(), sent, p.timerId(), p.selected(), p.item());
        Questions.schedule(r, p.timerId(), wait, sent);
      }
      r.say(Phrases.get("later_ack", r.locale()), false);
    } else if (Questions.SKIP.equals(b.value())) {
      r.say(Phrases.get("skip_ack", r.locale()), false);
      Stepper.endAll(r, "skipped");
    } else {
      String reask = Answers.pressed(r, r.currentStep(), b.value());
      if (reask != null) Questions.resend(r, reask, false);
    }
  }

  private void command(Run r, Input.Command c) {
    Optional<Script> found = catalog.forCommand(c.name());
    if (found.isEmpty()) {
      // /help lists the commands, unless a script of the program's own claims it
      r.say(Phrases.get("help".equals(c.name()) ? "help_list" : "help", r.locale()), false);
      return;
    }
    Script script = found.get();
    boolean running = r.frames.stream().map(Frame::scriptId).anyMatch(script.id()::equals);
    if (r.frames.isEmpty() || running || r.frames.size() >= MAX_INTERRUPTS) {
      Map<String, Object> params = c.argument().isEmpty() ? Map.of() : Map.of("argument", c.argument());
      Stepper.startRoot(r, script, params);
    } else {
      Stepper.interrupt(r, script);
    }
  }

  private void timer(Run r, String timerId) {
    Pending p = r.pending;
    if (p == null || !timerId.equals(p.timerId())) return;
    Script.Wait wait = Questions.waitOf(r, r.currentStep());
    if (wait == null) return;
    if (p.reminders() < wait.reminders()) {
      r.pending = new Pending(p.token(), p.stepId(), p.reminders() + 1, p.timerId(), p.selected(), p.item());
      String line = wait.remind() != null ? r.render(wait.remind()) : Phrases.get("reminder", r.locale());
      Questions.resend(r, line, true);
      Questions.schedule(r, p.timerId(), wait, p.reminders() + 1);
    } else {
      r.emit(new Effect.CloseQuestion(p.token(), null));
      r.pending = null;
      // an unanswered coping offer is not an unanswered check-in: the patient did their part
      r.gaveUp = !(r.currentStep() instanceof ScriptStep.Coping);
      Stepper.goTo(r, wait.giveUp());
    }
  }
}
