package org.steady.app;

/** Steady cannot start; the message is one plain sentence for the operator. */
public class StartupProblem extends RuntimeException {
  public StartupProblem(String sentence) {
    super(sentence);
  }

  public StartupProblem(String sentence, Throwable cause) {
    super(sentence, cause);
  }
}
