package org.steady.engine.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.steady.engine.Expression;
import org.steady.engine.Expression.ExpressionException;

class ParserTest {

  private static Object eval(String src, Map<String, Object> vars) {
    return Expression.parse(src).evaluate(vars);
  }

  private static Object eval(String src) {
    return eval(src, Map.of());
  }

  private static Map<String, Object> vars() {
    Map<String, Object> v = new HashMap<>();
    v.put("mood", 2.0);
    v.put("symptoms", List.of("tremor", "seizure"));
    v.put("items", Map.of("tremor", 1.0, "confusion", 2.0));
    v.put("patient", Map.of("name", "Ana", "age", 40));
    v.put("sleep", "poorly");
    return v;
  }

  @Test
  void evaluatesTheDocumentedExample() {
    assertThat(eval("mood <= 3 and 'seizure' in symptoms", vars())).isEqualTo(true);
    assertThat(eval("mood > 3 or not ('seizure' in symptoms)", vars())).isEqualTo(false);
  }

  @Test
  void numbersAreDoublesWithUsualPrecedence() {
    assertThat(eval("1 + 2 * 3")).isEqualTo(7.0);
    assertThat(eval("(1 + 2) * 3")).isEqualTo(9.0);
    assertThat(eval("10 - 4 - 3")).isEqualTo(3.0);
    assertThat(eval("-2 * -3")).isEqualTo(6.0);
    assertThat(eval("7 / 2")).isEqualTo(3.5);
    assertThat(eval("1 / 0")).isNull();
  }

  @Test
  void readsDottedPathsIntoMaps() {
    assertThat(eval("items.confusion == 2", vars())).isEqualTo(true);
    assertThat(eval("patient.name", vars())).isEqualTo("Ana");
    assertThat(eval("patient.age + 1", vars())).isEqualTo(41.0);
    assertThat(eval("patient.missing.deeper", vars())).isNull();
    assertThat(eval("flat.key", Map.of("flat.key", "x"))).isEqualTo("x");
  }

  @Test
  void reportsVariablesItReads() {
    assertThat(Expression.parse("mood + items.tremor > max(a, 2)").variables())
        .containsExactly("mood", "items.tremor", "a");
  }

  @Test
  void missingVariablesAndTypeMismatchesAreNullNotErrors() {
    assertThat(eval("nothing + 1")).isNull();
    assertThat(eval("'a' < 3")).isNull();
    assertThat(eval("nothing == null")).isEqualTo(true);
    assertThat(eval("nothing < 3 or false")).isEqualTo(false);
    assertThat(eval("'x' in nothing")).isEqualTo(false);
  }

  @Test
  void inWorksOnListsMapsAndText() {
    assertThat(eval("'tremor' in symptoms", vars())).isEqualTo(true);
    assertThat(eval("'tremor' not in symptoms", vars())).isEqualTo(false);
    assertThat(eval("'confusion' in items", vars())).isEqualTo(true);
    assertThat(eval("sleep in ['poorly', 'badly']", vars())).isEqualTo(true);
    assertThat(eval("2 in [1, 2]")).isEqualTo(true);
    assertThat(eval("'oor' in sleep", vars())).isEqualTo(true);
  }

  @Test
  void functionsArePure() {
    assertThat(eval("sum(items)", vars())).isEqualTo(3.0);
    assertThat(eval("sum([1, 2, 3.5])")).isEqualTo(6.5);
    assertThat(eval("count(symptoms)", vars())).isEqualTo(2.0);
    assertThat(eval("count(nothing)")).isEqualTo(0.0);
    assertThat(eval("min(3, 1, 2) + max([4, 9])")).isEqualTo(10.0);
    assertThat(eval("round(2.5) + round(1.234, 1)")).isEqualTo(4.2);
    assertThat(eval("abs(-3)")).isEqualTo(3.0);
    assertThat(eval("len('héllo') + len(symptoms)", vars())).isEqualTo(7.0);
  }

  @Test
  void stringsConcatenateAndCompare() {
    assertThat(eval("'a' + 1")).isEqualTo("a1");
    assertThat(eval("\"it's\" == 'it\\'s'")).isEqualTo(true);
    assertThat(eval("'b' > 'a'")).isEqualTo(true);
  }

  @Test
  void refusesMethodCallsOnValues() {
    assertError("''.getClass()", 2, "method calls");
    assertError("mood.toString()", 5, "method calls are not allowed");
  }

  @Test
  void refusesClassAccessSyntax() {
    assertError("T(java.lang.Runtime).getRuntime().exec('x')", 0, "'T' is not a function");
    assertError("java.lang.Runtime.getRuntime()", 18, "method calls are not allowed");
    assertError("#{1+1}", 0, "'#' is not allowed");
    assertError("${x}", 0, "'$' is not allowed");
    assertError("new java.io.File('x')", 4, "unexpected 'java'");
  }

  @Test
  void refusesDunderNames() {
    assertError("__proto__", 0, "two underscores");
    assertError("a.__class__", 2, "two underscores");
    assertError("constructor.__proto__.x", 12, "two underscores");
  }

  @Test
  void refusesIndexingAndAssignment() {
    assertError("symptoms[0]", 8, "indexing");
    assertError("mood = 3", 5, "use ==");
    assertError("a && b", 2, "'and'");
    assertError("!a", 0, "'not'");
  }

  @Test
  void boundsDepthAndLength() {
    String deep = "(".repeat(40) + "1" + ")".repeat(40);
    assertError(deep, 32, "nested too deeply");
    assertError("not ".repeat(40) + "true", 128, "nested too deeply");
    assertError("1 + ".repeat(130) + "1", 500, "longer than 500");
  }

  @Test
  void reportsSyntaxErrorsWithOffsets() {
    assertError("", 0, "empty");
    assertError("mood <=", 7, "ends too early");
    assertError("(mood", 5, "closing )");
    assertError("[1, 2", 5, "closing ]");
    assertError("'open", 0, "never closed");
    assertError("mood 3", 5, "unexpected '3'");
    assertError("sum(1, 2)", 0, "exactly one");
    assertError("3abc", 1, "followed directly");
    assertError("and", 0, "needs a value");
  }

  private static void assertError(String src, int offset, String message) {
    assertThatThrownBy(() -> Expression.parse(src))
        .isInstanceOf(ExpressionException.class)
        .hasMessageContaining(message)
        .satisfies(e -> assertThat(((ExpressionException) e).offset()).isEqualTo(offset));
  }
}
