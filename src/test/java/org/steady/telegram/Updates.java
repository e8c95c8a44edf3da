package org.steady.telegram;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.telegram.telegrambots.meta.api.objects.Update;

/** Telegram updates as the Bot API sends them (JSON maps), for the fake and the mapper tests. */
final class Updates {
  private static final ObjectMapper JSON =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
  static final int DATE = 1_795_000_000;

  private Updates() {}

  static Map<String, Object> user(long id) {
    return Map.of("id", id, "is_bot", false, "first_name", "Ana", "language_code", "es");
  }

  static Map<String, Object> chat(long id, String type) {
    return Map.of("id", id, "type", type);
  }

  static Map<String, Object> message(long chatId, String type, Map<String, Object> content) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("message_id", 1);
    m.put("date", DATE);
    m.put("from", user(chatId));
    m.put("chat", chat(chatId, type));
    m.putAll(content);
    return m;
  }

  static Map<String, Object> text(long chatId, String text) {
    return Map.of("message", message(chatId, "private", Map.of("text", text)));
  }

  static Map<String, Object> command(long chatId, String text) {
    int len = text.indexOf(' ') < 0 ? text.length() : text.indexOf(' ');
    return Map.of("message", message(chatId, "private", Map.of("text", text,
        "entities", List.of(Map.of("type", "bot_command", "offset", 0, "length", len)))));
  }

  static Map<String, Object> callback(long chatId, String data) {
    return Map.of("callback_query", Map.of("id", "cb" + data.hashCode(), "from", user(chatId),
        "chat_instance", "ci", "data", data,
        "message", message(chatId, "private", Map.of("text", "question?"))));
  }

  /** The update as sent by a person whose Telegram app is set to {@code languageCode}. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> inLanguage(Map<String, Object> update, String languageCode) {
    Map<String, Object> u = new LinkedHashMap<>(update);
    for (String kind : List.of("message", "callback_query")) {
      if (u.get(kind) instanceof Map) {
        Map<String, Object> inner = new LinkedHashMap<>((Map<String, Object>) u.get(kind));
        Map<String, Object> from = new LinkedHashMap<>((Map<String, Object>) inner.get("from"));
        from.put("language_code", languageCode);
        inner.put("from", from);
        u.put(kind, inner);
      }
    }
    return u;
  }

  static Update parse(Map<String, Object> update) {
    Map<String, Object> u = new LinkedHashMap<>(update);
    u.putIfAbsent("update_id", 77);
    return JSON.convertValue(u, Update.class);
  }
}
