package org.steady.script;

import java.io.PrintStream;

/**
 * {@code steady.jar validate DIR}: prints every problem as {@code path:line:column: message},
 * exits 1 on any error, else 0 with a one-line OK summary. (Entry point agreed with the app's
 * main; the script slice replaces this body.)
 */
public final class ValidateCommand {
  private ValidateCommand() {}

  public static int run(String[] args, PrintStream out, PrintStream err) {
    err.println("validate: not built yet");
    return 2;
  }
}
