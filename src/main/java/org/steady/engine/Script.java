package org.steady.engine;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One conversation script as the engine runs it: the YAML in {@code conversations/} after the
 * {@code script} package loaded and validated it. Language reference: {@code docs/scripts.md}.
 *
 * @param id stable id, e.g. {@code daily-checkin}
 * @param version content version (a short hash of the file's bytes)
 * @param title for staff
 * @param command slash command that starts it (without the slash), or null
 * @param locales languages every text must have (always includes "en")
 * @param sources clinical sources named in the header
 * @param review review status: draft until a clinician signed it off
 * @param defaultWait wait used by questions that declare none, or null
 * @param start id of the first step
 * @param steps steps by id, in file order
 */
public record Script(
    String id,
    String version,
    String title,
    String command,
    List<String> locales,
    List<String> sources,
    Review review,
    Wait defaultWait,
    String start,
    Map<String, ScriptStep> steps) {

  public Script {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(start, "start");
    locales = List.copyOf(locales);
    sources = List.copyOf(sources);
    steps = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(steps));
  }

  public ScriptStep step(String stepId) {
    ScriptStep s = steps.get(stepId);
    if (s == null) {
      throw new IllegalArgumentException("script " + id + "@" + version + " has no step " + stepId);
    }
    return s;
  }

  /** Clinical review: {@code reviewedBy}/{@code reviewedOn} are null while {@code draft}. */
  public record Review(boolean draft, String reviewedBy, LocalDate reviewedOn) {}

  /**
   * How long a question waits: after {@code after} without an answer send {@code remind} (up to
   * {@code reminders} times, each after another {@code after}), then go to {@code giveUp}.
   */
  public record Wait(Duration after, LocalText remind, int reminders, String giveUp) {
    public Wait {
      Objects.requireNonNull(after, "after");
      Objects.requireNonNull(giveUp, "giveUp");
    }
  }
}
