package org.steady.telegram;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.steady.engine.Effect;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;

/**
 * Builds inline keyboards with signed callback data: {@code <questionToken>|<value>} for an
 * engine question, the bare value for a feature's own button (e.g. {@code ack:<id>}).
 */
final class Keyboards {
  private final CallbackData callbacks;

  Keyboards(CallbackData callbacks) {
    this.callbacks = callbacks;
  }

  @Nullable InlineKeyboardMarkup of(
      String chatId, List<List<Effect.Button>> rows, @Nullable String questionToken) {
    if (rows == null || rows.isEmpty()) {
      return null;
    }
    List<InlineKeyboardRow> keyboard = new ArrayList<>();
    for (List<Effect.Button> row : rows) {
      InlineKeyboardRow r = new InlineKeyboardRow();
      for (Effect.Button b : row) {
        String payload = questionToken == null ? b.value() : questionToken + "|" + b.value();
        r.add(InlineKeyboardButton.builder().text(b.label())
            .callbackData(callbacks.sign(chatId, payload)).build());
      }
      keyboard.add(r);
    }
    return new InlineKeyboardMarkup(keyboard);
  }

  /** The keyboard of an answered question: one inert button showing the choice, or none. */
  InlineKeyboardMarkup closed(String chatId, @Nullable String chosen) {
    if (chosen == null || chosen.isBlank()) {
      return new InlineKeyboardMarkup(List.of());
    }
    InlineKeyboardButton b = InlineKeyboardButton.builder().text("✓ " + chosen)
        .callbackData(callbacks.sign(chatId, UpdateMapper.CLOSED)).build();
    return new InlineKeyboardMarkup(List.of(new InlineKeyboardRow(b)));
  }
}
