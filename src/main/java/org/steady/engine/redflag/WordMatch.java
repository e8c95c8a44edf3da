package org.steady.engine.redflag;

/**
 * Whether a text word matches one pattern word: exactly, as an inflection ("seizures",
 * "seizing", "fitting"), as a prefix for patterns ending in {@code *}, or within a small edit
 * distance for longer words (common misspellings).
 */
final class WordMatch {
  private static final String[] SUFFIXES = {"s", "es", "ed", "d", "ing", "er", "ers", "ness", "ly",
      "ion", "iones", "ones", "os", "as", "ado", "ada", "ando", "iendo"};

  private WordMatch() {}

  static boolean matches(String word, String pattern) {
    return matches(word, stems(word), pattern);
  }

  /**
   * The same, with the word's {@link #stems} worked out once by the caller: a message is matched
   * against hundreds of pattern words, and the stems of its words do not change meanwhile.
   */
  static boolean matches(String word, String[] stems, String pattern) {
    if (pattern.endsWith("*")) {
      return prefix(word, pattern.substring(0, pattern.length() - 1));
    }
    if (word.equals(pattern)) return true;
    for (String stem : stems) {
      if (stem.equals(pattern)) return true;
    }
    int tol = Words.tolerance(pattern.length());
    if (tol == 0) return false;
    if (Words.distance(word, pattern, tol) <= tol) return true;
    for (String stem : stems) {
      if (stem.length() >= 4 && Words.distance(stem, pattern, tol) <= tol) return true;
    }
    return false;
  }

  private static boolean prefix(String word, String prefix) {
    if (word.startsWith(prefix)) return true;
    int tol = Words.tolerance(prefix.length());
    if (tol == 0) return false;
    for (int k = prefix.length() - tol; k <= prefix.length() + tol; k++) {
      if (k > 0 && k <= word.length() && Words.distance(word.substring(0, k), prefix, tol) <= tol) {
        return true;
      }
    }
    return false;
  }

  /** Candidate stems of a word: each known suffix removed, plus "e" restored and doubled consonants undone. */
  static String[] stems(String word) {
    String[] out = new String[SUFFIXES.length * 3];
    int n = 0;
    for (String suffix : SUFFIXES) {
      if (word.length() > suffix.length() + 1 && word.endsWith(suffix)) {
        String stem = word.substring(0, word.length() - suffix.length());
        out[n++] = stem;
        out[n++] = stem + "e";
        int l = stem.length();
        if (l >= 2 && stem.charAt(l - 1) == stem.charAt(l - 2)) out[n++] = stem.substring(0, l - 1);
      }
    }
    String[] result = new String[n];
    System.arraycopy(out, 0, result, 0, n);
    return result;
  }
}
