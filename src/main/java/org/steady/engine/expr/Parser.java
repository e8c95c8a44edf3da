package org.steady.engine.expr;

import org.steady.engine.Expression;

/** Parses the expression language. Placeholder until the engine slice lands the real parser. */
public final class Parser {
  private Parser() {}

  public static Expression parse(String source) {
    throw new UnsupportedOperationException("expression parser not written yet");
  }
}
