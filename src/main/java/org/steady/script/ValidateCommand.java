package org.steady.script;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code steady.jar validate [--require-reviewed] DIR}: prints every problem as
 * {@code path:line:column: message} (warnings as {@code path:line:column: warning: message}),
 * then exits 1 on any error, else 0 with a one-line OK summary. Exit 2 for bad usage.
 */
public final class ValidateCommand {
  static final String USAGE = "usage: steady validate [--require-reviewed] DIR";

  private ValidateCommand() {}

  public static int run(String[] args, PrintStream out, PrintStream err) {
    boolean requireReviewed = false;
    String dir = null;
    for (String a : args) {
      if (a.equals("--require-reviewed")) {
        requireReviewed = true;
      } else if (a.equals("-h") || a.equals("--help")) {
        out.println(USAGE);
        return 0;
      } else if (a.startsWith("-") || dir != null) {
        err.println(USAGE);
        return 2;
      } else {
        dir = a;
      }
    }
    if (dir == null) {
      err.println(USAGE);
      return 2;
    }
    Path path = Path.of(dir);
    if (!Files.isDirectory(path)) {
      err.println("validate: " + dir + " is not a folder");
      err.println(USAGE);
      return 2;
    }
    LoadResult result = ConversationLoader.load(path, requireReviewed);
    for (Problem p : result.problems()) {
      out.println(p.format());
    }
    if (!result.ok()) {
      int n = result.errors().size();
      err.println(n + (n == 1 ? " error" : " errors") + ", " + result.warnings().size()
          + (result.warnings().size() == 1 ? " warning" : " warnings"));
      return 1;
    }
    out.println("OK: " + result.summary());
    return 0;
  }
}
