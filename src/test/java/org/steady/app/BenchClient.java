package org.steady.app;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Minimal HTTP client for the local chat API, shared by the benchmark's threads. */
final class BenchClient {
  static final JsonMapper JSON = JsonMapper.builder().build();
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;

  BenchClient(int port) {
    this.base = "http://127.0.0.1:" + port;
  }

  boolean healthy() {
    try {
      HttpResponse<String> r = http.send(request("/actuator/health").GET().build(),
          HttpResponse.BodyHandlers.ofString());
      return r.statusCode() == 200 && r.body().contains("\"UP\"");
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  String text(String path) {
    return exchange(request(path).GET(), 200);
  }

  JsonNode get(String path) {
    return JSON.readTree(exchange(request(path).GET(), 200));
  }

  JsonNode post(String path, String json, int expected) {
    String body = exchange(request(path).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)), expected);
    return body.isEmpty() ? JSON.createObjectNode() : JSON.readTree(body);
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
  }

  private String exchange(HttpRequest.Builder b, int expected) {
    try {
      HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != expected) {
        throw new IllegalStateException(r.request().method() + " " + r.request().uri().getPath()
            + " answered " + r.statusCode() + ": " + r.body());
      }
      return r.body();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
