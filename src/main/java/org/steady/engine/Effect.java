package org.steady.engine;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the engine asks the world to do. The shell (package {@code chat}) carries effects out:
 * messages go through the persistent outbox, answers and escalations are stored, timers become
 * durable schedule entries. Every adapter handles effects with one {@code instanceof} chain that
 * ends in {@code throw new IllegalStateException}, and a test walks
 * {@code Effect.class.getPermittedSubclasses()} so that a new effect cannot go unhandled.
 *
 * <p>Effects are listed in the order they must happen. The shell gives each one a deterministic
 * id ({@code <inbound event id>:<index>}) so that replaying an inbound event is a no-op.
 */
public sealed interface Effect {

  /** Stable wire name, e.g. {@code "message"}; the {@code chat} CLI prints it as {@code "type"}. */
  String type();

  /** Where in which script an effect came from; goes into the transcript. */
  record Origin(String scriptId, String scriptVersion, String stepId) {
    public Origin {
      Objects.requireNonNull(scriptId, "scriptId");
      Objects.requireNonNull(scriptVersion, "scriptVersion");
      Objects.requireNonNull(stepId, "stepId");
    }
  }

  /** One button under a message; {@code value} comes back in {@link Input.ButtonPress#value()}. */
  record Button(String label, String value) {
    public Button {
      Objects.requireNonNull(label, "label");
      Objects.requireNonNull(value, "value");
    }
  }

  /**
   * Send a message to the patient. {@code buttons} are rows of buttons (empty for plain text).
   * {@code questionToken} is set when the message asks a question (null otherwise);
   * {@code urgent} messages (crisis resources, red-flag replies) take the outbox's priority lane.
   */
  record SendMessage(
      String text, List<List<Button>> buttons, String questionToken, boolean urgent, Origin origin)
      implements Effect {
    public SendMessage {
      Objects.requireNonNull(text, "text");
      buttons = buttons == null ? List.of() : buttons.stream().map(List::copyOf).toList();
    }

    @Override
    public String type() {
      return "message";
    }
  }

  /**
   * Replace the keyboard of the question {@code questionToken} (multi-select ticks). The channel
   * finds the message it sent for that token.
   */
  record UpdateButtons(String questionToken, List<List<Button>> buttons) implements Effect {
    public UpdateButtons {
      Objects.requireNonNull(questionToken, "questionToken");
      buttons = buttons.stream().map(List::copyOf).toList();
    }

    @Override
    public String type() {
      return "buttons";
    }
  }

  /**
   * The question {@code questionToken} is answered (or given up): its keyboard is replaced by the
   * chosen label so that it cannot be pressed again. {@code chosen} is null when given up.
   */
  record CloseQuestion(String questionToken, String chosen) implements Effect {
    public CloseQuestion {
      Objects.requireNonNull(questionToken, "questionToken");
    }

    @Override
    public String type() {
      return "question_closed";
    }
  }

  /**
   * Record a structured answer. {@code value} is a String, Double, Boolean, List of String or a
   * Map of String to Double (checklists); {@code display} is how it reads in a transcript.
   */
  record RecordAnswer(String variable, Object value, String display, Origin origin)
      implements Effect {
    public RecordAnswer {
      Objects.requireNonNull(variable, "variable");
      Objects.requireNonNull(value, "value");
    }

    @Override
    public String type() {
      return "answer";
    }
  }

  /**
   * A value of the patient's profile changed (a script saved into {@code patient.<field>}, e.g.
   * {@code patient.name}, {@code patient.timezone}, {@code patient.checkin_time},
   * {@code patient.locale}). The shell stores it on the patient.
   */
  record UpdateProfile(String field, Object value) implements Effect {
    public UpdateProfile {
      Objects.requireNonNull(field, "field");
      Objects.requireNonNull(value, "value");
    }

    @Override
    public String type() {
      return "profile";
    }
  }

  /**
   * Raise an escalation. {@code reason} is already rendered (English, for staff and contacts);
   * {@code rule} names what raised it ({@code "step:<id>"} or {@code "red_flag:<category>"});
   * {@code evidence} holds the answers that triggered it (shared with contacts only with consent).
   */
  record RaiseEscalation(
      Severity severity, String reason, String rule, Map<String, Object> evidence, Origin origin)
      implements Effect {
    public RaiseEscalation {
      Objects.requireNonNull(severity, "severity");
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(rule, "rule");
      evidence = evidence == null ? Map.of() : Map.copyOf(evidence);
    }

    @Override
    public String type() {
      return "escalation";
    }
  }

  /**
   * Fire {@link Input.TimerFired} with {@code timerId} at {@code at}. Timer ids are unique within
   * one patient's conversation state; scheduling an id again replaces it.
   */
  record ScheduleTimer(String timerId, Instant at, String purpose) implements Effect {
    public ScheduleTimer {
      Objects.requireNonNull(timerId, "timerId");
      Objects.requireNonNull(at, "at");
      Objects.requireNonNull(purpose, "purpose");
    }

    @Override
    public String type() {
      return "timer";
    }
  }

  /** Forget a timer that is no longer needed (the question was answered). */
  record CancelTimer(String timerId) implements Effect {
    public CancelTimer {
      Objects.requireNonNull(timerId, "timerId");
    }

    @Override
    public String type() {
      return "timer_cancel";
    }
  }

  /**
   * A script run finished. {@code outcome} is {@code "completed"} (reached an end step),
   * {@code "gave_up"} (a wait timed out into an end) or the end step's own outcome name.
   */
  record ConversationEnded(String scriptId, String outcome) implements Effect {
    public ConversationEnded {
      Objects.requireNonNull(scriptId, "scriptId");
      Objects.requireNonNull(outcome, "outcome");
    }

    @Override
    public String type() {
      return "end";
    }
  }
}
