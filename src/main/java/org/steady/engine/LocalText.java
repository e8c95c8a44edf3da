package org.steady.engine;

import java.util.Map;
import java.util.Objects;

/**
 * A text in several languages, each a template ({@code "Hi {{patient.name}}"}). Falls back to
 * English ({@code "en"}), which every text has.
 */
public record LocalText(Map<String, String> byLocale) {
  public LocalText {
    byLocale = Map.copyOf(byLocale);
    if (!byLocale.containsKey("en")) {
      throw new IllegalArgumentException("a text needs an English (en) version");
    }
  }

  public static LocalText en(String text) {
    return new LocalText(Map.of("en", text));
  }

  /** The template for {@code locale} ("es", "es-MX" falls back to "es"), else English. */
  public String in(String locale) {
    Objects.requireNonNull(locale, "locale");
    String t = byLocale.get(locale);
    if (t == null && locale.contains("-")) {
      t = byLocale.get(locale.substring(0, locale.indexOf('-')));
    }
    return t != null ? t : byLocale.get("en");
  }
}
