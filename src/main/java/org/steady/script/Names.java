package org.steady.script;

import java.util.Collection;
import java.util.Locale;

/** "Did you mean" suggestions for misspelt keys, step ids and variables. */
final class Names {
  private Names() {}

  /** {@code " (did you mean \"x\"?)"} for the closest candidate within a small edit distance, else "". */
  static String suggest(String wrong, Collection<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String c : candidates) {
      int d = distance(wrong.toLowerCase(Locale.ROOT), c.toLowerCase(Locale.ROOT));
      if (d < bestDistance) {
        best = c;
        bestDistance = d;
      }
    }
    int allowed = Math.max(1, Math.min(3, wrong.length() / 3));
    return best != null && bestDistance <= allowed ? " (did you mean \"" + best + "\"?)" : "";
  }

  static int distance(String a, String b) {
    if (Math.abs(a.length() - b.length()) > 4 || a.length() > 200 || b.length() > 200) {
      return Integer.MAX_VALUE;
    }
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
