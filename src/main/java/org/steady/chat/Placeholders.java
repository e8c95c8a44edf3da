package org.steady.chat;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills {@code {name}} placeholders in the features' own en/es texts, e.g.
 * {@code fill("I'll call you {name}.", "name", "Ana")}. One pass, so that a value (a name the
 * patient typed) is never read as a placeholder itself.
 */
public final class Placeholders {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");

  private Placeholders() {}

  /** @param pairs name, value, name, value, ... */
  public static String fill(String s, Object... pairs) {
    Map<String, String> values = new HashMap<>();
    for (int i = 0; i + 1 < pairs.length; i += 2) {
      values.put(String.valueOf(pairs[i]), String.valueOf(pairs[i + 1]));
    }
    return PLACEHOLDER.matcher(s).replaceAll(m -> Matcher.quoteReplacement(
        values.getOrDefault(m.group(1), m.group())));
  }
}
