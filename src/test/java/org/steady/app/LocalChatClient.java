package org.steady.app;

import org.steady.testing.Await;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Drives the local chat JSON API over HTTP, as the page or a script would. */
public final class LocalChatClient {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private final HttpClient http = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;

  public LocalChatClient(int port) {
    this.base = "http://127.0.0.1:" + port;
  }

  /** Status and parsed body. */
  public record Reply(int status, JsonNode body) {}

  public Reply get(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
  }

  public Reply post(String path, String json) {
    return send(HttpRequest.newBuilder(URI.create(base + path))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  public String text(String path) {
    try {
      return http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
          HttpResponse.BodyHandlers.ofString()).body();
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  public String createPatient(String json) {
    Reply r = post("/api/local/patients", json);
    if (r.status() != 201) {
      throw new AssertionError("create patient: " + r);
    }
    return r.body().get("id").asString();
  }

  public Reply say(String patient, String text) {
    return post("/api/local/patients/" + patient + "/messages",
        JSON.createObjectNode().put("text", text).toString());
  }

  public Reply press(String patient, String data) {
    return post("/api/local/patients/" + patient + "/buttons",
        JSON.createObjectNode().put("data", data).toString());
  }

  public JsonNode messages(String patient) {
    return get("/api/local/patients/" + patient + "/messages?after=0").body().get("messages");
  }

  /** Polls (bounded) until some message satisfies {@code p}; returns it. */
  public JsonNode awaitMessage(String patient, Predicate<JsonNode> p) {
    try {
      return Await.value("a message for " + patient, Duration.ofSeconds(20), () -> {
        for (JsonNode m : messages(patient)) {
          if (p.test(m)) {
            return m;
          }
        }
        return null;
      });
    } catch (AssertionError timedOut) {
      throw new AssertionError("no such message; have " + messages(patient));
    }
  }

  /** The newest open question's first button data. */
  public static String firstButton(JsonNode message) {
    return message.get("buttons").get(0).get(0).get("data").asString();
  }

  private Reply send(HttpRequest.Builder b) {
    try {
      HttpResponse<String> r = http.send(b.timeout(Duration.ofSeconds(30)).build(),
          HttpResponse.BodyHandlers.ofString());
      JsonNode body = r.body().isBlank() ? null : JSON.readTree(r.body());
      return new Reply(r.statusCode(), body);
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

}
