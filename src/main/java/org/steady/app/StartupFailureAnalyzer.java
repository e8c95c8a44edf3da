package org.steady.app;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.steady.store.StoreUnreachableException;

/**
 * Turns Steady's known start-up failures into one plain sentence (Spring Boot prints it instead
 * of a stack trace): a bad or unreachable {@code MONGODB_URI}, an unwritable data directory,
 * invalid conversations.
 */
public class StartupFailureAnalyzer implements FailureAnalyzer {

  @Override
  public FailureAnalysis analyze(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof StartupProblem || t instanceof StoreUnreachableException) {
        return new FailureAnalysis(t.getMessage(), "Fix the setting named above and start again.",
            t);
      }
    }
    return null;
  }
}
