package org.steady.script;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.steady.script.ScriptDraft.StepDraft;

/**
 * Finds loops a run could go round forever without asking the patient anything: cycles of steps
 * that contain no question (strongly connected components of the graph without the questions).
 */
final class Loops {
  private final ScriptDraft d;
  private final Map<String, Integer> index = new HashMap<>();
  private final Map<String, Integer> low = new HashMap<>();
  private final List<String> stack = new ArrayList<>();
  private int counter;

  Loops(ScriptDraft d) {
    this.d = d;
  }

  void check() {
    for (StepDraft s : d.steps.values()) {
      if (!s.question && !index.containsKey(s.id)) {
        connect(s.id);
      }
    }
  }

  private List<String> next(String id) {
    List<String> out = new ArrayList<>();
    for (String t : d.steps.get(id).flowTargets()) {
      StepDraft target = d.steps.get(t);
      if (target != null && !target.question) {
        out.add(t);
      }
    }
    return out;
  }

  /** Tarjan's algorithm; the graph is small (one script), so recursion depth is fine. */
  private void connect(String id) {
    index.put(id, counter);
    low.put(id, counter);
    counter++;
    stack.add(id);
    for (String t : next(id)) {
      if (!index.containsKey(t)) {
        connect(t);
        low.put(id, Math.min(low.get(id), low.get(t)));
      } else if (stack.contains(t)) {
        low.put(id, Math.min(low.get(id), index.get(t)));
      }
    }
    if (low.get(id).equals(index.get(id))) {
      List<String> component = new ArrayList<>();
      String t;
      do {
        t = stack.remove(stack.size() - 1);
        component.add(t);
      } while (!t.equals(id));
      report(component);
    }
  }

  private static String names(List<String> ids) {
    List<String> shown = ids.size() > 6 ? ids.subList(0, 5) : ids;
    String list = "\"" + String.join("\", \"", shown) + "\"";
    return ids.size() > shown.size() ? list + " and " + (ids.size() - shown.size()) + " more" : list;
  }

  private void report(List<String> component) {
    if (component.size() == 1 && !next(component.get(0)).contains(component.get(0))) {
      return;
    }
    List<String> inFileOrder = new ArrayList<>();
    for (String id : d.steps.keySet()) {
      if (component.contains(id)) {
        inFileOrder.add(id);
      }
    }
    StepDraft first = d.steps.get(inFileOrder.get(0));
    String message =
        inFileOrder.size() == 1
            ? "step \"" + first.id + "\" goes back to itself without waiting for the patient"
            : "steps " + names(inFileOrder) + " form a loop that never waits for the patient"
                + " (add a question to the loop)";
    d.report.error(first.idNode, message);
  }
}
