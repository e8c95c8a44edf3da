package org.steady.script;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.Node;

/** Collects the problems of one file, positioned at YAML nodes or marks (0-based, shifted to 1-based). */
final class Report {
  private final String path;
  private final String relative;
  private final List<Problem> problems = new ArrayList<>();

  Report(String path) {
    this(path, path);
  }

  /** {@code relative} names the file inside the loaded folder, for messages about other files. */
  Report(String path, String relative) {
    this.path = path;
    this.relative = relative;
  }

  String relative() {
    return relative;
  }

  String path() {
    return path;
  }

  void error(Node at, String message) {
    add(at, 0, Problem.Level.ERROR, message);
  }

  void warning(Node at, String message) {
    add(at, 0, Problem.Level.WARNING, message);
  }

  /** An error {@code shift} columns right of the node's start (inside a scalar). */
  void errorAt(Node at, int shift, String message) {
    add(at, shift, Problem.Level.ERROR, message);
  }

  void errorAt(int line0, int column0, String message) {
    problems.add(new Problem(path, line0 + 1, column0 + 1, Problem.Level.ERROR, message));
  }

  void add(Node at, int shift, Problem.Level level, String message) {
    Optional<Mark> mark = at == null ? Optional.empty() : at.getStartMark();
    int line = mark.map(Mark::getLine).orElse(0);
    int column = mark.map(Mark::getColumn).orElse(0) + shift;
    problems.add(new Problem(path, line + 1, column + 1, level, message));
  }

  boolean hasErrors() {
    return problems.stream().anyMatch(Problem::isError);
  }

  List<Problem> problems() {
    return problems;
  }
}
