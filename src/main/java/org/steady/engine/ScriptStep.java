package org.steady.engine;

import java.util.List;
import java.util.Objects;

/**
 * The step kinds of the script language, one record each; YAML {@code type:} gives the kind.
 * {@code next} is the following step's id; null means the script ends there. {@code save} is the
 * variable an answer goes into ({@code patient.<field>} updates the patient's profile).
 * Questions ({@link Question}) wait for the patient; {@code wait} null means the script's
 * default wait.
 */
public sealed interface ScriptStep {

  String id();

  /** Steps that wait for the patient. */
  sealed interface Question extends ScriptStep {
    LocalText text();

    String save();

    Script.Wait waitSpec();
  }

  /** {@code type: say} — send a text and go on. */
  record Say(String id, LocalText text, String next) implements ScriptStep {}

  /**
   * A button choice. {@code redFlag} options must lead to an urgent escalation (checked by the
   * validator); an option's own {@code next} overrides the step's.
   */
  record Option(String value, LocalText label, String next, boolean redFlag) {
    public Option {
      Objects.requireNonNull(value, "value");
      Objects.requireNonNull(label, "label");
    }
  }

  /** {@code type: choice} — one of several buttons. */
  record Choice(
      String id, LocalText text, List<Option> options, String save, String next, Script.Wait waitSpec)
      implements Question {
    public Choice {
      options = List.copyOf(options);
    }
  }

  /**
   * {@code type: multi} — tick any number of options, then Done. An option with
   * {@code exclusive: true} semantics ("None of these") is modelled by {@code noneValue}: ticking
   * it clears the others. Saves a list of values.
   */
  record Multi(
      String id,
      LocalText text,
      List<Option> options,
      LocalText doneLabel,
      String noneValue,
      String save,
      String next,
      Script.Wait waitSpec)
      implements Question {
    public Multi {
      options = List.copyOf(options);
    }
  }

  /** {@code type: number} — a number between {@code min} and {@code max}. */
  record NumberAsk(
      String id,
      LocalText text,
      double min,
      double max,
      boolean integer,
      String save,
      String next,
      Script.Wait waitSpec)
      implements Question {}

  /** {@code type: scale} — a whole number on a scale, 0–10 by default, shown as buttons. */
  record Scale(
      String id,
      LocalText text,
      int min,
      int max,
      LocalText minLabel,
      LocalText maxLabel,
      String save,
      String next,
      Script.Wait waitSpec)
      implements Question {}

  /** What a free-text answer must look like; the engine normalises it. */
  enum TextFormat {
    /** anything up to {@code maxLength} */
    ANY,
    /** an IANA zone, a city or a UTC offset; saved as an IANA zone id */
    TIMEZONE,
    /** a time of day ("8:30", "8pm"); saved as HH:mm */
    TIME
  }

  /** {@code type: text} — free text, up to {@code maxLength} characters. */
  record FreeText(
      String id,
      LocalText text,
      int maxLength,
      TextFormat format,
      String save,
      String next,
      Script.Wait waitSpec)
      implements Question {}

  /** One item of a checklist; asked only when {@code when} (may be null) is true. */
  record ChecklistItem(String id, LocalText text, Expression when, boolean redFlag) {}

  /**
   * {@code type: checklist} — scored items asked one by one with the same {@code levels} buttons
   * (e.g. 0 none, 1 moderate, 2 severe). Saves a map item id → score into {@code save} and the
   * sum into {@code total}. A {@code redFlag} item answered with the highest level must lead to
   * an urgent escalation (checked by the validator).
   */
  record Checklist(
      String id,
      LocalText text,
      List<ChecklistItem> items,
      List<Option> levels,
      String save,
      String total,
      String next,
      Script.Wait waitSpec)
      implements Question {
    public Checklist {
      items = List.copyOf(items);
      levels = List.copyOf(levels);
    }
  }

  /** One arm of a branch: go to {@code next} when {@code when} is true. */
  record Case(Expression when, String next) {}

  /** {@code type: branch} — the first case whose condition holds, else {@code otherwise}. */
  record Branch(String id, List<Case> cases, String otherwise) implements ScriptStep {
    public Branch {
      cases = List.copyOf(cases);
    }
  }

  /** One computed variable. */
  record Assignment(String variable, Expression value) {}

  /** {@code type: set} — compute variables (scores) in order. */
  record SetVars(String id, List<Assignment> assignments, String next) implements ScriptStep {
    public SetVars {
      assignments = List.copyOf(assignments);
    }
  }

  /** {@code type: coping} — offer a prompt from the coping library with one of these tags. */
  record Coping(String id, List<String> tags, String next) implements ScriptStep {
    public Coping {
      tags = List.copyOf(tags);
    }
  }

  /** {@code type: call} — run another script, then continue at {@code next}. */
  record Call(String id, String script, String next) implements ScriptStep {}

  /** {@code type: escalate} — raise an escalation; {@code reason} is a template. */
  record Escalate(String id, Severity severity, LocalText reason, String next)
      implements ScriptStep {}

  /** {@code type: end} — finish this script run with an outcome; optional closing text. */
  record End(String id, LocalText text, String outcome) implements ScriptStep {}
}
