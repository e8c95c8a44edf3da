package org.steady.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.steady.engine.Effect;
import org.steady.script.OptionValues;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;

/**
 * Keeps the validator's limit on option values ({@link OptionValues#MAX_BYTES}) equal to what a
 * signed button can carry with the longest question token the engine makes ({@code q} + 6 digits).
 */
class KeyboardsTest {
  static final String LONGEST_TOKEN = "q999999";

  private final CallbackData callbacks = new CallbackData("1:token");
  private final Keyboards keyboards = new Keyboards(callbacks);

  private InlineKeyboardMarkup keyboardWith(String value) {
    return keyboards.of("42", List.of(List.of(new Effect.Button("Label", value))), LONGEST_TOKEN);
  }

  @Test
  void signsAnOptionValueOfTheValidatorsMaximumLengthWithTheLongestToken() {
    // Multi-byte on purpose: the limit counts UTF-8 bytes, as Telegram does.
    String value = "é".repeat(OptionValues.MAX_BYTES / 2) + "x".repeat(OptionValues.MAX_BYTES % 2);
    assertThat(value.getBytes(StandardCharsets.UTF_8)).hasSize(OptionValues.MAX_BYTES);

    String data = keyboardWith(value).getKeyboard().get(0).get(0).getCallbackData();

    assertThat(data.getBytes(StandardCharsets.UTF_8)).hasSizeLessThanOrEqualTo(64);
    assertThat(callbacks.verify("42", data)).contains(LONGEST_TOKEN + "|" + value);
  }

  @Test
  void aValueOneByteOverTheValidatorsMaximumDoesNotFit() {
    String value = "x".repeat(OptionValues.MAX_BYTES + 1);

    assertThatThrownBy(() -> keyboardWith(value)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("64-byte");
  }
}
