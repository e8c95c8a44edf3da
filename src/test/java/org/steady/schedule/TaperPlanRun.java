package org.steady.schedule;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** One in-process run of the taper-plan command line: its exit code and what it printed. */
record TaperPlanRun(int code, String out, String err) {
  static TaperPlanRun run(Map<String, String> env, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = TaperPlanCli.run(args, env, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new TaperPlanRun(code, out.toString(StandardCharsets.UTF_8),
        err.toString(StandardCharsets.UTF_8));
  }

  /** The one line on stderr, without the "taper-plan: " prefix. */
  String sentence() {
    return err.strip().replaceFirst("^taper-plan: ", "");
  }
}
