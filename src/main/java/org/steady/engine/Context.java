package org.steady.engine;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Objects;

/**
 * Everything from outside that an {@link Engine#advance} call may read. Time, randomness and the
 * patient's profile come in here, so the engine itself stays deterministic.
 *
 * @param now the current instant (from the app's injected Clock)
 * @param zone the patient's time zone (for dates in texts); UTC when unknown
 * @param locale the patient's language, e.g. {@code "en"}; texts fall back to English
 * @param patient read-only profile values, visible to scripts as {@code patient.<field>}
 * @param randomSeed seed for choices such as the coping prompt; the shell derives it from the
 *     inbound event id so that a replay picks the same prompt
 */
public record Context(
    Instant now, ZoneId zone, String locale, Map<String, Object> patient, long randomSeed) {
  public Context {
    Objects.requireNonNull(now, "now");
    zone = zone == null ? ZoneId.of("UTC") : zone;
    locale = locale == null || locale.isBlank() ? "en" : locale;
    patient = patient == null ? Map.of() : Map.copyOf(patient);
  }
}
