package org.steady.script;

import java.util.Comparator;
import java.util.Objects;

/**
 * One thing wrong (or worth a look) in a conversation file, at a 1-based position.
 *
 * <pre>{@code conversations/daily-checkin.yaml:14:7: step "mood" goes to unknown step "slep"}</pre>
 *
 * @param path the file as found under the loaded folder (the folder joined with the relative path)
 * @param line 1-based line
 * @param column 1-based column
 * @param level {@link Level#ERROR} refuses the file; {@link Level#WARNING} does not
 * @param message plain words for staff, without the position
 */
public record Problem(String path, int line, int column, Level level, String message) {

  /** How serious a problem is. */
  public enum Level {
    ERROR,
    WARNING
  }

  /** File, then position, then message: the order problems are printed in. */
  public static final Comparator<Problem> ORDER =
      Comparator.comparing(Problem::path)
          .thenComparingInt(Problem::line)
          .thenComparingInt(Problem::column)
          .thenComparing(Problem::message);

  public Problem {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(message, "message");
    line = Math.max(1, line);
    column = Math.max(1, column);
  }

  public boolean isError() {
    return level == Level.ERROR;
  }

  /** {@code path:line:column: message}; warnings read {@code path:line:column: warning: ...}. */
  public String format() {
    return path + ":" + line + ":" + column + ": " + (isError() ? "" : "warning: ") + message;
  }

  /** {@code line:column: message} without the path, as the broken-script corpus states it. */
  public String formatPosition() {
    return line + ":" + column + ": " + (isError() ? "" : "warning: ") + message;
  }
}
