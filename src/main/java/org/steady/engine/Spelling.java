package org.steady.engine;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** Near misses of what a person typed, for a "did you mean" instead of a flat "not recognised". */
public final class Spelling {
  /** Zone ids named after a place ("Europe/Berlin"), not legacy aliases ("Canada/Atlantic"). */
  private static final Pattern PLACE_ZONE = Pattern.compile(
      "(Africa|America|Antarctica|Arctic|Asia|Atlantic|Australia|Europe|Indian|Pacific)/.+");
  /** Each place's name, folded as {@link #closest} compares it, with the first zone of that name. */
  private static final Map<String, String> PLACES = new TreeMap<>();

  static {
    for (String id : new TreeSet<>(ZoneId.getAvailableZoneIds())) {
      if (PLACE_ZONE.matcher(id).matches()) {
        PLACES.putIfAbsent(fold(id.substring(id.lastIndexOf('/') + 1)), id);
      }
    }
  }

  private Spelling() {}

  /**
   * Zone ids of the places spelled nearly like {@code typed} ("Berlni" gives Europe/Berlin),
   * nearest first, at most {@code max}.
   */
  public static List<String> nearZones(String typed, int max) {
    return closest(fold(typed), PLACES.keySet(), max).stream().map(PLACES::get).toList();
  }

  /** As {@link Typed#fold} (case, accents, spaces), with underscores as spaces. */
  private static String fold(String s) {
    return Typed.fold(s.replace('_', ' '));
  }

  /**
   * Up to {@code max} of {@code names} spelled nearly like {@code typed}, nearest first, then
   * alphabetically: within one slip (a letter added, dropped, changed, or two neighbours swapped)
   * for up to 4 letters, within two for longer. Compared exactly as given: callers fold case and
   * accents first.
   */
  public static List<String> closest(String typed, Collection<String> names, int max) {
    if (typed.length() < 3) {
      return List.of();
    }
    int allowed = typed.length() <= 4 ? 1 : 2;
    record Near(String name, int distance) {}
    List<Near> near = new ArrayList<>();
    for (String name : names) {
      if (Math.abs(name.length() - typed.length()) <= allowed) {
        int d = distance(typed, name);
        if (d <= allowed) {
          near.add(new Near(name, d));
        }
      }
    }
    near.sort(Comparator.comparingInt(Near::distance).thenComparing(Near::name));
    return near.stream().limit(max).map(Near::name).toList();
  }

  /**
   * Edits between {@code a} and {@code b}: insertions, deletions, substitutions and swaps of two
   * neighbouring letters (optimal string alignment).
   */
  static int distance(CharSequence a, CharSequence b) {
    int n = a.length();
    int m = b.length();
    int[][] d = new int[n + 1][m + 1];
    for (int i = 0; i <= n; i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= m; j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= n; i++) {
      for (int j = 1; j <= m; j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[n][m];
  }
}
