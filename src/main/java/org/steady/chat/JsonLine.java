package org.steady.chat;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * A small JSON writer for one-line output: maps built as {@link LinkedHashMap} keep their order
 * (fixed field order), any other map is written with sorted keys so output is deterministic.
 * Whole numbers print without ".0".
 */
public final class JsonLine {
  private JsonLine() {}

  public static String write(Object value) {
    StringBuilder sb = new StringBuilder(128);
    write(value, sb);
    return sb.toString();
  }

  private static void write(Object v, StringBuilder sb) {
    if (v == null) {
      sb.append("null");
    } else if (v instanceof Boolean) {
      sb.append(v);
    } else if (v instanceof Number n) {
      number(n, sb);
    } else if (v instanceof Map<?, ?> m) {
      Map<?, ?> ordered = m instanceof LinkedHashMap<?, ?> || m instanceof TreeMap<?, ?> ? m : sortedCopy(m);
      sb.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> e : ordered.entrySet()) {
        if (!first) sb.append(',');
        first = false;
        string(String.valueOf(e.getKey()), sb);
        sb.append(':');
        write(e.getValue(), sb);
      }
      sb.append('}');
    } else if (v instanceof Collection<?> c) {
      sb.append('[');
      boolean first = true;
      for (Object o : c) {
        if (!first) sb.append(',');
        first = false;
        write(o, sb);
      }
      sb.append(']');
    } else {
      string(String.valueOf(v), sb);
    }
  }

  private static Map<String, Object> sortedCopy(Map<?, ?> m) {
    Map<String, Object> out = new TreeMap<>();
    m.forEach((k, val) -> out.put(String.valueOf(k), val));
    return out;
  }

  private static void number(Number n, StringBuilder sb) {
    double d = n.doubleValue();
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      sb.append("null");
    } else if (d == Math.rint(d) && Math.abs(d) < 1e15) {
      sb.append((long) d);
    } else {
      sb.append(d);
    }
  }

  private static void string(String s, StringBuilder sb) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"': sb.append("\\\""); break;
        case '\\': sb.append("\\\\"); break;
        case '\n': sb.append("\\n"); break;
        case '\r': sb.append("\\r"); break;
        case '\t': sb.append("\\t"); break;
        default:
          if (c < 0x20) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
      }
    }
    sb.append('"');
  }
}
