package org.steady.engine.redflag;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.steady.engine.RedFlags;
import org.steady.engine.RedFlags.Category;
import org.steady.engine.RedFlags.RedFlagList;

/**
 * Screens free text against every red-flag list, whatever the patient's language.
 *
 * <p>A pattern is a phrase of words; each word matches case- and accent-insensitively, with
 * inflections, a {@code *} suffix wildcard and small misspellings (see {@link WordMatch}). One
 * filler word may sit between two pattern words ("blacked right out"). A direct pattern is
 * negated when one of the list's negation phrases stands up to four words before it in the same
 * clause and applies to it directly: only small linking words ({@link #BRIDGES}: "a", "any",
 * "had", "more", "he tenido", ...) or words of the same category ("no fits or seizures") may
 * stand between ("no fits this week", "haven't had a seizure"). "No, I had a seizure" and "sin
 * dormir tuve una convulsión" are not negated. Nor is a clause that voices doubt ("not sure if it
 * was a seizure", "I don't know if I had a fit"): when in doubt, it matches. Indirect phrases
 * ("better off without me") are never negated.
 */
public final class Screen {
  private static final int NEGATION_WINDOW = 4;
  /** Words that may stand between a negation and what it negates, folded as {@link Words} does. */
  private static final java.util.Set<String> BRIDGES = java.util.Set.copyOf(Words.split(String.join(" ",
      "a an any the had have has having been got gotten get getting experienced suffered noticed",
      "more single one another real major big bad serious proper of or nor and signs sign",
      "symptoms further new such episode episodes even ever yet since really",
      "un una unos unas ningun ninguna he ha has hemos han tenido tuve tengo tiene tenia hay",
      "habido hubo mas otra otro otras otros o ni y sintomas de episodio episodios nuevo nueva",
      "nuevos nuevas sufrido notado")));
  private static final List<String[]> DOUBTS = phrases(List.of(
      "not sure", "unsure", "dont know", "do not know", "dunno", "no idea if", "maybe", "might",
      "may have", "possibly", "perhaps", "i think", "could have", "could be", "wonder*",
      "whether", "if", "probably", "kind of", "sort of", "almost",
      "no se", "no estoy segur*", "quizas", "quiza", "tal vez", "a lo mejor", "creo que",
      "puede que", "posiblemente", "probablemente", "casi"));

  private Screen() {}

  public static Optional<RedFlags.Match> screen(RedFlags flags, String text) {
    if (flags == null || text == null || text.isBlank()) return Optional.empty();
    List<String> words = Words.split(text);
    String[][] stems = new String[words.size()][];
    for (int i = 0; i < stems.length; i++) stems[i] = WordMatch.stems(words.get(i));
    for (RedFlagList list : flags.lists()) {
      Compiled c = compiled(list);
      for (int i = 0; i < c.categories.size(); i++) {
        Category category = list.categories().get(i);
        String[][][] kinds = c.categories.get(i);
        for (int k = 0; k < 2; k++) {
          List<String> raw = k == 0 ? category.indirect() : category.patterns();
          for (int p = 0; p < kinds[k].length; p++) {
            if (find(words, stems, kinds[k][p], c.negations, k == 1 ? kinds[1] : null)) {
              return Optional.of(new RedFlags.Match(category.id(), category.label(), list.locale(), raw.get(p)));
            }
          }
        }
      }
    }
    return Optional.empty();
  }

  /** A list with every phrase already split into folded words; cached per list instance. */
  private record Compiled(List<String[]> negations, List<String[][][]> categories) {}

  private static final Map<RedFlagList, Compiled> CACHE = new IdentityHashMap<>();

  private static Compiled compiled(RedFlagList list) {
    synchronized (CACHE) {
      Compiled c = CACHE.get(list);
      if (c == null) {
        if (CACHE.size() > 32) CACHE.clear();
        List<String[][][]> cats = new ArrayList<>();
        for (Category cat : list.categories()) {
          cats.add(new String[][][] {splitAll(cat.indirect()), splitAll(cat.patterns())});
        }
        c = new Compiled(phrases(list.negations()), cats);
        CACHE.put(list, c);
      }
      return c;
    }
  }

  private static String[][] splitAll(List<String> raw) {
    String[][] out = new String[raw.size()][];
    for (int i = 0; i < raw.size(); i++) out[i] = split(raw.get(i));
    return out;
  }

  /**
   * Whether the pattern occurs anywhere without being negated. {@code category} holds the
   * category's negatable patterns, or is null for an indirect phrase, which is never negated.
   */
  private static boolean find(List<String> words, String[][] stems, String[] pattern,
      List<String[]> negations, String[][] category) {
    if (pattern.length == 0) return false;
    int[] at = new int[pattern.length];
    for (int start = 0; start < words.size(); start++) {
      if (occursAt(words, stems, pattern, start, at)
          && (category == null || !negated(words, at, negations, category))) {
        return true;
      }
    }
    return false;
  }

  private static boolean occursAt(List<String> words, String[][] stems, String[] pattern,
      int start, int[] at) {
    if (!WordMatch.matches(words.get(start), stems[start], pattern[0])) return false;
    at[0] = start;
    for (int p = 1; p < pattern.length; p++) {
      int found = -1;
      for (int j = at[p - 1] + 1; j <= at[p - 1] + 2 && j < words.size(); j++) {
        if (words.get(j).equals(Words.BREAK)) break;
        if (WordMatch.matches(words.get(j), stems[j], pattern[p])) {
          found = j;
          break;
        }
      }
      if (found < 0) return false;
      at[p] = found;
    }
    return true;
  }

  private static boolean negated(List<String> words, int[] at, List<String[]> negations,
      String[][] category) {
    int clauseStart = at[0];
    while (clauseStart > 0 && !words.get(clauseStart - 1).equals(Words.BREAK)) clauseStart--;
    int clauseEnd = at[at.length - 1];
    while (clauseEnd < words.size() && !words.get(clauseEnd).equals(Words.BREAK)) clauseEnd++;
    if (contains(words, clauseStart, clauseEnd, DOUBTS, null)) return false;
    int from = Math.max(clauseStart, at[0] - NEGATION_WINDOW);
    for (String[] phrase : negations) {
      for (int i = from; i + phrase.length <= at[0]; i++) {
        if (phraseAt(words, phrase, i, null) && bridged(words, i + phrase.length, at[0], category)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Whether every word in words[from, to) links a negation to what follows it. */
  private static boolean bridged(List<String> words, int from, int to, String[][] category) {
    for (int i = from; i < to; i++) {
      String w = words.get(i);
      if (!BRIDGES.contains(w) && !sameCategory(w, category)) return false;
    }
    return true;
  }

  /** "fits" in "no fits or seizures": a one-word pattern of the same category. */
  private static boolean sameCategory(String word, String[][] category) {
    for (String[] p : category) {
      if (p.length == 1 && WordMatch.matches(word, p[0])) return true;
    }
    return false;
  }

  /** Whether a phrase occurs wholly within words[from, to) without using a pattern word. */
  private static boolean contains(List<String> words, int from, int to, List<String[]> phrases, int[] skip) {
    for (String[] phrase : phrases) {
      for (int i = from; i + phrase.length <= to; i++) {
        if (phraseAt(words, phrase, i, skip)) return true;
      }
    }
    return false;
  }

  private static boolean phraseAt(List<String> words, String[] phrase, int i, int[] skip) {
    for (int k = 0; k < phrase.length; k++) {
      String w = words.get(i + k);
      if (skip != null && isSkipped(i + k, skip)) return false;
      String p = phrase[k];
      boolean ok = p.endsWith("*") ? w.startsWith(p.substring(0, p.length() - 1)) : w.equals(p);
      if (!ok) return false;
    }
    return true;
  }

  private static boolean isSkipped(int index, int[] skip) {
    for (int s : skip) {
      if (s == index) return true;
    }
    return false;
  }

  private static List<String[]> phrases(List<String> raw) {
    List<String[]> out = new ArrayList<>(raw.size());
    for (String r : raw) {
      String[] p = split(r);
      if (p.length > 0) out.add(p);
    }
    return out;
  }

  private static String[] split(String phrase) {
    List<String> w = Words.split(phrase);
    w.removeIf(Words.BREAK::equals);
    return w.toArray(new String[0]);
  }
}
