package org.steady.script;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.Node;
import org.steady.engine.Script;

/**
 * The header parts every kind of file shares: clinical {@code sources}, the {@code review}
 * status, and {@code locales}.
 */
final class Headers {
  private Headers() {}

  /** Sources must be a non-empty list of texts. */
  static List<String> sources(Fields f) {
    if (!f.has("sources")) {
      return List.of();
    }
    List<String> sources = f.strings("sources");
    if (sources != null && sources.stream().allMatch(String::isBlank)) {
      f.report().error(f.value("sources"), "\"sources\" must name at least one clinical source");
    }
    return sources == null ? List.of() : sources;
  }

  /**
   * Reads {@code review}: draft (a warning, or an error when the deployment requires reviewed
   * content) or reviewed with {@code by} and {@code on}. The project never invents a reviewer.
   */
  static Script.Review review(Fields f, String subject, boolean requireReviewed) {
    Node node = f.value("review");
    if (node == null) {
      return null;
    }
    Report report = f.report();
    Fields r = Fields.of(node, "\"review\"", report);
    if (r == null) {
      return null;
    }
    r.allow(Set.of("status", "by", "on"));
    if (!r.require("status")) {
      return null;
    }
    String status = r.string("status");
    if ("draft".equals(status)) {
      String message = subject + " is a draft: a clinician of the deploying program must review it";
      report.add(r.value("status"), 0,
          requireReviewed ? Problem.Level.ERROR : Problem.Level.WARNING, message);
      return new Script.Review(true, null, null);
    }
    if (!"reviewed".equals(status)) {
      if (status != null) {
        report.error(r.value("status"), "review status must be draft or reviewed, not \""
            + status + "\"" + Names.suggest(status, List.of("draft", "reviewed")));
      }
      return null;
    }
    boolean complete = r.require("by", "on");
    String by = r.string("by");
    String on = r.string("on");
    LocalDate date = null;
    if (on != null) {
      try {
        date = LocalDate.parse(on);
      } catch (DateTimeParseException e) {
        report.error(r.value("on"), "review date \"on\" must be a date like 2026-11-20, not \""
            + on + "\"");
      }
    }
    if (by != null && by.isBlank()) {
      report.error(r.value("by"), "review \"by\" must name the clinician who reviewed it");
      return null;
    }
    return complete && by != null && date != null ? new Script.Review(false, by, date) : null;
  }

  /** Locales: a list that includes "en", default [en]. */
  static List<String> locales(Fields f) {
    if (!f.has("locales")) {
      return List.of("en");
    }
    List<String> locales = f.strings("locales");
    if (locales == null) {
      return List.of("en");
    }
    if (!locales.contains("en")) {
      f.report().error(f.value("locales"), "\"locales\" must include \"en\": English is the"
          + " fallback for every text");
    }
    for (String l : locales) {
      if (!l.matches("[a-z]{2,3}(-[A-Za-z0-9]{2,8})?")) {
        f.report().error(f.value("locales"), "\"" + l + "\" is not a locale code like en or pt-BR");
      }
    }
    return List.copyOf(new java.util.LinkedHashSet<>(locales));
  }
}
