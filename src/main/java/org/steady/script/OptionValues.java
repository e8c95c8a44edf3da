package org.steady.script;

import java.nio.charset.StandardCharsets;

/**
 * How long a button's {@code value} may be. On Telegram a button carries it in its callback data,
 * which Telegram limits to 64 bytes and Steady signs as {@code <payload>~<8-char signature>},
 * leaving 55 bytes of payload; an engine question's payload is {@code <questionToken>|<value>},
 * and question tokens are {@code "q"} plus the conversation's counter, at most 6 digits
 * ({@code q999999}, 7 bytes). So a value may have 55 - 7 - 1 = 47 UTF-8 bytes. A longer one would
 * only fail when the question is sent, and the patient would silently get no question, so the
 * validator refuses it instead.
 *
 * <p>The telegram package's tests sign a value of exactly this length with the longest token, so
 * the limit cannot drift from the signing code without a failing test.
 */
public final class OptionValues {
  /** The most UTF-8 bytes an option or level value may have. */
  public static final int MAX_BYTES = 47;

  private OptionValues() {}

  /** The problem with {@code value}'s length ({@code noun} is "option" or "level"), or null. */
  static String tooLong(String noun, String value) {
    int bytes = value.getBytes(StandardCharsets.UTF_8).length;
    return bytes <= MAX_BYTES
        ? null
        : noun + " value \"" + value + "\" is " + bytes + " bytes; Telegram buttons allow at most "
            + MAX_BYTES;
  }
}
