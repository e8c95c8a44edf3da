package org.steady.engine.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A node of a parsed expression. Evaluation never throws for bad data: it yields null. */
interface Node {
  Object eval(Map<String, Object> vars);

  record Literal(Object value) implements Node {
    @Override
    public Object eval(Map<String, Object> vars) {
      return value;
    }
  }

  /** A variable: {@code mood} or a dotted path {@code symptom_items.tremor} into a map. */
  record Variable(String path, String[] parts) implements Node {
    @Override
    public Object eval(Map<String, Object> vars) {
      Object v = vars.get(parts[0]);
      for (int i = 1; i < parts.length && v != null; i++) {
        v = v instanceof Map<?, ?> m ? m.get(parts[i]) : null;
      }
      if (v == null && parts.length > 1) {
        v = vars.get(path);
      }
      return Values.normal(v);
    }
  }

  record ListOf(List<Node> items) implements Node {
    @Override
    public Object eval(Map<String, Object> vars) {
      List<Object> out = new ArrayList<>(items.size());
      for (Node n : items) {
        out.add(n.eval(vars));
      }
      return out;
    }
  }

  record Not(Node operand) implements Node {
    @Override
    public Object eval(Map<String, Object> vars) {
      return !Values.truthy(operand.eval(vars));
    }
  }

  record Negate(Node operand) implements Node {
    @Override
    public Object eval(Map<String, Object> vars) {
      Double d = Values.number(operand.eval(vars));
      return d == null ? null : -d;
    }
  }

  record Logic(boolean and, Node left, Node right) implements Node {
    @Override
    public Object eval(Map<String, Object> vars) {
      boolean l = Values.truthy(left.eval(vars));
      if (and ? !l : l) return l;
      return Values.truthy(right.eval(vars));
    }
  }

  record In(Node item, Node container, boolean negated) implements Node {
    @Override
    public Object eval(Map<String, Object> vars) {
      return negated != Values.contains(container.eval(vars), item.eval(vars));
    }
  }

  record Binary(String op, Node left, Node right) implements Node {
    @Override
    public Object eval(Map<String, Object> vars) {
      Object a = left.eval(vars);
      Object b = right.eval(vars);
      switch (op) {
        case "==": return Values.same(a, b);
        case "!=": return !Values.same(a, b);
        case "<": case "<=": case ">": case ">=": return compare(a, b);
        default: return arithmetic(a, b);
      }
    }

    private Object compare(Object a, Object b) {
      Integer c = Values.compare(a, b);
      if (c == null) return null;
      switch (op) {
        case "<": return c < 0;
        case "<=": return c <= 0;
        case ">": return c > 0;
        default: return c >= 0;
      }
    }

    private Object arithmetic(Object a, Object b) {
      if (op.equals("+") && (a instanceof String || b instanceof String) && a != null && b != null) {
        return Values.text(a) + Values.text(b);
      }
      Double x = Values.number(a);
      Double y = Values.number(b);
      if (x == null || y == null) return null;
      switch (op) {
        case "+": return x + y;
        case "-": return x - y;
        case "*": return x * y;
        default: return y == 0 ? null : x / y;
      }
    }
  }

  record Call(String name, List<Node> args) implements Node {
    @Override
    public Object eval(Map<String, Object> vars) {
      List<Object> values = new ArrayList<>(args.size());
      for (Node n : args) {
        values.add(n.eval(vars));
      }
      return Functions.apply(name, values);
    }
  }
}
