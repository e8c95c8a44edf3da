package org.steady.engine.redflag;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Normalises text for matching: lower case, accents and apostrophes removed ("haven't" and
 * "havent" read the same), split into words. Clause breaks (. , ; ! ? and "but") are kept as a
 * {@link #BREAK} word so that a negation does not reach across them.
 */
final class Words {
  static final String BREAK = "|";
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");

  private Words() {}

  static String fold(String s) {
    String n = Normalizer.normalize(s, Normalizer.Form.NFD);
    n = MARKS.matcher(n).replaceAll("");
    return n.toLowerCase(Locale.ROOT).replace("'", "").replace("\u2019", "").replace("`", "");
  }

  static List<String> split(String text) {
    String s = fold(text);
    List<String> out = new ArrayList<>();
    StringBuilder w = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isLetterOrDigit(c) || c == '*') {
        w.append(c);
        continue;
      }
      flush(w, out);
      if (".,;:!?()\n".indexOf(c) >= 0 && (out.isEmpty() || !out.get(out.size() - 1).equals(BREAK))) {
        out.add(BREAK);
      }
    }
    flush(w, out);
    return out;
  }

  private static void flush(StringBuilder w, List<String> out) {
    if (w.length() == 0) return;
    String word = w.toString();
    w.setLength(0);
    if (word.equals("but") || word.equals("pero") || word.equals("aunque") || word.equals("though")) {
      out.add(BREAK);
    } else {
      out.add(word);
    }
  }

  /**
   * Optimal string alignment distance (Levenshtein plus adjacent swaps: "siezure" is one edit
   * from "seizure"), giving up early above {@code max}.
   */
  static int distance(String a, String b, int max) {
    if (Math.abs(a.length() - b.length()) > max) return max + 1;
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) d[i][0] = i;
    for (int j = 0; j <= b.length(); j++) d[0][j] = j;
    for (int i = 1; i <= a.length(); i++) {
      int rowMin = Integer.MAX_VALUE;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          v = Math.min(v, d[i - 2][j - 2] + 1);
        }
        d[i][j] = v;
        rowMin = Math.min(rowMin, v);
      }
      if (rowMin > max) return max + 1;
    }
    return d[a.length()][b.length()];
  }

  /** Edits allowed for a pattern word of this length: 0 below 5 letters, 1 from 5, 2 from 8. */
  static int tolerance(int length) {
    return length >= 8 ? 2 : length >= 5 ? 1 : 0;
  }
}
