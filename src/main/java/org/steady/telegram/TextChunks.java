package org.steady.telegram;

import java.util.ArrayList;
import java.util.List;

/** Splits text over Telegram's 4,096-character limit, preferring paragraph, line, then word breaks. */
final class TextChunks {
  static final int LIMIT = 4096;

  private TextChunks() {}

  static List<String> split(String text, int limit) {
    List<String> out = new ArrayList<>();
    String rest = text;
    while (rest.length() > limit) {
      int cut = breakBefore(rest, limit);
      out.add(rest.substring(0, cut).stripTrailing());
      rest = rest.substring(cut).stripLeading();
    }
    if (!rest.isEmpty() || out.isEmpty()) {
      out.add(rest);
    }
    return out;
  }

  private static int breakBefore(String s, int limit) {
    for (String sep : new String[] {"\n\n", "\n", " "}) {
      int i = s.lastIndexOf(sep, limit - sep.length());
      if (i > limit / 2) {
        return i + sep.length();
      }
    }
    int cut = limit;
    if (Character.isLowSurrogate(s.charAt(cut))) {
      cut--; // never split an emoji
    }
    return cut;
  }
}
