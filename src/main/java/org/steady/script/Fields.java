package org.steady.script;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Typed reading of one YAML mapping: unknown keys (with a suggestion), missing keys and wrong
 * types are reported at the offending key or value; getters return null after reporting.
 */
final class Fields {
  private final MappingNode map;
  private final String what;
  private final Report report;
  private final Map<String, NodeTuple> byKey = new LinkedHashMap<>();

  private Fields(MappingNode map, String what, Report report) {
    this.map = map;
    this.what = what;
    this.report = report;
    for (NodeTuple t : map.getValue()) {
      if (t.getKeyNode() instanceof ScalarNode) {
        byKey.putIfAbsent(((ScalarNode) t.getKeyNode()).getValue(), t);
      } else {
        report.error(t.getKeyNode(), what + " has a key that is not a plain name");
      }
    }
  }

  /** Reads {@code node} as a mapping, or reports that it is not one and returns null. */
  static Fields of(Node node, String what, Report report) {
    if (node instanceof MappingNode) {
      return new Fields((MappingNode) node, what, report);
    }
    report.error(node, what + " must be a mapping of keys to values");
    return null;
  }

  Node node() {
    return map;
  }

  String what() {
    return what;
  }

  Report report() {
    return report;
  }

  /** Reports every key not in {@code allowed}. */
  Fields allow(Set<String> allowed) {
    for (Map.Entry<String, NodeTuple> e : byKey.entrySet()) {
      if (!allowed.contains(e.getKey())) {
        report.error(
            e.getValue().getKeyNode(),
            what + " has unknown key \"" + e.getKey() + "\"" + Names.suggest(e.getKey(), allowed));
      }
    }
    return this;
  }

  boolean has(String key) {
    return byKey.containsKey(key);
  }

  /** Reports each missing key at the start of the mapping; true when all are present. */
  boolean require(String... keys) {
    boolean all = true;
    for (String k : keys) {
      if (!byKey.containsKey(k)) {
        report.error(map, what + " is missing \"" + k + "\"");
        all = false;
      }
    }
    return all;
  }

  Node value(String key) {
    NodeTuple t = byKey.get(key);
    return t == null ? null : t.getValueNode();
  }

  Node keyNode(String key) {
    NodeTuple t = byKey.get(key);
    return t == null ? null : t.getKeyNode();
  }

  /** A scalar as text (numbers and booleans too); null when absent or reported. */
  String string(String key) {
    Node n = value(key);
    if (n == null) {
      return null;
    }
    if (n instanceof ScalarNode && !isNull(n)) {
      return ((ScalarNode) n).getValue();
    }
    report.error(n, "\"" + key + "\" " + (isNull(n) ? "is empty" : "must be a single value"));
    return null;
  }

  Long integer(String key) {
    Node n = value(key);
    if (n == null) {
      return null;
    }
    if (n instanceof ScalarNode && Tag.INT.equals(n.getTag())) {
      try {
        return Long.parseLong(((ScalarNode) n).getValue().replace("_", "").replace("+", ""));
      } catch (NumberFormatException e) {
        // fall through to the report below (hex, octal or out of range)
      }
    }
    report.error(n, "\"" + key + "\" must be a whole number");
    return null;
  }

  Double number(String key) {
    Node n = value(key);
    if (n == null) {
      return null;
    }
    if (n instanceof ScalarNode && (Tag.INT.equals(n.getTag()) || Tag.FLOAT.equals(n.getTag()))) {
      try {
        double d = Double.parseDouble(((ScalarNode) n).getValue().replace("_", ""));
        if (Double.isFinite(d)) {
          return d;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
    }
    report.error(n, "\"" + key + "\" must be a number");
    return null;
  }

  Boolean bool(String key) {
    Node n = value(key);
    if (n == null) {
      return null;
    }
    if (n instanceof ScalarNode && Tag.BOOL.equals(n.getTag())) {
      return Boolean.parseBoolean(((ScalarNode) n).getValue().toLowerCase(java.util.Locale.ROOT));
    }
    report.error(n, "\"" + key + "\" must be true or false");
    return null;
  }

  /** A list node, or null (reported when present but not a list). */
  List<Node> list(String key) {
    Node n = value(key);
    if (n == null) {
      return null;
    }
    if (n instanceof SequenceNode) {
      return ((SequenceNode) n).getValue();
    }
    report.error(n, "\"" + key + "\" must be a list");
    return null;
  }

  /** A list of single values; non-scalar items are reported and skipped. */
  List<String> strings(String key) {
    List<Node> items = list(key);
    if (items == null) {
      return null;
    }
    List<String> out = new ArrayList<>();
    for (Node item : items) {
      if (item instanceof ScalarNode && !isNull(item)) {
        out.add(((ScalarNode) item).getValue());
      } else {
        report.error(item, "each item of \"" + key + "\" must be a single value");
      }
    }
    return out;
  }

  /** The value of {@code key} in {@code node} if it is a mapping, without reporting anything. */
  static Node peek(Node node, String key) {
    if (node instanceof MappingNode) {
      for (NodeTuple t : ((MappingNode) node).getValue()) {
        if (key.equals(scalar(t.getKeyNode()))) {
          return t.getValueNode();
        }
      }
    }
    return null;
  }

  static boolean isNull(Node n) {
    return n instanceof ScalarNode && Tag.NULL.equals(n.getTag());
  }

  static String scalar(Node n) {
    return n instanceof ScalarNode && !isNull(n) ? ((ScalarNode) n).getValue() : null;
  }
}
