package org.steady.telegram;

import java.util.List;

/**
 * Remembers which Telegram messages asked which question, so that a later {@code edit_buttons}
 * or {@code close} entry (which carries only the question token) can edit them. The engine may
 * send one question more than once (a reminder, "here is where we are"), so a token can have
 * several messages, oldest first.
 */
interface QuestionMessages {

  void remember(String chatId, String questionToken, int messageId);

  List<Integer> find(String chatId, String questionToken);
}
