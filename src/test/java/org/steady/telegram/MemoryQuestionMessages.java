package org.steady.telegram;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** {@link QuestionMessages} in memory, for tests without a store. */
final class MemoryQuestionMessages implements QuestionMessages {
  private final Map<String, Integer> ids = new ConcurrentHashMap<>();

  @Override
  public void remember(String chatId, String questionToken, int messageId) {
    ids.put(chatId + "|" + questionToken, messageId);
  }

  @Override
  public Optional<Integer> find(String chatId, String questionToken) {
    return Optional.ofNullable(ids.get(chatId + "|" + questionToken));
  }
}
