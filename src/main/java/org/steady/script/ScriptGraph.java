package org.steady.script;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.Node;
import org.steady.script.ScriptDraft.Edge;
import org.steady.script.ScriptDraft.StepDraft;

/**
 * Checks on the step graph of one script: references, waits, reachability, loops that never wait
 * for the patient, and the safety rule that every red-flag answer can reach an urgent escalation
 * (in this script or one it calls).
 */
final class ScriptGraph {
  private final ScriptDraft d;
  private final Map<String, ScriptDraft> all;
  private String defaultGiveUp;

  ScriptGraph(ScriptDraft d, Map<String, ScriptDraft> all) {
    this.d = d;
    this.all = all;
  }

  void check() {
    Report r = d.report;
    Node giveUpNode = Fields.peek(d.defaultWaitNode, "give_up");
    defaultGiveUp = Fields.scalar(giveUpNode);
    if (d.steps.isEmpty()) {
      return;
    }
    if (d.start != null && !d.steps.containsKey(d.start)) {
      r.error(d.startNode, "\"start\" names unknown step \"" + d.start + "\""
          + Names.suggest(d.start, d.steps.keySet()));
    }
    if (defaultGiveUp != null && !d.steps.containsKey(defaultGiveUp)) {
      r.error(giveUpNode, "the default wait gives up to unknown step \"" + defaultGiveUp + "\""
          + Names.suggest(defaultGiveUp, d.steps.keySet()));
    }
    boolean allKnown = d.start == null || d.steps.containsKey(d.start);
    for (StepDraft s : d.steps.values()) {
      for (Edge e : s.edges) {
        if (!d.steps.containsKey(e.target())) {
          allKnown = false;
          String verb = e.giveUp() ? "gives up to" : "goes to";
          r.error(e.at(), "step \"" + s.id + "\" " + verb + " unknown step \"" + e.target() + "\""
              + Names.suggest(e.target(), d.steps.keySet()));
        }
      }
      if (s.question && !s.ownWait && d.defaultWaitNode == null) {
        r.error(s.idNode, "question \"" + s.id + "\" has no wait: give it a \"wait\" or give the"
            + " script a default \"wait\" (how long, and where to go when nobody answers)");
      }
    }
    if (allKnown) {
      unreachable(); // after a broken reference every later step would be reported: noise
    }
    new Loops(d).check();
    redFlags();
  }

  private List<String> targets(StepDraft s, boolean withGiveUp) {
    List<String> out = new ArrayList<>();
    for (Edge e : s.edges) {
      if (withGiveUp || !e.giveUp()) {
        out.add(e.target());
      }
    }
    if (withGiveUp && s.question && !s.ownWait && defaultGiveUp != null) {
      out.add(defaultGiveUp);
    }
    return out;
  }

  private void unreachable() {
    if (d.start == null || !d.steps.containsKey(d.start)) {
      return;
    }
    Set<String> seen = reach(d, List.of(d.start), true);
    for (StepDraft s : d.steps.values()) {
      if (!seen.contains(s.id)) {
        d.report.error(s.idNode, "step \"" + s.id + "\" can never be reached from the start step \""
            + d.start + "\"");
      }
    }
  }

  private Set<String> reach(ScriptDraft script, List<String> from, boolean withGiveUp) {
    Set<String> seen = new HashSet<>();
    Deque<String> todo = new ArrayDeque<>(from);
    while (!todo.isEmpty()) {
      String id = todo.pop();
      StepDraft s = script.steps.get(id);
      if (s != null && seen.add(id)) {
        todo.addAll(script == d ? targets(s, withGiveUp) : s.flowTargets());
      }
    }
    return seen;
  }

  private void redFlags() {
    for (StepDraft s : d.steps.values()) {
      for (ScriptDraft.RedFlag flag : s.redFlags) {
        if (!escalates(d, flag.from(), new HashSet<>())) {
          d.report.error(flag.at(), flag.what() + " is a red flag, but no path from it raises an"
              + " urgent escalation");
        }
      }
    }
  }

  /** True when some path from {@code from} reaches an urgent escalate step, following calls. */
  private boolean escalates(ScriptDraft script, List<String> from, Set<String> calledScripts) {
    for (String id : reach(script, from, false)) {
      StepDraft s = script.steps.get(id);
      if (s.urgent) {
        return true;
      }
      ScriptDraft callee = s.calls == null ? null : all.get(s.calls);
      if (callee != null && callee.start != null && calledScripts.add(callee.id)
          && escalates(callee, List.of(callee.start), calledScripts)) {
        return true;
      }
    }
    return false;
  }
}
