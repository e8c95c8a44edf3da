package org.steady.script;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Parses one file into YAML nodes that keep their positions. Syntax errors are reported at the
 * parser's mark, in plain words. Compose does not check duplicate keys (only construction does),
 * so this walks the tree once and reports each repeated key where it repeats.
 */
final class YamlSource {
  private YamlSource() {}

  static Optional<Node> compose(String text, Report report) {
    LoadSettings settings =
        LoadSettings.builder()
            .setLabel(report.path())
            .setAllowRecursiveKeys(false)
            .setMaxAliasesForCollections(50)
            .build();
    Node root;
    try {
      root = new Compose(settings).composeString(text).orElse(null);
    } catch (MarkedYamlEngineException e) {
      Mark mark = e.getProblemMark().or(e::getContextMark).orElse(null);
      if (unclosed(e)) {
        mark = e.getContextMark().orElse(mark);
      }
      report.errorAt(
          mark == null ? 0 : mark.getLine(), mark == null ? 0 : mark.getColumn(), syntax(e));
      return Optional.empty();
    } catch (YamlEngineException | IllegalArgumentException | IllegalStateException e) {
      String message = plain(e.getMessage());
      report.errorAt(0, 0, message.startsWith("Number of aliases")
          ? "too many aliases (*name) in one file: at most 50"
          : "this file is not readable YAML: " + message);
      return Optional.empty();
    } catch (StackOverflowError e) {
      report.errorAt(0, 0, "this file nests lists or mappings too deeply to read");
      return Optional.empty();
    }
    if (root == null) {
      report.errorAt(0, 0, "the file is empty");
      return Optional.empty();
    }
    try {
      checkDuplicates(root, report, new IdentityHashMap<>());
    } catch (StackOverflowError e) {
      report.errorAt(0, 0, "this file nests lists or mappings too deeply to read");
      return Optional.empty();
    }
    return Optional.of(root);
  }

  private static String syntax(MarkedYamlEngineException e) {
    String problem = plain(e.getProblem());
    String context = plain(e.getContext());
    if (problem.contains("'\\t'") || problem.contains("\t") || problem.contains("\\t")) {
      return "YAML syntax: a tab character here: indent with spaces, never tabs";
    }
    if (problem.startsWith("mapping values are not allowed here")) {
      return "YAML syntax: a colon that starts a value is not allowed here"
          + " (put text containing \": \" in quotes)";
    }
    if (unclosed(e)) {
      return "YAML syntax: this quoted text is never closed (its closing quote is missing)";
    }
    if (problem.startsWith("but found another document")) {
      return "YAML syntax: a second document (---) in one file: keep one script per file";
    }
    String where = context.isEmpty() ? "" : " (" + context + ")";
    return "YAML syntax: " + problem + where;
  }

  private static boolean unclosed(MarkedYamlEngineException e) {
    return plain(e.getContext()).startsWith("while scanning a quoted scalar")
        && plain(e.getProblem()).startsWith("found unexpected end of stream");
  }

  private static String plain(String s) {
    if (s == null) {
      return "";
    }
    String oneLine = s.replace('\n', ' ').trim();
    return oneLine.length() > 200 ? oneLine.substring(0, 200) + "..." : oneLine;
  }

  private static void checkDuplicates(Node node, Report report, Map<Node, Boolean> seen) {
    if (seen.put(node, Boolean.TRUE) != null) {
      return;
    }
    if (node instanceof MappingNode) {
      Map<String, Node> keys = new HashMap<>();
      for (NodeTuple t : ((MappingNode) node).getValue()) {
        if (t.getKeyNode() instanceof ScalarNode) {
          String key = ((ScalarNode) t.getKeyNode()).getValue();
          Node first = keys.putIfAbsent(key, t.getKeyNode());
          if (first != null) {
            int line = first.getStartMark().map(Mark::getLine).orElse(0) + 1;
            report.error(t.getKeyNode(), "duplicate key \"" + key + "\" (first given on line " + line + ")");
          }
        }
        checkDuplicates(t.getValueNode(), report, seen);
      }
    } else if (node instanceof SequenceNode) {
      for (Node child : ((SequenceNode) node).getValue()) {
        checkDuplicates(child, report, seen);
      }
    }
  }
}
