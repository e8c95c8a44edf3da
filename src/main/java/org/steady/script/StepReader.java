package org.steady.script;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.steady.engine.Expression;
import org.steady.engine.LocalText;
import org.steady.engine.ScriptStep;
import org.steady.engine.Severity;
import org.steady.script.ScriptDraft.StepDraft;

/** Reads one entry of {@code steps:}: the plain steps here, questions in {@link QuestionReader}. */
final class StepReader {
  static final Map<String, Set<String>> KEYS =
      Map.ofEntries(
          Map.entry("say", Set.of("id", "type", "text", "next")),
          Map.entry("choice", Set.of("id", "type", "text", "options", "save", "next", "wait")),
          Map.entry(
              "multi", Set.of("id", "type", "text", "options", "none", "done", "save", "next", "wait")),
          Map.entry(
              "scale",
              Set.of("id", "type", "text", "min", "max", "min_label", "max_label", "save", "next",
                  "wait")),
          Map.entry(
              "number", Set.of("id", "type", "text", "min", "max", "integer", "save", "next", "wait")),
          Map.entry(
              "text", Set.of("id", "type", "text", "max_length", "format", "save", "next", "wait")),
          Map.entry(
              "checklist",
              Set.of("id", "type", "text", "levels", "items", "save", "total", "next", "wait")),
          Map.entry("branch", Set.of("id", "type", "cases", "otherwise")),
          Map.entry("set", Set.of("id", "type", "values", "next")),
          Map.entry("coping", Set.of("id", "type", "tags", "next")),
          Map.entry("call", Set.of("id", "type", "script", "next")),
          Map.entry("escalate", Set.of("id", "type", "severity", "reason", "next")),
          Map.entry("end", Set.of("id", "type", "outcome", "text")));

  static final List<String> TYPES =
      List.of("say", "choice", "multi", "scale", "number", "text", "checklist", "branch", "set",
          "coping", "call", "escalate", "end");

  private final ScriptDraft draft;
  private final Texts texts;
  private final Report report;
  private final QuestionReader questions;

  StepReader(ScriptDraft draft, Texts texts) {
    this.draft = draft;
    this.texts = texts;
    this.report = draft.report;
    this.questions = new QuestionReader(this, draft, texts);
  }

  /** Reads a step; null when it has no usable id or type (already reported). */
  StepDraft read(Node node, int index) {
    Fields f = Fields.of(node, "step " + (index + 1), report);
    if (f == null || !f.require("id", "type")) {
      return null;
    }
    String id = f.string("id");
    String type = f.string("type");
    if (id == null || type == null) {
      return null;
    }
    if (!KEYS.containsKey(type)) {
      report.error(f.value("type"), "step \"" + id + "\" has unknown type \"" + type + "\""
          + Names.suggest(type, TYPES));
      return null;
    }
    Fields step = Fields.of(node, "step \"" + id + "\"", report).allow(KEYS.get(type));
    StepDraft s = new StepDraft(id, type, node);
    s.idNode = f.value("id");
    s.step = readStep(step, s);
    return s;
  }

  private ScriptStep readStep(Fields f, StepDraft s) {
    String id = s.id;
    switch (s.type) {
      case "say":
        {
          f.require("text");
          LocalText text = texts.read(f, "text");
          String next = next(f, s, "next");
          return text == null ? null : new ScriptStep.Say(id, text, next);
        }
      case "branch":
        return branch(f, s);
      case "set":
        return set(f, s);
      case "coping":
        return coping(f, s);
      case "call":
        f.require("script");
        s.calls = f.string("script");
        s.callsNode = f.value("script");
        return new ScriptStep.Call(id, s.calls, next(f, s, "next"));
      case "escalate":
        return escalate(f, s);
      case "end":
        return new ScriptStep.End(
            id, f.has("text") ? texts.read(f, "text") : null,
            f.has("outcome") ? f.string("outcome") : "completed");
      default:
        return questions.read(f, s);
    }
  }

  /** Reads a step reference and records it as an edge. */
  String next(Fields f, StepDraft s, String key) {
    String target = f.string(key);
    if (target != null) {
      s.edges.add(new ScriptDraft.Edge(target, f.value(key), false));
    }
    return target;
  }

  private ScriptStep branch(Fields f, StepDraft s) {
    f.require("cases");
    List<Node> cases = f.list("cases");
    List<ScriptStep.Case> out = new ArrayList<>();
    if (cases != null) {
      if (cases.isEmpty()) {
        report.error(f.value("cases"), "step \"" + s.id + "\" has no cases");
      }
      for (Node c : cases) {
        Fields cf = Fields.of(c, "a case of step \"" + s.id + "\"", report);
        if (cf == null) {
          continue;
        }
        cf.allow(Set.of("when", "next"));
        if (cf.require("when", "next")) {
          Expression when = draft.exprs.compile(cf.value("when"), "\"when\"");
          out.add(new ScriptStep.Case(when, next(cf, s, "next")));
        }
      }
    }
    return new ScriptStep.Branch(s.id, out, next(f, s, "otherwise"));
  }

  private ScriptStep set(Fields f, StepDraft s) {
    f.require("values");
    Node values = f.value("values");
    List<ScriptStep.Assignment> out = new ArrayList<>();
    if (values != null && !(values instanceof MappingNode)) {
      report.error(values, "\"values\" must map variable names to expressions");
    } else if (values != null) {
      for (NodeTuple t : ((MappingNode) values).getValue()) {
        String name = Fields.scalar(t.getKeyNode());
        if (name == null) {
          continue;
        }
        Vars.checkName(name, t.getKeyNode(), report);
        draft.defined.add(name);
        Expression e = draft.exprs.compile(t.getValueNode(), "the value of \"" + name + "\"");
        out.add(new ScriptStep.Assignment(name, e));
      }
    }
    return new ScriptStep.SetVars(s.id, out, next(f, s, "next"));
  }

  private ScriptStep coping(Fields f, StepDraft s) {
    f.require("tags");
    List<Node> tags = f.list("tags");
    List<String> out = new ArrayList<>();
    if (tags != null) {
      if (tags.isEmpty()) {
        report.error(f.value("tags"), "step \"" + s.id + "\" needs at least one tag");
      }
      for (Node t : tags) {
        String tag = Fields.scalar(t);
        if (tag == null) {
          report.error(t, "each tag must be a single word");
        } else {
          out.add(tag);
          s.copingTags.add(new ScriptDraft.Tag(tag, t));
        }
      }
    }
    return new ScriptStep.Coping(s.id, out, next(f, s, "next"));
  }

  private ScriptStep escalate(Fields f, StepDraft s) {
    f.require("severity", "reason");
    String severity = f.string("severity");
    Severity level = null;
    if (severity != null) {
      List<String> names = List.of("info", "concern", "urgent");
      if (names.contains(severity)) {
        level = Severity.fromWire(severity);
        s.urgent = level == Severity.URGENT;
      } else {
        report.error(f.value("severity"), "severity must be info, concern or urgent, not \""
            + severity + "\"" + Names.suggest(severity, names));
      }
    }
    LocalText reason = texts.read(f, "reason");
    String next = next(f, s, "next");
    return level == null || reason == null ? null : new ScriptStep.Escalate(s.id, level, reason, next);
  }
}
