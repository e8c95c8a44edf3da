package org.steady.chat;

import java.util.Optional;
import org.steady.engine.Input;

/** Maps a channel-neutral {@link Inbound} to the engine's {@link Input}. */
final class InputMapper {
  private InputMapper() {}

  /** Empty for kinds the engine does not see (UNSUPPORTED). */
  static Optional<Input> toInput(Inbound in) {
    switch (in.kind()) {
      case TEXT:
        return Optional.of(new Input.Text(in.text() == null
            ? new org.steady.engine.PatientText("") : in.text()));
      case COMMAND:
        return Optional.of(new Input.Command(in.command() == null ? "" : in.command(),
            in.argument()));
      case BUTTON:
        return Optional.of(buttonPress(in.callbackData() == null ? "" : in.callbackData()));
      case START:
        return Optional.of(new Input.Start(in.command() == null ? "" : in.command()));
      case TIMER:
        return Optional.of(new Input.TimerFired(in.argument()));
      case UNSUPPORTED:
      default:
        return Optional.empty();
    }
  }

  /** {@code token|value}; bare data (no bar) is a press on no known question. */
  static Input.ButtonPress buttonPress(String data) {
    int bar = data.indexOf('|');
    return bar < 0 ? new Input.ButtonPress("", data)
        : new Input.ButtonPress(data.substring(0, bar), data.substring(bar + 1));
  }
}
