package org.steady.script;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.Node;
import org.steady.engine.Expression;
import org.steady.engine.LocalText;
import org.steady.engine.Script;
import org.steady.engine.ScriptStep;
import org.steady.script.ScriptDraft.StepDraft;

/**
 * Reads button options and checklists. Red-flag options and items are recorded with the steps
 * their answers go on to, for the safety check in {@link ScriptGraph}.
 */
final class ChoiceReader {
  private final StepReader steps;
  private final QuestionReader questions;
  private final ScriptDraft draft;
  private final Texts texts;
  private final Report report;

  ChoiceReader(StepReader steps, QuestionReader questions, ScriptDraft draft, Texts texts) {
    this.steps = steps;
    this.questions = questions;
    this.draft = draft;
    this.texts = texts;
    this.report = draft.report;
  }

  ScriptStep checklist(
      Fields f, StepDraft s, LocalText text, String save, String next, Script.Wait wait) {
    f.require("levels", "items");
    String total = questions.variable(f, "total");
    List<ScriptStep.Option> levels = options(f, s, "levels", next, false);
    if (levels != null) {
      List<Node> nodes = f.list("levels");
      for (int i = 0; i < levels.size() && i < nodes.size(); i++) {
        if (!levels.get(i).value().matches("-?\\d+(\\.\\d+)?")) {
          report.error(nodes.get(i), "level \"" + levels.get(i).value() + "\" of step \"" + s.id
              + "\" must have a number as its value (it is the item's score)");
        }
      }
    }
    List<ScriptStep.ChecklistItem> items = new ArrayList<>();
    List<Node> nodes = f.list("items");
    Set<String> ids = new HashSet<>();
    for (Node n : nodes == null ? List.<Node>of() : nodes) {
      Fields item = Fields.of(n, "an item of step \"" + s.id + "\"", report);
      if (item == null) {
        continue;
      }
      item.allow(Set.of("id", "text", "when", "red_flag"));
      item.require("id", "text");
      String id = item.string("id");
      LocalText itemText = texts.read(item, "text");
      Expression when = item.has("when") ? draft.exprs.compile(item.value("when"), "\"when\"") : null;
      Boolean flag = item.has("red_flag") ? item.bool("red_flag") : Boolean.FALSE;
      if (id != null && !ids.add(id)) {
        report.error(item.value("id"), "item id \"" + id + "\" is used twice in step \"" + s.id + "\"");
      }
      if (Boolean.TRUE.equals(flag)) {
        s.redFlags.add(new ScriptDraft.RedFlag("item \"" + id + "\" of step \"" + s.id + "\"",
            item.keyNode("red_flag"), next == null ? List.of() : List.of(next)));
      }
      if (id != null && itemText != null && flag != null) {
        items.add(new ScriptStep.ChecklistItem(id, itemText, when, flag));
      }
    }
    if (nodes != null && nodes.isEmpty()) {
      report.error(f.value("items"), "step \"" + s.id + "\" has no items");
    }
    return levels == null || nodes == null || items.size() != nodes.size()
        ? null
        : new ScriptStep.Checklist(s.id, text, items, levels, save, total, next, wait);
  }

  /** Options (or levels) with labels; red-flag options are recorded for the safety check. */

  List<ScriptStep.Option> options(
      Fields f, StepDraft s, String key, String stepNext, boolean full) {
    List<Node> nodes = f.list(key);
    if (nodes == null) {
      return null;
    }
    if (nodes.isEmpty()) {
      report.error(f.value(key), "\"" + key + "\" of step \"" + s.id + "\" is empty");
      return null;
    }
    List<ScriptStep.Option> out = new ArrayList<>();
    Set<String> values = new HashSet<>();
    String noun = full ? "option" : "level";
    for (Node n : nodes) {
      Fields o = Fields.of(n, "an " + noun + " of step \"" + s.id + "\"", report);
      if (o == null) {
        continue;
      }
      o.allow(full ? Set.of("value", "label", "next", "red_flag") : Set.of("value", "label"));
      o.require("value", "label");
      String value = o.string("value");
      LocalText label = texts.read(o, "label");
      String next = full ? steps.next(o, s, "next") : null;
      Boolean flag = o.has("red_flag") ? o.bool("red_flag") : Boolean.FALSE;
      String tooLong = value == null ? null : OptionValues.tooLong(noun, value);
      if (tooLong != null) {
        report.error(o.value("value"), tooLong);
      }
      if (value != null && !values.add(value)) {
        report.error(o.value("value"), noun + " value \"" + value + "\" is used twice in step \""
            + s.id + "\"");
      }
      if (Boolean.TRUE.equals(flag)) {
        String from = next != null ? next : stepNext;
        s.redFlags.add(new ScriptDraft.RedFlag(noun + " \"" + value + "\" of step \"" + s.id + "\"",
            o.keyNode("red_flag"), from == null ? List.of() : List.of(from)));
      }
      if (value != null && label != null && flag != null) {
        out.add(new ScriptStep.Option(value, label, next, flag));
      }
    }
    return out.size() == nodes.size() ? out : null;
  }

}
