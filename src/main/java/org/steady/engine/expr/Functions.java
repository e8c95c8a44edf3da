package org.steady.engine.expr;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The whitelisted pure functions: the only calls an expression can make. */
final class Functions {
  static final Set<String> NAMES = Set.of("sum", "count", "min", "max", "round", "abs", "len");

  private Functions() {}

  /** Checks a call's argument count at parse time; returns a problem or null. */
  static String arityProblem(String name, int n) {
    switch (name) {
      case "sum": case "count": case "abs": case "len":
        return n == 1 ? null : name + "() takes exactly one value";
      case "round":
        return n == 1 || n == 2 ? null : "round() takes a number and optionally the decimals";
      default:
        return n >= 1 ? null : name + "() needs at least one value";
    }
  }

  static Object apply(String name, List<Object> args) {
    switch (name) {
      case "sum": return sum(args.get(0));
      case "count": return count(args.get(0));
      case "len": return len(args.get(0));
      case "abs": {
        Double d = Values.number(args.get(0));
        return d == null ? null : Math.abs(d);
      }
      case "round": return round(args);
      case "min": return extreme(args, true);
      case "max": return extreme(args, false);
      default: throw new IllegalStateException("unknown function " + name);
    }
  }

  private static Object sum(Object v) {
    Collection<?> items = items(v);
    if (items == null) return null;
    double total = 0;
    for (Object o : items) {
      Double d = Values.number(o);
      if (d != null) total += d;
    }
    return total;
  }

  private static Object count(Object v) {
    Collection<?> items = items(v);
    return items == null ? (v == null ? 0.0 : null) : (double) items.size();
  }

  private static Object len(Object v) {
    if (v instanceof String s) return (double) s.codePointCount(0, s.length());
    return count(v);
  }

  private static Object round(List<Object> args) {
    Double d = Values.number(args.get(0));
    if (d == null) return null;
    if (args.size() == 1) return (double) Math.round(d);
    Double places = Values.number(args.get(1));
    if (places == null || places < 0 || places > 10) return null;
    double f = Math.pow(10, Math.floor(places));
    return Math.round(d * f) / f;
  }

  private static Object extreme(List<Object> args, boolean min) {
    List<Object> values = args;
    if (args.size() == 1) {
      Collection<?> items = items(args.get(0));
      if (items == null) return Values.number(args.get(0));
      values = new ArrayList<>(items);
    }
    Double best = null;
    for (Object o : values) {
      Double d = Values.number(o);
      if (d == null) return null;
      if (best == null || (min ? d < best : d > best)) best = d;
    }
    return best;
  }

  private static Collection<?> items(Object v) {
    if (v instanceof Collection<?> c) return c;
    if (v instanceof Map<?, ?> m) return m.values();
    return null;
  }
}
