package org.steady.script;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.nodes.Node;
import org.steady.engine.Script;
import org.steady.engine.ScriptStep;

/**
 * A conversation file as read, before the cross-file checks: the parts of the engine model that
 * could be built, plus the YAML nodes each part came from, so later checks can point at them.
 */
final class ScriptDraft {
  final String path;
  final String fileStem;
  final Report report;
  final Exprs exprs;
  String version;
  String id;
  Node idNode;
  String title;
  String command;
  Node commandNode;
  List<String> locales = List.of("en");
  List<String> sources = List.of();
  Script.Review review;
  Script.Wait defaultWait;
  Node defaultWaitNode;
  String start;
  Node startNode;
  final Map<String, StepDraft> steps = new LinkedHashMap<>();
  /** Variables given a value anywhere: save, total, set. */
  final List<String> defined = new ArrayList<>();

  ScriptDraft(String path, String fileStem, Report report) {
    this.path = path;
    this.fileStem = fileStem;
    this.report = report;
    this.exprs = new Exprs(report);
  }

  /** The engine model, or null when this file has errors. */
  Script build() {
    if (report.hasErrors() || id == null || start == null) {
      return null;
    }
    Map<String, ScriptStep> built = new LinkedHashMap<>();
    for (StepDraft s : steps.values()) {
      if (s.step == null) {
        return null;
      }
      built.put(s.id, s.step);
    }
    return new Script(
        id, version, title == null ? id : title, command, locales, sources, review, defaultWait,
        start, built);
  }

  /** One step as read. */
  static final class StepDraft {
    final String id;
    final String type;
    final Node node;
    Node idNode;
    ScriptStep step;
    boolean question;
    boolean ownWait;
    boolean urgent;
    String calls;
    Node callsNode;
    final List<Edge> edges = new ArrayList<>();
    final List<RedFlag> redFlags = new ArrayList<>();
    final List<Tag> copingTags = new ArrayList<>();

    StepDraft(String id, String type, Node node) {
      this.id = id;
      this.type = type;
      this.node = node;
    }

    /** Targets of the step's ordinary flow (not the give-up of a wait). */
    List<String> flowTargets() {
      List<String> out = new ArrayList<>();
      for (Edge e : edges) {
        if (!e.giveUp()) {
          out.add(e.target());
        }
      }
      return out;
    }
  }

  /** A reference from a step to another step. */
  record Edge(String target, Node at, boolean giveUp) {}

  /** A red-flag answer ({@code what} names it) and the steps its answer goes on to. */
  record RedFlag(String what, Node at, List<String> from) {}

  /** A coping tag a step asks for. */
  record Tag(String tag, Node at) {}
}
