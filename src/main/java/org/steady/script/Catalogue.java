package org.steady.script;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.Node;
import org.steady.engine.CopingLibrary;
import org.steady.engine.RedFlags;
import org.steady.engine.Script;

/**
 * The files of one load, gathered by kind; {@link #finish} runs the checks that span files
 * (duplicate ids and commands, calls, coping tags, red-flag paths through called scripts) and
 * builds the catalog of the valid ones.
 */
final class Catalogue {
  private static final List<String> KINDS = List.of("conversation", "coping-prompts", "red-flags");

  private final boolean requireReviewed;
  private final List<Report> reports = new ArrayList<>();
  private final Map<String, ScriptDraft> scripts = new LinkedHashMap<>();
  private final List<ScriptDraft> drafts = new ArrayList<>();
  private final Map<Report, CopingReader.Read> coping = new LinkedHashMap<>();
  private final Map<Report, RedFlags.RedFlagList> flags = new LinkedHashMap<>();
  private final Map<Report, String> flagStems = new LinkedHashMap<>();
  private final Set<String> unreadableScripts = new HashSet<>();
  private final Set<String> unreadableLocales = new HashSet<>();
  private boolean unreadableCoping;

  Catalogue(boolean requireReviewed) {
    this.requireReviewed = requireReviewed;
  }

  Report report(String path) {
    return report(path, path);
  }

  Report report(String path, String relative) {
    Report r = new Report(path, relative);
    reports.add(r);
    return r;
  }

  void add(Node root, Report report, String stem, String version) {
    Fields f = Fields.of(root, "the file", report);
    if (f == null) {
      return;
    }
    String kind = f.has("kind") ? f.string("kind") : "conversation";
    if (kind == null) {
      return;
    }
    if (kind.equals("conversation")) {
      ScriptDraft d = new ScriptDraft(report.path(), stem, report);
      d.version = version;
      ScriptReader.read(f, d, requireReviewed);
      drafts.add(d);
      if (d.id != null && scripts.containsKey(d.id)) {
        report.error(d.idNode, "script id \"" + d.id + "\" is already used by "
            + scripts.get(d.id).report.relative());
      } else if (d.id != null) {
        scripts.put(d.id, d);
      }
    } else if (kind.equals("coping-prompts")) {
      if (!coping.isEmpty()) {
        report.error(f.value("kind"), "a second coping-prompts file: keep all prompts in one file ("
            + coping.keySet().iterator().next().relative() + ")");
      }
      coping.put(report, CopingReader.read(f, report, requireReviewed));
    } else if (kind.equals("red-flags")) {
      RedFlags.RedFlagList list = RedFlagReader.read(f, report, stem, requireReviewed);
      flagStems.put(report, stem);
      for (Map.Entry<Report, RedFlags.RedFlagList> e : flags.entrySet()) {
        if (list != null && e.getValue() != null && e.getValue().locale().equals(list.locale())) {
          report.error(f.value("locale"), "a second red-flag list for locale \"" + list.locale()
              + "\" (" + e.getKey().relative() + ")");
        }
      }
      flags.put(report, list);
    } else {
      report.error(f.value("kind"), "unknown kind \"" + kind + "\": use conversation,"
          + " coping-prompts or red-flags" + Names.suggest(kind, KINDS));
    }
  }

  /**
   * A file that is not even YAML: guess its kind from a {@code kind:} line so that applying this
   * load keeps the previous version of whatever it was serving.
   */
  void unreadable(String text, String stem) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("(?m)^kind:\\s*[\"']?([a-z-]+)").matcher(text);
    String kind = m.find() ? m.group(1) : "conversation";
    if (kind.equals("coping-prompts")) {
      unreadableCoping = true;
    } else if (kind.equals("red-flags")) {
      unreadableLocales.add(stem);
    } else {
      unreadableScripts.add(stem);
    }
  }

  LoadResult finish() {
    crossChecks();
    List<Script> valid = new ArrayList<>();
    Set<String> refusedScripts = new HashSet<>(unreadableScripts);
    for (ScriptDraft d : drafts) {
      Script s = d.build();
      if (s != null) {
        valid.add(s);
      } else {
        refusedScripts.add(d.id != null ? d.id : d.fileStem);
      }
    }
    CopingLibrary library = null;
    boolean copingRefused = unreadableCoping;
    for (Map.Entry<Report, CopingReader.Read> e : coping.entrySet()) {
      if (e.getKey().hasErrors()) {
        copingRefused = true;
      } else if (library == null) {
        library = new CopingLibrary(e.getValue().prompts());
      }
    }
    List<RedFlags.RedFlagList> lists = new ArrayList<>();
    Set<String> refusedLocales = new HashSet<>(unreadableLocales);
    for (Map.Entry<Report, RedFlags.RedFlagList> e : flags.entrySet()) {
      if (e.getKey().hasErrors() || e.getValue() == null) {
        refusedLocales.add(e.getValue() != null ? e.getValue().locale() : flagStems.get(e.getKey()));
      } else {
        lists.add(e.getValue());
      }
    }
    LiveCatalog.Refused refused =
        new LiveCatalog.Refused(refusedScripts, copingRefused, refusedLocales);
    List<Problem> problems = new ArrayList<>();
    reports.forEach(r -> problems.addAll(r.problems()));
    return new LoadResult(new LiveCatalog(valid, library, lists, refused), problems);
  }

  /** Whether script {@code from} can reach script {@code target} through call steps. */
  private boolean callsBack(String from, String target, Set<String> seen) {
    if (from.equals(target)) {
      return true;
    }
    ScriptDraft d = scripts.get(from);
    if (d == null || !seen.add(from)) {
      return false;
    }
    for (ScriptDraft.StepDraft s : d.steps.values()) {
      if (s.calls != null && callsBack(s.calls, target, seen)) {
        return true;
      }
    }
    return false;
  }

  private void crossChecks() {
    Set<String> tags = new HashSet<>();
    coping.values().forEach(c -> tags.addAll(c.tags()));
    Map<String, ScriptDraft> commands = new LinkedHashMap<>();
    for (ScriptDraft d : drafts) {
      if (d.command != null) {
        ScriptDraft first = commands.putIfAbsent(d.command, d);
        if (first != null) {
          d.report.error(d.commandNode, "command \"" + d.command + "\" is already used by script \""
              + first.id + "\"");
        }
      }
      for (ScriptDraft.StepDraft s : d.steps.values()) {
        if (s.calls != null && callsBack(s.calls, d.id, new HashSet<>())) {
          d.report.error(s.callsNode, "step \"" + s.id + "\" calls "
              + (s.calls.equals(d.id) ? "its own script" : "script \"" + s.calls
                  + "\", which calls back into \"" + d.id + "\"")
              + ": calls may not go round in a loop");
        }
        if (s.calls != null && !scripts.containsKey(s.calls)) {
          d.report.error(s.callsNode, "step \"" + s.id + "\" calls unknown script \"" + s.calls
              + "\"" + Names.suggest(s.calls, scripts.keySet()));
        }
        for (ScriptDraft.Tag t : s.copingTags) {
          if (!tags.contains(t.tag())) {
            d.report.error(t.at(), "no coping prompt has the tag \"" + t.tag() + "\""
                + Names.suggest(t.tag(), tags));
          }
        }
      }
      new ScriptGraph(d, scripts).check();
      Vars.checkUndefined(d);
    }
  }
}
