package org.steady.schedule;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/**
 * The running app's admin API as the {@code taper-plan} command line calls it: plain HTTP with
 * the bearer token, JSON both ways. It only moves bytes; what a status means to the person at
 * the terminal is decided in {@link TaperPlanCli}.
 */
final class AdminApi {
  static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Duration ANSWER_WITHIN = Duration.ofSeconds(30);

  /** A status with its body parsed as JSON ({@link MissingNode} when it is not JSON). */
  record Reply(int status, JsonNode body) {
    /** The API's {@code "error"} sentence or {@code "code"}, when it sent one. */
    @Nullable String text(String field) {
      JsonNode v = body.path(field);
      return v.isString() ? v.stringValue() : null;
    }
  }

  private final HttpClient http = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(5)).build();
  private final URI base;
  private final String token;

  AdminApi(URI base, String token) {
    this.base = base;
    this.token = token;
  }

  URI base() {
    return base;
  }

  Reply get(String path) {
    return send(request(path).GET());
  }

  Reply put(String path, String json) {
    return send(request(path).header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
  }

  /** {@code /api/admin/patients/{id}/taper-plan} with the id encoded as one path segment. */
  static String planPath(String patientId) {
    StringBuilder sb = new StringBuilder("/api/admin/patients/");
    for (byte b : patientId.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if (c < 0x80 && (Character.isLetterOrDigit(c) || "-._~:@".indexOf(c) >= 0)) {
        sb.append(c);
      } else {
        sb.append('%').append(String.format("%02X", b & 0xff));
      }
    }
    return sb.append("/taper-plan").toString();
  }

  private HttpRequest.Builder request(String path) {
    try {
      return HttpRequest.newBuilder(URI.create(base + path)).timeout(ANSWER_WITHIN)
          .header("Accept", "application/json").header("Authorization", "Bearer " + token);
    } catch (IllegalArgumentException e) {
      // the token is the only free part of a header; never repeat it
      throw new TaperPlanCli.Failure("STEADY_ADMIN_TOKEN holds characters an HTTP header cannot"
          + " carry; set it to the app's admin token as it is");
    }
  }

  private Reply send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> r = http.send(request.build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Reply(r.statusCode(), parse(r.body()));
    } catch (HttpConnectTimeoutException e) {
      throw unreachable();
    } catch (HttpTimeoutException e) {
      throw new TaperPlanCli.Failure("Steady at " + base + " did not answer within "
          + ANSWER_WITHIN.toSeconds() + " seconds");
    } catch (IOException e) {
      throw unreachable();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TaperPlanCli.Failure("interrupted while waiting for Steady at " + base);
    }
  }

  private TaperPlanCli.Failure unreachable() {
    return new TaperPlanCli.Failure("Steady is not reachable at " + base
        + "; start it, or point --url or STEADY_URL at it");
  }

  private static JsonNode parse(String body) {
    try {
      return body.isBlank() ? MissingNode.getInstance() : JSON.readTree(body);
    } catch (JacksonException e) {
      return MissingNode.getInstance();
    }
  }
}
