package org.steady.engine;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A patient's conversation as plain data: what the store saves between inputs (target: under 2 KB
 * serialised). {@link #idle()} is the state of a patient with no conversation running.
 *
 * @param frames the call stack of script runs, innermost last; empty when idle
 * @param vars the running conversation's variables (answers, scores); cleared when a new root
 *     conversation starts. Values are String, Double, Boolean, List of String, Map of String to
 *     Double.
 * @param pending the question waiting for an answer, or null
 * @param seq a counter the engine uses for question tokens and timer ids, so they are unique
 *     per patient and deterministic
 * @param recentPrompts ids of the last coping prompts shown, newest last (no immediate repeat)
 */
public record ConversationState(
    List<Frame> frames,
    Map<String, Object> vars,
    Pending pending,
    long seq,
    List<String> recentPrompts) {

  public ConversationState {
    frames = List.copyOf(frames);
    vars = Map.copyOf(vars);
    recentPrompts = List.copyOf(recentPrompts);
  }

  public static ConversationState idle() {
    return new ConversationState(List.of(), Map.of(), null, 0, List.of());
  }

  public boolean isIdle() {
    return frames.isEmpty();
  }

  /** One script run on the call stack. The version pins the script: a run finishes on it. */
  public record Frame(String scriptId, String scriptVersion, String stepId, String returnTo) {
    public Frame {
      Objects.requireNonNull(scriptId, "scriptId");
      Objects.requireNonNull(scriptVersion, "scriptVersion");
      Objects.requireNonNull(stepId, "stepId");
    }
  }

  /**
   * The question waiting for an answer.
   *
   * @param token the question token sent with its keyboard
   * @param stepId the asking step
   * @param reminders how many reminders were sent for it
   * @param timerId the wait timer, or null
   * @param selected ticked values of a multi-select so far
   * @param item index of the current item of a checklist step
   */
  public record Pending(
      String token, String stepId, int reminders, String timerId, List<String> selected, int item) {
    public Pending {
      Objects.requireNonNull(token, "token");
      Objects.requireNonNull(stepId, "stepId");
      selected = selected == null ? List.of() : List.copyOf(selected);
    }
  }
}
