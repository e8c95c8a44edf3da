package org.steady.engine;

import java.util.List;

/** Free-text answers: length limit, and the time-zone and time-of-day formats. */
final class FreeTexts {
  private FreeTexts() {}

  static String answer(Run r, ScriptStep.FreeText f, String raw) {
    String text = raw.strip();
    if (text.isEmpty()) return Phrases.get("reask_text_empty", r.locale());
    int max = f.maxLength() > 0 ? f.maxLength() : 1000;
    if (text.codePointCount(0, text.length()) > max) return Phrases.get("reask_text_long", r.locale(), "max", max);
    String value = text;
    ScriptStep.TextFormat format = f.format() == null ? ScriptStep.TextFormat.ANY : f.format();
    if (format == ScriptStep.TextFormat.TIMEZONE) {
      value = Typed.zone(text);
      if (value == null) return zoneReask(r, text);
    } else if (format == ScriptStep.TextFormat.TIME) {
      value = Typed.time(text);
      if (value == null) return Phrases.get("reask_time", r.locale());
    }
    Answers.accept(r, f, value, value, value);
    Stepper.goTo(r, f.next());
    return null;
  }

  /** Not a zone: the cities it nearly spells, if any, else examples of what works. */
  private static String zoneReask(Run r, String text) {
    List<String> near = Typed.zoneNearMisses(text);
    if (near.isEmpty()) return Phrases.get("reask_timezone", r.locale());
    return Phrases.get("reask_timezone_near", r.locale(), "places",
        String.join(Phrases.get("or", r.locale()), near));
  }
}
