package org.steady.engine;

import java.util.Map;
import java.util.Set;

/**
 * A compiled staff-written expression, e.g. {@code mood <= 3 and 'seizure' in symptoms}. The
 * language has literals, variables (dotted paths like {@code patient.name}), arithmetic,
 * comparisons, {@code and/or/not}, {@code in}, list literals and a fixed set of pure functions
 * ({@code sum}, {@code count}, {@code min}, {@code max}, {@code round}, ...). It cannot call
 * methods, touch classes, files or the network, and its evaluation is bounded by the size of
 * the expression. Reference: {@code docs/scripts.md}.
 */
public interface Expression {

  /** The source text as written. */
  String source();

  /** Root variable names it reads (for {@code a.b} the name {@code a.b}). */
  Set<String> variables();

  /**
   * Evaluates against the given variables. Missing variables are null; type mismatches
   * ({@code 'a' < 3}) evaluate to null rather than throwing, and a null condition is false.
   */
  Object evaluate(Map<String, Object> vars);

  /** Parses {@code source}; throws {@link ExpressionException} with the 0-based offset. */
  static Expression parse(String source) {
    return org.steady.engine.expr.Parser.parse(source);
  }

  /** A syntax error at a 0-based character offset of the source. */
  final class ExpressionException extends RuntimeException {
    private final int offset;

    public ExpressionException(int offset, String message) {
      super(message);
      this.offset = offset;
    }

    public int offset() {
      return offset;
    }
  }
}
