package org.steady.telegram;

import java.util.Optional;

/**
 * Remembers which Telegram message asked which question, so that a later {@code edit_buttons}
 * or {@code close} entry (which carries only the question token) can edit that message.
 */
interface QuestionMessages {

  void remember(String chatId, String questionToken, int messageId);

  Optional<Integer> find(String chatId, String questionToken);
}
