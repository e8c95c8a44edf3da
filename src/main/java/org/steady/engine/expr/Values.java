package org.steady.engine.expr;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/** The value rules of the expression language: numbers are Double, null stays null. */
final class Values {
  private Values() {}

  /** A null, false, zero, empty text or empty collection is false; anything else true. */
  static boolean truthy(Object v) {
    if (v == null) return false;
    if (v instanceof Boolean b) return b;
    if (v instanceof Number n) return n.doubleValue() != 0;
    if (v instanceof String s) return !s.isEmpty();
    if (v instanceof Collection<?> c) return !c.isEmpty();
    if (v instanceof Map<?, ?> m) return !m.isEmpty();
    return true;
  }

  /** Numbers (of any Java type) as Double; everything else unchanged. */
  static Object normal(Object v) {
    if (v instanceof Number n && !(v instanceof Double)) return n.doubleValue();
    return v;
  }

  static Double number(Object v) {
    return v instanceof Number n ? n.doubleValue() : null;
  }

  static boolean same(Object a, Object b) {
    a = normal(a);
    b = normal(b);
    if (a == null || b == null) return a == b;
    if (a instanceof List<?> la && b instanceof List<?> lb) {
      if (la.size() != lb.size()) return false;
      for (int i = 0; i < la.size(); i++) {
        if (!same(la.get(i), lb.get(i))) return false;
      }
      return true;
    }
    return a.equals(b);
  }

  /** Compares two numbers or two texts; null when they cannot be compared. */
  static Integer compare(Object a, Object b) {
    a = normal(a);
    b = normal(b);
    if (a instanceof Double x && b instanceof Double y) return Double.compare(x, y);
    if (a instanceof String x && b instanceof String y) return Integer.signum(x.compareTo(y));
    return null;
  }

  static boolean contains(Object container, Object item) {
    if (container instanceof Collection<?> c) {
      for (Object o : c) {
        if (same(o, item)) return true;
      }
      return false;
    }
    if (container instanceof Map<?, ?> m) return item instanceof String && m.containsKey(item);
    if (container instanceof String s && item instanceof String t) return s.contains(t);
    return false;
  }

  static String text(Object v) {
    v = normal(v);
    if (v instanceof Double d) {
      if (d == Math.rint(d) && Math.abs(d) < 1e15) return Long.toString(d.longValue());
      return Double.toString(Math.round(d * 100) / 100.0);
    }
    return String.valueOf(v);
  }
}
