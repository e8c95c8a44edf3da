package org.steady.script;

import java.util.List;
import org.snakeyaml.engine.v2.nodes.Node;
import org.steady.engine.LocalText;
import org.steady.engine.Script;
import org.steady.engine.ScriptStep;
import org.steady.script.ScriptDraft.StepDraft;

/** Reads the steps that wait for the patient: choice, multi, scale, number, text, checklist. */
final class QuestionReader {
  private final StepReader steps;
  private final ScriptDraft draft;
  private final Texts texts;
  private final Report report;
  private final ChoiceReader choices;

  QuestionReader(StepReader steps, ScriptDraft draft, Texts texts) {
    this.steps = steps;
    this.draft = draft;
    this.texts = texts;
    this.report = draft.report;
    this.choices = new ChoiceReader(steps, this, draft, texts);
  }

  ScriptStep read(Fields f, StepDraft s) {
    s.question = true;
    f.require("text");
    LocalText text = texts.read(f, "text");
    String save = variable(f, "save");
    String next = steps.next(f, s, "next");
    Script.Wait wait = null;
    if (f.has("wait")) {
      s.ownWait = true;
      wait = WaitReader.read(f.value("wait"), "the wait of step \"" + s.id + "\"", texts, report);
      Node giveUp = Fields.peek(f.value("wait"), "give_up");
      if (Fields.scalar(giveUp) != null) {
        s.edges.add(new ScriptDraft.Edge(Fields.scalar(giveUp), giveUp, true));
      }
    }
    ScriptStep built = build(f, s, text, save, next, wait);
    return text == null ? null : built;
  }

  private ScriptStep build(
      Fields f, StepDraft s, LocalText text, String save, String next, Script.Wait wait) {
    String id = s.id;
    switch (s.type) {
      case "choice":
        {
          f.require("options");
          List<ScriptStep.Option> options = choices.options(f, s, "options", next, true);
          return options == null ? null : new ScriptStep.Choice(id, text, options, save, next, wait);
        }
      case "multi":
        return multi(f, s, text, save, next, wait);
      case "scale":
        return scale(f, s, text, save, next, wait);
      case "number":
        return number(f, s, text, save, next, wait);
      case "text":
        return freeText(f, s, text, save, next, wait);
      default:
        return choices.checklist(f, s, text, save, next, wait);
    }
  }

  private ScriptStep multi(
      Fields f, StepDraft s, LocalText text, String save, String next, Script.Wait wait) {
    f.require("options");
    List<ScriptStep.Option> options = choices.options(f, s, "options", next, true);
    String none = f.string("none");
    if (none != null && options != null
        && options.stream().noneMatch(o -> o.value().equals(none))) {
      report.error(f.value("none"), "\"none\" of step \"" + s.id + "\" is \"" + none
          + "\", which is not one of its option values");
    }
    LocalText done = f.has("done") ? texts.read(f, "done") : LocalText.en("Done");
    return options == null || done == null
        ? null
        : new ScriptStep.Multi(s.id, text, options, done, none, save, next, wait);
  }

  private ScriptStep scale(
      Fields f, StepDraft s, LocalText text, String save, String next, Script.Wait wait) {
    Long min = f.has("min") ? f.integer("min") : Long.valueOf(0);
    Long max = f.has("max") ? f.integer("max") : Long.valueOf(10);
    LocalText minLabel = f.has("min_label") ? texts.read(f, "min_label") : null;
    LocalText maxLabel = f.has("max_label") ? texts.read(f, "max_label") : null;
    if (min == null || max == null) {
      return null;
    }
    Node at = f.has("max") ? f.value("max") : f.node();
    if (min >= max) {
      report.error(at, "the scale of step \"" + s.id + "\" needs \"min\" (" + min
          + ") below \"max\" (" + max + ")");
      return null;
    }
    if (max - min > 10) {
      report.error(at, "the scale of step \"" + s.id + "\" has " + (max - min + 1)
          + " points; at most 11 fit as buttons (for example 0 to 10)");
      return null;
    }
    return new ScriptStep.Scale(
        s.id, text, min.intValue(), max.intValue(), minLabel, maxLabel, save, next, wait);
  }

  private ScriptStep number(
      Fields f, StepDraft s, LocalText text, String save, String next, Script.Wait wait) {
    f.require("min", "max");
    Double min = f.number("min");
    Double max = f.number("max");
    Boolean integer = f.has("integer") ? f.bool("integer") : Boolean.TRUE;
    if (min == null || max == null || integer == null) {
      return null;
    }
    if (min >= max) {
      report.error(f.value("max"), "step \"" + s.id + "\" needs \"min\" below \"max\"");
      return null;
    }
    return new ScriptStep.NumberAsk(s.id, text, min, max, integer, save, next, wait);
  }

  private ScriptStep freeText(
      Fields f, StepDraft s, LocalText text, String save, String next, Script.Wait wait) {
    Long max = f.has("max_length") ? f.integer("max_length") : Long.valueOf(1000);
    if (max != null && (max < 1 || max > 4000)) {
      report.error(f.value("max_length"), "\"max_length\" must be between 1 and 4000, not " + max);
      max = null;
    }
    String format = f.has("format") ? f.string("format") : "any";
    ScriptStep.TextFormat tf = null;
    List<String> formats = List.of("any", "timezone", "time");
    if (format != null && formats.contains(format)) {
      tf = ScriptStep.TextFormat.valueOf(format.toUpperCase(java.util.Locale.ROOT));
    } else if (format != null) {
      report.error(f.value("format"), "\"format\" must be any, timezone or time, not \"" + format
          + "\"" + Names.suggest(format, formats));
    }
    return max == null || tf == null
        ? null
        : new ScriptStep.FreeText(s.id, text, max.intValue(), tf, save, next, wait);
  }

  String variable(Fields f, String key) {
    String name = f.string(key);
    if (name == null || !Vars.checkName(name, f.value(key), report)) {
      return null;
    }
    draft.defined.add(name);
    return name;
  }
}
