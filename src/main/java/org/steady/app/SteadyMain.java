package org.steady.app;

import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.steady.chat.TerminalChat;
import org.steady.schedule.TaperPlanCli;
import org.steady.script.ValidateCommand;

/**
 * {@code java -jar steady.jar} starts the bot; {@code validate DIR} checks conversation scripts;
 * {@code chat --script ID} runs one in the terminal; {@code taper-plan} lets staff enter a taper
 * plan through the running app's admin API. No sub-command starts Spring. A start-up failure
 * ends the process with exit code 1 after one plain sentence (see {@link StartupFailureAnalyzer}).
 */
public final class SteadyMain {
  private SteadyMain() {}

  public static void main(String[] args) {
    if (args.length > 0 && args[0].equals("validate")) {
      System.exit(ValidateCommand.run(tail(args), System.out, System.err));
    } else if (args.length > 0 && args[0].equals("chat")) {
      System.exit(TerminalChat.run(tail(args), System.in, System.out, System.err));
    } else if (args.length > 0 && args[0].equals("taper-plan")) {
      System.exit(TaperPlanCli.run(tail(args), System.out, System.err));
    } else {
      start(new Class<?>[] {SteadyApplication.class}, args);
    }
  }

  /** Runs the app; exits the JVM with status 1 if it cannot start. */
  public static void start(Class<?>[] sources, String[] args) {
    try {
      new SpringApplication(sources).run(args);
    } catch (RuntimeException e) {
      // the failure analyzer has already printed the reason as one sentence
      System.exit(1);
    }
  }

  private static String[] tail(String[] args) {
    return Arrays.copyOfRange(args, 1, args.length);
  }
}
