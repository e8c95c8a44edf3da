package org.steady.script;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Variable names and the undefined-variable check. A variable is defined when the script gives
 * it a value anywhere ({@code save}, {@code total}, {@code set}) — wherever that is, since the
 * order of a run depends on answers — or when it is a built-in: {@code patient.*}, {@code today},
 * {@code now_hour}.
 */
final class Vars {
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*");
  static final Set<String> BUILT_IN = Set.of("today", "now_hour", "patient");

  private Vars() {}

  /** Reports a name that is not a plain (dotted) variable name. */
  static boolean checkName(String name, Node at, Report report) {
    if (NAME.matcher(name).matches()) {
      return true;
    }
    report.error(at, "\"" + name + "\" is not a variable name: use letters, digits and _ (and . for"
        + " patient.<field>)");
    return false;
  }

  static void checkUndefined(ScriptDraft draft) {
    checkUndefined(draft.exprs, draft.defined, draft.report);
  }

  /** Reports each variable an expression reads that is neither {@code defined} nor built in. */
  static void checkUndefined(Exprs exprs, List<String> defined, Report report) {
    Set<String> roots = new HashSet<>(BUILT_IN);
    for (String d : defined) {
      roots.add(d);
      roots.add(root(d));
    }
    List<String> known = new ArrayList<>(roots);
    for (Exprs.Use use : exprs.uses()) {
      for (String v : use.variables()) {
        if (roots.contains(v) || roots.contains(root(v))) {
          continue;
        }
        int at = findName(use.source(), v);
        report.errorAt(
            use.node(),
            Exprs.shift(use.node(), use.offset() + Math.max(0, at)),
            "\"" + v + "\" is not defined: nothing saves or sets it" + Names.suggest(v, known));
      }
    }
  }

  static String root(String name) {
    int dot = name.indexOf('.');
    return dot < 0 ? name : name.substring(0, dot);
  }

  /** Offset of {@code name} as a whole word in {@code source}, or -1. */
  private static int findName(String source, String name) {
    int from = 0;
    while (true) {
      int i = source.indexOf(name, from);
      if (i < 0) {
        return -1;
      }
      boolean startOk = i == 0 || !isNameChar(source.charAt(i - 1));
      int end = i + name.length();
      boolean endOk = end >= source.length() || !isNameChar(source.charAt(end));
      if (startOk && endOk) {
        return i;
      }
      from = i + 1;
    }
  }

  private static boolean isNameChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '.';
  }
}
