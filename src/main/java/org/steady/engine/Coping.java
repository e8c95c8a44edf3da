package org.steady.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Coping prompts: picks one by tag with the context's seed (never the prompt shown last), and
 * shows or skips it; every offer can be skipped.
 */
final class Coping {
  private static final int RECENT_KEPT = 5;

  private Coping() {}

  static CopingLibrary.Prompt pick(Run r, ScriptStep.Coping step) {
    List<CopingLibrary.Prompt> matching = new ArrayList<>();
    for (CopingLibrary.Prompt p : r.catalog.coping().prompts()) {
      if (step.tags().isEmpty() || p.tags().stream().anyMatch(step.tags()::contains)) matching.add(p);
    }
    String last = r.recentPrompts.isEmpty() ? null : r.recentPrompts.get(r.recentPrompts.size() - 1);
    if (matching.size() > 1) matching.removeIf(p -> p.id().equals(last));
    if (matching.isEmpty()) return null;
    long seed = r.ctx.randomSeed() ^ (r.seq * 0x9E3779B97F4A7C15L);
    return matching.get(new Random(seed).nextInt(matching.size()));
  }

  static CopingLibrary.Prompt byId(Run r, String id) {
    for (CopingLibrary.Prompt p : r.catalog.coping().prompts()) {
      if (p.id().equals(id)) return p;
    }
    return null;
  }

  /** Handles "Show me" / "Skip" (pressed or typed); false when the reply was neither. */
  static boolean answer(Run r, ScriptStep.Coping step, String value) {
    boolean show;
    if (Questions.SHOW.equals(value)) {
      show = true;
    } else if (Questions.PASS.equals(value)) {
      show = false;
    } else {
      return false;
    }
    String promptId = r.pending.selected().isEmpty() ? "" : r.pending.selected().get(0);
    CopingLibrary.Prompt prompt = byId(r, promptId);
    String chosen = Phrases.get(show ? "show_me" : "skip", r.locale());
    r.emit(new Effect.CloseQuestion(r.pending.token(), chosen));
    if (r.pending.timerId() != null) r.emit(new Effect.CancelTimer(r.pending.timerId()));
    r.emit(new Effect.RecordAnswer(step.id(), show ? promptId : "skipped",
        show && prompt != null ? r.renderEnglish(prompt.title()) : "Skip", r.origin()));
    if (show && prompt != null) {
      r.say(r.render(prompt.body()), false);
      r.recentPrompts.add(promptId);
      while (r.recentPrompts.size() > RECENT_KEPT) r.recentPrompts.remove(0);
    }
    r.pending = null;
    return true;
  }

  /** Typed replies to an offer: the button labels, their numbers, or yes/no words. */
  static String typed(Run r, String text) {
    String t = Typed.fold(text);
    if (t.equals("1") || t.equals(Typed.fold(Phrases.get("show_me", r.locale())))
        || t.equals("show me") || Typed.YES.contains(t)) {
      return Questions.SHOW;
    }
    if (t.equals("2") || t.equals(Typed.fold(Phrases.get("skip", r.locale()))) || t.equals("skip")
        || Typed.NO.contains(t)) {
      return Questions.PASS;
    }
    return null;
  }
}
