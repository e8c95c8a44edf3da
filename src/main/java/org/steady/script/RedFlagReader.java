package org.steady.script;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.Node;
import org.steady.engine.RedFlags;

/** Reads a {@code kind: red-flags} file: one locale's list of categories and patterns. */
final class RedFlagReader {
  static final Set<String> KEYS =
      Set.of("kind", "locale", "sources", "review", "negations", "categories");

  private RedFlagReader() {}

  static RedFlags.RedFlagList read(Fields f, Report report, String fileStem, boolean requireReviewed) {
    f.allow(KEYS);
    f.require("locale", "sources", "review", "categories");
    String locale = f.string("locale");
    if (locale != null && !locale.equals(fileStem)) {
      report.error(f.value("locale"), "locale \"" + locale + "\" does not match the file name \""
          + fileStem + ".yaml\"");
    }
    Headers.sources(f);
    Headers.review(f, "the red-flag list \"" + (locale == null ? fileStem : locale) + "\"",
        requireReviewed);
    List<String> negations = f.has("negations") ? phrases(f, "negations") : List.of();
    List<RedFlags.Category> categories = new ArrayList<>();
    List<Node> nodes = f.list("categories");
    if (nodes != null && nodes.isEmpty()) {
      report.error(f.value("categories"), "\"categories\" is empty");
    }
    Set<String> ids = new HashSet<>();
    for (Node n : nodes == null ? List.<Node>of() : nodes) {
      Fields c = Fields.of(n, "a category", report);
      if (c == null) {
        continue;
      }
      c.allow(Set.of("id", "label", "patterns", "indirect"));
      c.require("id", "label", "patterns");
      String id = c.string("id");
      if (id != null && !ids.add(id)) {
        report.error(c.value("id"), "category id \"" + id + "\" is used twice");
      }
      String label = c.string("label");
      List<String> patterns = phrases(c, "patterns");
      if (patterns != null && patterns.isEmpty()) {
        report.error(c.value("patterns"), "category \"" + id + "\" has no patterns");
      }
      List<String> indirect = c.has("indirect") ? phrases(c, "indirect") : List.of();
      if (id != null && label != null && patterns != null && indirect != null) {
        categories.add(new RedFlags.Category(id, label, patterns, indirect));
      }
    }
    return locale == null || negations == null
        ? null
        : new RedFlags.RedFlagList(locale, negations, categories);
  }

  /** A list of phrases; blank ones and a lone "*" (which would match everything) are refused. */
  private static List<String> phrases(Fields f, String key) {
    List<String> out = f.strings(key);
    if (out == null) {
      return null;
    }
    List<Node> nodes = f.list(key);
    for (int i = 0; i < out.size() && i < nodes.size(); i++) {
      String p = out.get(i).strip();
      if (p.isEmpty() || p.replace("*", "").isBlank()) {
        f.report().error(nodes.get(i), "a phrase in \"" + key + "\" is empty or only \"*\"");
      }
    }
    return out;
  }
}
