package org.steady.script;

import java.util.Optional;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a dose stated in a script text: an amount standing next to a dose word. The bot must
 * never give dosing advice, so a text may speak of "your dose" but not of how much.
 *
 * <p>An amount is a number ("5", "0.5"), a fraction ("1/2", "½"), a percentage ("10%", "10 por
 * ciento"), a number word (one..twelve, uno..doce) or a part (half, quarter, double, twice;
 * media, medio, mitad, cuarto, doble). A dose word is a unit ("mg", "ml", "drops", "gotas"), a
 * form ("tablet", "pill", "capsule", "comprimido", "pastilla", "cápsula") or the dose itself
 * ("dose", "dosage", "dosis"). They count as together when only small words stand between them
 * ("half <i>a</i> tablet", "dose <i>by</i> 10%", "dosis <i>un</i> 10%", "pastilla <i>y</i>
 * media"), at most three, and no punctuation:
 *
 * <ul>
 *   <li>amount first: "two tablets", "take 1/2 a pill", "half your dose", "dos comprimidos";
 *   <li>dose word first, for parts, fractions and percentages only: "cut your dose by a quarter",
 *       "reduce la dosis un 10%", "una pastilla y media" (so "your dose in two weeks" passes);
 *   <li>Spanish "un"/"una" count before a unit or form ("una pastilla"), not before "dosis",
 *       where they are the article ("cambiar una dosis").
 * </ul>
 *
 * <p>Everyday amounts with no dose word stay fine: "half an hour", "10 minutes", "one question".
 * Number and part words are per language (Spanish "once" is eleven, English "once" is not); a
 * locale other than en and es gets both lists.
 */
final class Doses {
  private static final String UNITS =
      "mg|mcg|µg|μg|ug|ml|milligrams?|micrograms?|millilit(?:er|re)s?|drops?|gotas?|mililitros?"
          + "|miligramos?|tabs?|caps";
  private static final String FORMS =
      "tablets?|pills?|capsules?|tabletas?|pastillas?|comprimidos?|c[aá]psulas?";
  private static final String DOSES = "doses?|dosages?|dosis";

  private static final String DIGITS = "(?<![\\w.,/])\\d+(?:[.,]\\d+)?";
  private static final String FRACTION = "(?<![\\w.,/])(?:\\d+/\\d+|\\d*[½⅓⅔¼¾⅛])";
  private static final String PERCENT =
      "(?<![\\w.,/])\\d+(?:[.,]\\d+)?\\s*(?:%|per\\s*cent|percent|por\\s*ciento)";

  /**
   * The words of one language, each a regex alternation of whole words: {@code articles} count as
   * an amount before a unit or form only; {@code before} and {@code after} may stand between an
   * amount and the dose word that follows or precedes it.
   */
  private record Words(
      String numbers, String parts, String articles, String before, String after) {
    Words and(Words o) {
      return new Words(numbers + "|" + o.numbers, parts + "|" + o.parts,
          articles + "|" + o.articles, before + "|" + o.before, after + "|" + o.after);
    }
  }

  private static final Words ENGLISH =
      new Words(
          "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve",
          "half|quarters?|double|twice|triple",
          "single",
          "a|an|the|your|my|of|more|extra|whole|small|usual|daily|regular",
          "a|an|the|by|to|in|and|of");
  private static final Words SPANISH =
      new Words(
          "uno|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce",
          "media|medias|medio|medios|mitad|cuartos?|doble|triple",
          "un|una",
          "un|una|el|la|los|las|tu|tus|su|sus|mi|mis|de|del|más|mas|extra|habitual",
          "un|una|el|la|en|a|al|y|por|de|hasta");
  private static final Pattern EN = compile(ENGLISH);
  private static final Pattern ES = compile(SPANISH);
  private static final Pattern ANY = compile(ENGLISH.and(SPANISH));

  private Doses() {}

  /** The first dose stated in {@code text}, by the words of {@code locale}; empty if none. */
  static Optional<MatchResult> find(CharSequence text, String locale) {
    Pattern p = "en".equals(locale) ? EN : "es".equals(locale) ? ES : ANY;
    Matcher m = p.matcher(text);
    return m.find() ? Optional.of(m.toMatchResult()) : Optional.empty();
  }

  private static Pattern compile(Words w) {
    // No word-start check here, so that "0.5mg" counts; word amounts already end at a boundary.
    String dose = "(?:" + UNITS + "|" + FORMS + "|" + DOSES + ")(?!\\w)";
    String unit = "(?:" + UNITS + "|" + FORMS + ")(?!\\w)";
    String amount = "(?:" + PERCENT + "|" + FRACTION + "|" + DIGITS
        + "|(?<!\\w)(?:" + w.numbers + "|" + w.parts + ")(?!\\w))";
    String part = "(?:" + PERCENT + "|" + FRACTION + "|(?<!\\w)(?:" + w.parts + ")(?!\\w))";
    String gapBefore = "(?:\\s*|\\s+(?:(?:" + w.before + ")\\s+){1,3})";
    String gapAfter = "\\s+(?:(?:" + w.after + ")\\s+){0,3}";
    String forward = amount + gapBefore + dose;
    String article = "(?<!\\w)(?:" + w.articles + ")\\s+(?:(?:" + w.before + ")\\s+){0,3}" + unit;
    String backward = "(?<!\\w)(?:" + FORMS + "|" + DOSES + ")" + gapAfter + part;
    return Pattern.compile(forward + "|" + article + "|" + backward,
        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  }
}
