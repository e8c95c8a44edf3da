package org.steady.schedule;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.steady.engine.Spelling;

/**
 * Reads a time zone as a person types it: an IANA id in any case ("europe/berlin"), a city
 * ("Berlin", "new york") or a UTC offset ("UTC+2", "GMT-05:30", "+1"). A city that several
 * zones share, part of a name, or a slip of the keyboard ("Berlni") gives suggestions instead of
 * a guess.
 */
final class ZoneLookup {
  private static final Pattern OFFSET =
      Pattern.compile("(?i)(?:utc|gmt)?\\s*([+-])\\s*(\\d{1,2})(?::?(\\d{2}))?");
  private static final List<String> IDS = ZoneId.getAvailableZoneIds().stream()
      .filter(id -> id.contains("/") && !id.startsWith("Etc/") && !id.startsWith("SystemV/"))
      .sorted().toList();

  private ZoneLookup() {}

  /** A zone that was found, or suggestions (possibly none) for what was typed. */
  record Result(Optional<ZoneId> zone, List<String> suggestions) {}

  static Result find(String typed) {
    String s = typed == null ? "" : typed.trim();
    if (s.isEmpty()) {
      return new Result(Optional.empty(), List.of());
    }
    if (s.equalsIgnoreCase("UTC") || s.equalsIgnoreCase("GMT")) {
      return found(ZoneId.of("UTC"));
    }
    Matcher m = OFFSET.matcher(s);
    if (m.matches()) {
      return offset(m);
    }
    for (String id : IDS) {
      if (id.equalsIgnoreCase(s)) {
        return found(ZoneId.of(id));
      }
    }
    String city = key(s);
    List<String> exact = IDS.stream().filter(id -> key(lastPart(id)).equals(city)).toList();
    if (exact.size() == 1) {
      return found(ZoneId.of(exact.get(0)));
    }
    if (!exact.isEmpty()) {
      return new Result(Optional.empty(), exact);
    }
    List<String> near = IDS.stream()
        .filter(id -> city.length() >= 3 && key(id).contains(city)).limit(8).toList();
    if (near.isEmpty()) { // a slip of the keyboard: "Berlni", "Lisbn"
      near = Spelling.nearZones(s, 3);
    }
    return new Result(Optional.empty(), near);
  }

  private static Result offset(Matcher m) {
    try {
      int hours = Integer.parseInt(m.group(2));
      int minutes = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
      int sign = m.group(1).equals("-") ? -1 : 1;
      ZoneOffset off = ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
      return found(ZoneId.ofOffset("UTC", off));
    } catch (DateTimeException e) {
      return new Result(Optional.empty(), List.of());
    }
  }

  private static Result found(ZoneId zone) {
    return new Result(Optional.of(zone), List.of());
  }

  private static String lastPart(String id) {
    return id.substring(id.lastIndexOf('/') + 1);
  }

  private static String key(String s) {
    return s.toLowerCase(Locale.ROOT).replace('_', ' ').replace('-', ' ').replaceAll("\\s+", " ");
  }
}
