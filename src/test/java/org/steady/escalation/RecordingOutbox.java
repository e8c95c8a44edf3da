package org.steady.escalation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.steady.chat.Outbox;
import org.steady.engine.Effect;

/** An in-memory outbox that keeps what was queued, idempotent on id like the real one. */
public final class RecordingOutbox implements Outbox {

  /** One queued message. */
  public record Msg(String id, String patientId, String channel, String chatId, String text,
      List<List<Effect.Button>> buttons, boolean urgent) {
    public List<String> values() {
      return buttons.stream().flatMap(List::stream).map(Effect.Button::value).toList();
    }
  }

  private final Map<String, Msg> byId = new LinkedHashMap<>();

  @Override
  public synchronized void enqueue(String id, String patientId, String channel, String chatId,
      String kind, String text, List<List<Effect.Button>> buttons, String questionToken,
      boolean urgent) {
    byId.putIfAbsent(id, new Msg(id, patientId, channel, chatId, text,
        buttons == null ? List.of() : buttons, urgent));
  }

  public synchronized List<Msg> all() {
    return new ArrayList<>(byId.values());
  }

  public synchronized List<Msg> to(String chatId) {
    return byId.values().stream().filter(m -> m.chatId().equals(chatId)).toList();
  }

  public synchronized Msg last(String chatId) {
    List<Msg> l = to(chatId);
    if (l.isEmpty()) {
      throw new AssertionError("nothing sent to " + chatId);
    }
    return l.get(l.size() - 1);
  }
}
