package org.steady.script;

import java.util.List;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.Node;
import org.steady.script.ScriptDraft.StepDraft;

/** Reads a {@code kind: conversation} file into a {@link ScriptDraft}. */
final class ScriptReader {
  static final Set<String> KEYS =
      Set.of("kind", "id", "title", "command", "locales", "sources", "review", "wait", "start",
          "steps");

  private ScriptReader() {}

  static ScriptDraft read(Fields f, ScriptDraft d, boolean requireReviewed) {
    Report report = d.report;
    f.allow(KEYS);
    f.require("id", "sources", "review", "steps");
    d.id = f.string("id");
    d.idNode = f.value("id");
    if (d.id != null && !d.id.equals(d.fileStem)) {
      report.error(d.idNode, "id \"" + d.id + "\" does not match the file name \"" + d.fileStem
          + ".yaml\"");
    }
    d.title = f.has("title") ? f.string("title") : d.id;
    if (f.has("command")) {
      d.command = f.string("command");
      d.commandNode = f.value("command");
      if (d.command != null && !d.command.matches("[a-z0-9_]{1,32}")) {
        report.error(d.commandNode, "command \"" + d.command + "\" must be lower-case letters,"
            + " digits or _ (no slash), up to 32 characters");
      }
    }
    d.locales = Headers.locales(f);
    d.sources = Headers.sources(f);
    d.review = Headers.review(f, "script \"" + (d.id == null ? d.fileStem : d.id) + "\"",
        requireReviewed);
    Texts texts = new Texts(report, d.locales, d.exprs);
    if (f.has("wait")) {
      d.defaultWaitNode = f.value("wait");
      d.defaultWait = WaitReader.read(d.defaultWaitNode, "the default \"wait\"", texts, report);
    }
    readSteps(f, d, texts);
    if (f.has("start")) {
      d.start = f.string("start");
      d.startNode = f.value("start");
    } else if (!d.steps.isEmpty()) {
      d.start = d.steps.keySet().iterator().next();
    }
    return d;
  }

  private static void readSteps(Fields f, ScriptDraft d, Texts texts) {
    List<Node> steps = f.list("steps");
    if (steps == null) {
      return;
    }
    if (steps.isEmpty()) {
      d.report.error(f.value("steps"), "\"steps\" is empty: a conversation needs at least one step");
    }
    StepReader reader = new StepReader(d, texts);
    for (int i = 0; i < steps.size(); i++) {
      StepDraft s = reader.read(steps.get(i), i);
      if (s == null) {
        continue;
      }
      if (d.steps.containsKey(s.id)) {
        d.report.error(s.idNode,
            "step id \"" + s.id + "\" is used twice");
      } else {
        d.steps.put(s.id, s);
      }
    }
  }
}
