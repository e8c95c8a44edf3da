package org.steady.engine;

import java.util.Map;
import java.util.Objects;

/**
 * What can happen to a conversation. One family, one file; each input has a stable wire name
 * ({@link #type()}) used in transcripts, golden files and logs.
 *
 * <p>Free text is held in {@link PatientText} so that it never reaches a log through
 * {@code toString()}.
 */
public sealed interface Input {

  /** Stable wire name, e.g. {@code "text"}. */
  String type();

  /** Start script {@code scriptId} (a command such as /checkin, a schedule, or a deep link). */
  record Start(String scriptId, Map<String, Object> params) implements Input {
    public Start {
      Objects.requireNonNull(scriptId, "scriptId");
      params = params == null ? Map.of() : Map.copyOf(params);
    }

    public Start(String scriptId) {
      this(scriptId, Map.of());
    }

    @Override
    public String type() {
      return "start";
    }
  }

  /** The patient typed something. */
  record Text(PatientText text) implements Input {
    public Text {
      Objects.requireNonNull(text, "text");
    }

    public static Text of(String s) {
      return new Text(new PatientText(s));
    }

    @Override
    public String type() {
      return "text";
    }
  }

  /**
   * The patient pressed a button. {@code questionToken} names the question the keyboard belonged
   * to (see {@link Effect.SendMessage#questionToken()}); a press whose token is not the pending
   * question's is answered politely and does not move the conversation.
   */
  record ButtonPress(String questionToken, String value) implements Input {
    public ButtonPress {
      Objects.requireNonNull(questionToken, "questionToken");
      Objects.requireNonNull(value, "value");
    }

    @Override
    public String type() {
      return "button";
    }
  }

  /**
   * A slash command the channel did not handle itself, e.g. {@code cope} for "/cope". The engine
   * starts the script whose header declares {@code command: cope}; the interrupted conversation
   * resumes (its pending question is asked again) when that script ends.
   */
  record Command(String name, String argument) implements Input {
    public Command {
      Objects.requireNonNull(name, "name");
      argument = argument == null ? "" : argument;
    }

    @Override
    public String type() {
      return "command";
    }
  }

  /** A timer the engine asked for ({@link Effect.ScheduleTimer}) is due. */
  record TimerFired(String timerId) implements Input {
    public TimerFired {
      Objects.requireNonNull(timerId, "timerId");
    }

    @Override
    public String type() {
      return "timer";
    }
  }
}
