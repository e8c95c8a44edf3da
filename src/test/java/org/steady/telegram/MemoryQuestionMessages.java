package org.steady.telegram;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** {@link QuestionMessages} in memory, for tests without a store. */
final class MemoryQuestionMessages implements QuestionMessages {
  private final Map<String, List<Integer>> ids = new ConcurrentHashMap<>();

  @Override
  public void remember(String chatId, String questionToken, int messageId) {
    List<Integer> list = ids.computeIfAbsent(chatId + "|" + questionToken, k -> new ArrayList<>());
    synchronized (list) {
      if (!list.contains(messageId)) {
        list.add(messageId);
      }
    }
  }

  @Override
  public List<Integer> find(String chatId, String questionToken) {
    List<Integer> list = ids.getOrDefault(chatId + "|" + questionToken, List.of());
    synchronized (list) {
      return List.copyOf(list);
    }
  }
}
