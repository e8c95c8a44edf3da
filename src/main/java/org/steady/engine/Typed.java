package org.steady.engine;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads typed answers the way people write them in chat: a button label or its number, "7",
 * "seven" or "siete", "7,5", "8pm", "Madrid" or "UTC+2".
 */
final class Typed {
  static final Set<String> YES = Set.of("yes", "y", "ok", "okay", "sure", "si", "vale", "claro");
  static final Set<String> NO = Set.of("no", "n", "nope", "no thanks", "no gracias");
  private static final Map<String, Double> WORDS = new HashMap<>();
  private static final Pattern NUMBER = Pattern.compile("^(-?\\d+(?:[.,]\\d+)?)(?:\\s*(?:/|out of|de)\\s*\\d+)?$");
  private static final Pattern TIME = Pattern.compile("^(\\d{1,2})(?:[:.h](\\d{2}))?\\s*(am|pm|a\\.m\\.|p\\.m\\.|h)?$");
  private static final Pattern OFFSET = Pattern.compile("^(?:utc|gmt)?\\s*([+-])\\s*(\\d{1,2})(?::?(\\d{2}))?$");
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern SPACES = Pattern.compile("\\s+");
  private static volatile Map<String, String> cities;

  static {
    String[] en = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve"};
    String[] es = {"cero", "uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve", "diez",
        "once", "doce"};
    for (int i = 0; i < en.length; i++) {
      WORDS.put(en[i], (double) i);
      WORDS.put(es[i], (double) i);
    }
    WORDS.put("una", 1.0);
    WORDS.put("none", 0.0);
    WORDS.put("nada", 0.0);
  }

  private Typed() {}

  /** Lower case, no accents, no tick mark, trimmed of spaces and closing punctuation. */
  static String fold(String s) {
    String t = s.strip();
    if (t.startsWith(Questions.TICK.strip())) t = t.substring(1).strip();
    if (!isPlainAscii(t)) t = MARKS.matcher(Normalizer.normalize(t, Normalizer.Form.NFD)).replaceAll("");
    t = SPACES.matcher(t.toLowerCase(Locale.ROOT)).replaceAll(" ");
    while (!t.isEmpty() && ".!?".indexOf(t.charAt(t.length() - 1)) >= 0) t = t.substring(0, t.length() - 1).strip();
    return t;
  }

  private static boolean isPlainAscii(String t) {
    for (int i = 0; i < t.length(); i++) {
      if (t.charAt(i) > 0x7e) return false;
    }
    return true;
  }

  /** A number in digits (comma or point decimals, "7/10") or a number word; null if none. */
  static Double number(String text) {
    if (text.length() <= 2 && !text.isEmpty() && Character.isDigit(text.charAt(0))
        && (text.length() == 1 || Character.isDigit(text.charAt(1)))) {
      return (double) Integer.parseInt(text);  // the common case: a scale button's value
    }
    String t = fold(text);
    Matcher m = NUMBER.matcher(t);
    if (m.matches()) return Double.valueOf(m.group(1).replace(',', '.'));
    return WORDS.get(t);
  }

  /**
   * The option a typed reply names: its value, its label (patient's locale or English), or its
   * 1-based position; -1 when none.
   */
  static int option(Run r, List<ScriptStep.Option> options, String text, boolean valueFirst) {
    String t = fold(text);
    if (t.isEmpty()) return -1;
    for (int i = 0; valueFirst && i < options.size(); i++) {
      if (fold(options.get(i).value()).equals(t)) return i;
    }
    for (int i = 0; i < options.size(); i++) {
      ScriptStep.Option o = options.get(i);
      if (fold(r.render(o.label())).equals(t) || fold(r.renderEnglish(o.label())).equals(t)) return i;
    }
    for (int i = 0; !valueFirst && i < options.size(); i++) {
      if (fold(options.get(i).value()).equals(t)) return i;
    }
    if (t.matches("\\d{1,2}")) {
      int n = Integer.parseInt(t);
      if (n >= 1 && n <= options.size()) return n - 1;
    }
    return -1;
  }

  /** A time of day as HH:mm, or null. */
  static String time(String text) {
    Matcher m = TIME.matcher(fold(text).replace(" ", ""));
    if (!m.matches()) m = TIME.matcher(fold(text));
    if (!m.matches()) return null;
    int h = Integer.parseInt(m.group(1));
    int min = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
    String ampm = m.group(3) == null ? "" : m.group(3).replace(".", "");
    if (ampm.equals("am") || ampm.equals("pm")) {
      if (h < 1 || h > 12) return null;
      h = h % 12 + (ampm.equals("pm") ? 12 : 0);
    }
    if (h > 23 || min > 59) return null;
    return String.format(Locale.ROOT, "%02d:%02d", h, min);
  }

  /** An IANA zone id from a zone id, a city name or a UTC offset; null if not recognised. */
  static String zone(String text) {
    String raw = text.strip();
    if (raw.contains("/")) {
      try {
        return ZoneId.of(raw).getId();
      } catch (DateTimeException e) {
        // fall through to the city lookup
      }
    }
    String t = fold(raw);
    if (t.equals("utc") || t.equals("gmt")) return "UTC";
    Matcher m = OFFSET.matcher(t);
    if (m.matches()) {
      int h = Integer.parseInt(m.group(2));
      int min = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
      if (h > 14 || min > 59) return null;
      return String.format(Locale.ROOT, "UTC%s%02d:%02d", m.group(1), h, min);
    }
    return cities().get(t.replace('_', ' '));
  }

  /**
   * City names spelled nearly like {@code text} ("Berlni" gives Berlin), as a person would type
   * them back; at most three.
   */
  static List<String> zoneNearMisses(String text) {
    return Spelling.nearZones(text, 3).stream().map(Typed::cityName).toList();
  }

  /** "America/New_York" as a person writes it: "New York". */
  private static String cityName(String zoneId) {
    return zoneId.substring(zoneId.lastIndexOf('/') + 1).replace('_', ' ');
  }

  private static Map<String, String> cities() {
    Map<String, String> c = cities;
    if (c == null) {
      c = new HashMap<>();
      for (String id : new java.util.TreeSet<>(ZoneId.getAvailableZoneIds())) {
        if (!id.contains("/") || id.startsWith("Etc/") || id.startsWith("SystemV/")) continue;
        c.putIfAbsent(fold(id.toLowerCase(Locale.ROOT)).replace('_', ' '), id);
        String city = id.substring(id.lastIndexOf('/') + 1);
        c.putIfAbsent(fold(city).replace('_', ' '), id);
      }
      cities = c;
    }
    return c;
  }
}
