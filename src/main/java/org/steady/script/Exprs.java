package org.steady.script;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.steady.engine.Expression;

/**
 * Compiles staff-written expressions and remembers where each one sits in the YAML, so that a
 * syntax error or an undefined variable is reported at its own column.
 */
final class Exprs {
  /** One expression in a file: the scalar it is in and its offset inside the scalar's value. */
  record Use(String source, Node node, int offset, Set<String> variables) {}

  private static final Set<String> WORDS = Set.of("and", "or", "not", "in", "true", "false", "null");

  private final Report report;
  private final List<Use> uses = new ArrayList<>();

  Exprs(Report report) {
    this.report = report;
  }

  List<Use> uses() {
    return uses;
  }

  /** Compiles the whole scalar {@code node} as an expression; null after a reported error. */
  Expression compile(Node node, String what) {
    String source = Fields.scalar(node);
    if (source == null || source.isBlank()) {
      report.error(node, what + " must be an expression");
      return null;
    }
    return compile(source, node, 0);
  }

  /** Compiles {@code source}, which starts {@code offset} characters into {@code node}'s value. */
  Expression compile(String source, Node node, int offset) {
    Expression parsed;
    try {
      parsed = Expression.parse(source);
    } catch (Expression.ExpressionException e) {
      int at = Math.max(0, Math.min(e.offset(), source.length()));
      report.errorAt(node, shift(node, offset + at), "bad expression: " + e.getMessage());
      return null;
    } catch (UnsupportedOperationException e) {
      parsed = new UnparsedExpression(source, scanVariables(source));
    } catch (RuntimeException e) {
      report.errorAt(node, shift(node, offset), "bad expression: it cannot be read");
      return null;
    }
    Set<String> vars;
    try {
      vars = parsed.variables();
    } catch (RuntimeException e) {
      vars = scanVariables(source);
    }
    uses.add(new Use(source, node, offset, vars));
    return parsed;
  }

  /**
   * Columns to move right from the node's start to reach {@code offset} in its value: one more for
   * an opening quote. Only single-line scalars map exactly; others point at the scalar's start.
   */
  static int shift(Node node, int offset) {
    if (!(node instanceof ScalarNode)) {
      return 0;
    }
    ScalarNode s = (ScalarNode) node;
    ScalarStyle style = s.getScalarStyle();
    if (style == ScalarStyle.LITERAL || style == ScalarStyle.FOLDED) {
      return 0;
    }
    boolean oneLine =
        s.getStartMark().isPresent()
            && s.getEndMark().isPresent()
            && s.getStartMark().get().getLine() == s.getEndMark().get().getLine();
    if (!oneLine) {
      return 0;
    }
    boolean quoted = style == ScalarStyle.SINGLE_QUOTED || style == ScalarStyle.DOUBLE_QUOTED;
    return offset + (quoted ? 1 : 0);
  }

  /**
   * Dotted variable names in {@code source}, outside string literals, skipping keywords and
   * function names (a name followed by "("). Used when the engine's parser cannot say.
   */
  static Set<String> scanVariables(String source) {
    Set<String> out = new LinkedHashSet<>();
    int i = 0;
    int n = source.length();
    while (i < n) {
      char c = source.charAt(i);
      if (c == '\'' || c == '"') {
        int end = source.indexOf(c, i + 1);
        i = end < 0 ? n : end + 1;
      } else if (Character.isLetter(c) || c == '_') {
        int start = i;
        while (i < n && (Character.isLetterOrDigit(source.charAt(i)) || "_.".indexOf(source.charAt(i)) >= 0)) {
          i++;
        }
        String name = source.substring(start, i);
        int j = i;
        while (j < n && source.charAt(j) == ' ') {
          j++;
        }
        boolean call = j < n && source.charAt(j) == '(';
        if (!call && !WORDS.contains(name)) {
          out.add(name.endsWith(".") ? name.substring(0, name.length() - 1) : name);
        }
      } else if (Character.isDigit(c)) {
        while (i < n && (Character.isLetterOrDigit(source.charAt(i)) || source.charAt(i) == '.')) {
          i++;
        }
      } else {
        i++;
      }
    }
    return out;
  }

  /**
   * Stand-in while the engine's parser is not available: it keeps the source and its variables so
   * that validation still runs, and refuses to evaluate.
   */
  private record UnparsedExpression(String source, Set<String> variables) implements Expression {
    @Override
    public Object evaluate(Map<String, Object> vars) {
      throw new IllegalStateException("the expression parser is not available to evaluate: " + source);
    }
  }
}
