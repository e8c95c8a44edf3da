package org.steady.script;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.steady.engine.LocalText;

/**
 * Reads localised texts: a plain string (English only) or a map of locale to template. Checks
 * that every listed locale is there, that templates parse, and that no text states a dose of its
 * own — a dose may only come from the prescriber's plan through a {@code {{variable}}}.
 */
final class Texts {
  private final Report report;
  private final List<String> locales;
  private final Exprs exprs;

  Texts(Report report, List<String> locales, Exprs exprs) {
    this.report = report;
    this.locales = locales;
    this.exprs = exprs;
  }

  /** Reads {@code fields.key} as a text; null when absent or broken (reported). */
  LocalText read(Fields fields, String key) {
    Node n = fields.value(key);
    return n == null ? null : read(n, "\"" + key + "\" of " + fields.what());
  }

  LocalText read(Node n, String what) {
    if (n instanceof ScalarNode && !Fields.isNull(n)) {
      String en = ((ScalarNode) n).getValue();
      for (String locale : locales) {
        if (!locale.equals("en")) {
          report.error(
              n,
              what + " is plain English but the script also lists \"" + locale
                  + "\": give a map of locale to text");
          break;
        }
      }
      template(en, "en", n);
      return LocalText.en(en);
    }
    if (!(n instanceof MappingNode)) {
      report.error(n, what + " must be a text or a map of locale to text");
      return null;
    }
    Map<String, String> byLocale = new LinkedHashMap<>();
    for (NodeTuple t : ((MappingNode) n).getValue()) {
      String locale = Fields.scalar(t.getKeyNode());
      String text = Fields.scalar(t.getValueNode());
      if (locale == null) {
        continue;
      }
      if (text == null) {
        report.error(t.getValueNode(), what + " in \"" + locale + "\" must be a text");
        continue;
      }
      if (!locales.contains(locale)) {
        report.warning(t.getKeyNode(), what + " has a \"" + locale + "\" text but \"" + locale
            + "\" is not in the locales");
      }
      byLocale.put(locale, text);
      template(text, locale, t.getValueNode());
    }
    boolean complete = true;
    for (String locale : locales) {
      if (!byLocale.containsKey(locale)) {
        report.error(n, what + " has no \"" + locale + "\" translation");
        complete = false;
      }
    }
    return complete && byLocale.containsKey("en") ? new LocalText(byLocale) : null;
  }

  /**
   * Checks the {{expressions}} of one template and that it carries no dose of its own (see {@link
   * Doses}), judged by the words of its {@code locale}.
   */
  void template(String text, String locale, Node node) {
    StringBuilder outside = new StringBuilder(text);
    int from = 0;
    while (true) {
      int open = text.indexOf("{{", from);
      if (open < 0) {
        break;
      }
      int close = text.indexOf("}}", open + 2);
      if (close < 0) {
        report.errorAt(node, Exprs.shift(node, open), "\"{{\" is never closed with \"}}\"");
        break;
      }
      String inner = text.substring(open + 2, close);
      int lead = inner.length() - inner.stripLeading().length();
      if (inner.isBlank()) {
        report.errorAt(node, Exprs.shift(node, open), "\"{{ }}\" has no expression inside");
      } else {
        exprs.compile(inner.strip(), node, open + 2 + lead);
      }
      for (int i = open; i < close + 2; i++) {
        outside.setCharAt(i, ' ');
      }
      from = close + 2;
    }
    Doses.find(outside, locale).ifPresent(m ->
        report.errorAt(
            node,
            Exprs.shift(node, m.start()),
            "a text may not state a dose (\"" + m.group().replaceAll("\\s+", " ")
                + "\"): doses come only from the"
                + " prescriber's plan, through a {{variable}}"));
  }
}
