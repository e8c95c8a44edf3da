package org.steady.telegram;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** A Telegram user talking to the bot through telegram-test-api's client endpoints. */
final class EmulatorUser {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();
  private final String url;
  private final String token;
  private final long chatId;
  private final List<Map<String, Object>> received = new ArrayList<>();

  EmulatorUser(String url, String token, long chatId) {
    this.url = url;
    this.token = token;
    this.chatId = chatId;
  }

  private Map<String, Object> message(String text) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("botToken", token);
    m.put("from", Map.of("id", chatId, "is_bot", false, "first_name", "Ana",
        "language_code", "en"));
    m.put("chat", Map.of("id", chatId, "type", "private", "first_name", "Ana"));
    m.put("date", System.currentTimeMillis() / 1000);
    m.put("text", text);
    return m;
  }

  void say(String text) throws Exception {
    post("/sendMessage", message(text));
  }

  void command(String text) throws Exception {
    Map<String, Object> m = message(text);
    int len = text.indexOf(' ') < 0 ? text.length() : text.indexOf(' ');
    m.put("entities", List.of(Map.of("type", "bot_command", "offset", 0, "length", len)));
    post("/sendCommand", m);
  }

  /** Presses the button labelled {@code label} on the bot message {@code botMessage}. */
  @SuppressWarnings("unchecked")
  void press(Map<String, Object> botMessage, String label) throws Exception {
    Map<String, Object> msg = (Map<String, Object>) botMessage.get("message");
    Map<String, Object> markup = (Map<String, Object>) msg.get("reply_markup");
    for (List<Map<String, Object>> row :
        (List<List<Map<String, Object>>>) markup.get("inline_keyboard")) {
      for (Map<String, Object> b : row) {
        if (label.equals(b.get("text"))) {
          Map<String, Object> pressed = new LinkedHashMap<>();
          pressed.put("message_id", botMessage.get("messageId"));
          pressed.put("date", System.currentTimeMillis() / 1000);
          pressed.put("chat", Map.of("id", chatId, "type", "private"));
          pressed.put("text", msg.get("text"));
          post("/sendCallback", Map.of("botToken", token, "data", b.get("callback_data"),
              "from", Map.of("id", chatId, "is_bot", false, "first_name", "Ana"),
              "message", pressed));
          return;
        }
      }
    }
    throw new AssertionError("no button '" + label + "' on " + msg.get("text"));
  }

  /** Waits for a new bot message (to this chat) matching {@code what}; returns it. */
  Map<String, Object> await(String description, Predicate<Map<String, Object>> what)
      throws Exception {
    long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < end) {
      for (Map<String, Object> m : received) {
        if (what.test(m)) {
          received.remove(m);
          return m;
        }
      }
      received.addAll(fetch());
      Thread.sleep(50);
    }
    throw new AssertionError("no bot message " + description + "; got " + texts());
  }

  Map<String, Object> awaitText(String contains) throws Exception {
    return await("containing '" + contains + "'", m -> text(m).contains(contains));
  }

  /** Everything the bot sent this user so far (current state, edits applied). */
  List<Map<String, Object>> history() throws Exception {
    HttpResponse<String> r = http.send(request("/getUpdatesHistory", Map.of("token", token)),
        HttpResponse.BodyHandlers.ofString());
    Map<String, Object> body = JSON.readValue(r.body(), new TypeReference<>() {});
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> all = (List<Map<String, Object>>) body.get("result");
    return all.stream().filter(u -> u.get("message") instanceof Map
        && String.valueOf(chatId).equals(String.valueOf(((Map<?, ?>) u.get("message")).get("chat_id"))))
        .toList();
  }

  static String text(Map<String, Object> botMessage) {
    Object t = ((Map<?, ?>) botMessage.get("message")).get("text");
    return t == null ? "" : t.toString();
  }

  private List<String> texts() {
    return received.stream().map(EmulatorUser::text).toList();
  }

  private List<Map<String, Object>> fetch() throws Exception {
    HttpResponse<String> r = http.send(request("/getUpdates",
        Map.of("token", token, "chatId", chatId)), HttpResponse.BodyHandlers.ofString());
    Map<String, Object> body = JSON.readValue(r.body(), new TypeReference<>() {});
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> list = (List<Map<String, Object>>) body.get("result");
    return list == null ? List.of() : list;
  }

  private void post(String path, Map<String, Object> body) throws Exception {
    HttpResponse<String> r = http.send(request(path, body), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IOException(path + " answered " + r.statusCode() + ": " + r.body());
    }
  }

  private HttpRequest request(String path, Map<String, Object> body) throws IOException {
    return HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(10))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))).build();
  }
}
