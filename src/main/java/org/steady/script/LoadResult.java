package org.steady.script;

import java.util.List;
import java.util.Objects;

/**
 * What {@link ConversationLoader#load} found: a catalog of the files that are valid, and every
 * problem in every file, sorted by file and position. Apply it to the live catalog with
 * {@link LiveCatalog#apply}.
 */
public record LoadResult(LiveCatalog catalog, List<Problem> problems) {
  public LoadResult {
    Objects.requireNonNull(catalog, "catalog");
    problems = problems.stream().sorted(Problem.ORDER).toList();
  }

  /** No errors (warnings allowed). */
  public boolean ok() {
    return errors().isEmpty();
  }

  public List<Problem> errors() {
    return problems.stream().filter(Problem::isError).toList();
  }

  public List<Problem> warnings() {
    return problems.stream().filter(p -> !p.isError()).toList();
  }

  /** E.g. {@code 5 scripts, 1 coping library, 2 red-flag lists (3 warnings)}. */
  public String summary() {
    int scripts = catalog.scripts().size();
    int coping = catalog.hasCoping() ? 1 : 0;
    int lists = catalog.redFlags().lists().size();
    int warnings = warnings().size();
    return plural(scripts, "script", "scripts") + ", "
        + plural(coping, "coping library", "coping libraries") + ", "
        + plural(lists, "red-flag list", "red-flag lists")
        + (warnings == 0 ? "" : " (" + plural(warnings, "warning", "warnings") + ")");
  }

  private static String plural(int n, String one, String many) {
    return n + " " + (n == 1 ? one : many);
  }
}
