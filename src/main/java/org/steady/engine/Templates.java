package org.steady.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Renders {@code {{ expression }}} templates. Parsed templates are cached by source text, so a
 * text is parsed once per process. Numbers print without a trailing ".0" and with a decimal
 * comma in locales that use one; lists print comma-separated; null prints as nothing.
 */
final class Templates {
  private static final Map<String, List<Object>> CACHE = new ConcurrentHashMap<>();
  private static final int CACHE_LIMIT = 10_000;

  private Templates() {}

  static String render(String template, Map<String, Object> env, String locale) {
    if (template.indexOf("{{") < 0) return template;
    List<Object> parts = CACHE.get(template);
    if (parts == null) {
      parts = parse(template);
      if (CACHE.size() < CACHE_LIMIT) CACHE.put(template, parts);
    }
    StringBuilder sb = new StringBuilder(template.length() + 16);
    for (Object p : parts) {
      if (p instanceof Expression e) {
        sb.append(format(e.evaluate(env), locale));
      } else {
        sb.append((String) p);
      }
    }
    return sb.toString();
  }

  private static List<Object> parse(String t) {
    List<Object> parts = new ArrayList<>();
    int i = 0;
    while (i < t.length()) {
      int open = t.indexOf("{{", i);
      int close = open < 0 ? -1 : t.indexOf("}}", open + 2);
      if (open < 0 || close < 0) {
        parts.add(t.substring(i));
        break;
      }
      parts.add(t.substring(i, open));
      String src = t.substring(open + 2, close);
      try {
        parts.add(Expression.parse(src.trim()));
      } catch (Expression.ExpressionException e) {
        parts.add("");  // the validator refuses such scripts; never crash at run time
      }
      i = close + 2;
    }
    return List.copyOf(parts);
  }

  static String format(Object v, String locale) {
    if (v == null) return "";
    if (v instanceof Number n) {
      double d = n.doubleValue();
      String s;
      if (d == Math.rint(d) && Math.abs(d) < 1e15) {
        s = Long.toString((long) d);
      } else {
        s = java.math.BigDecimal.valueOf(Math.round(d * 100) / 100.0).stripTrailingZeros().toPlainString();
      }
      return usesDecimalComma(locale) ? s.replace('.', ',') : s;
    }
    if (v instanceof Collection<?> c) {
      List<String> out = new ArrayList<>();
      for (Object o : c) out.add(format(o, locale));
      return String.join(", ", out);
    }
    return String.valueOf(v);
  }

  private static boolean usesDecimalComma(String locale) {
    String l = locale == null ? "en" : locale;
    return l.startsWith("es") || l.startsWith("fr") || l.startsWith("de") || l.startsWith("it")
        || l.startsWith("pt") || l.startsWith("nl");
  }
}
