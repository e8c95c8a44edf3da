package org.steady.telegram;

import org.steady.testing.Await;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.steady.app.EchoEngineConfig;
import org.steady.app.SteadyApplication;

/** The whole app in webhook mode: registers the webhook with its secret and checks it. */
class TelegramWebhookIT {
  private static final String SECRET = "webhook-secret-for-tests-0123456789";
  @TempDir Path tmp;

  @Test
  void registersWebhookAndAcceptsOnlyRequestsWithTheSecret() throws Exception {
    try (FakeBotApi api = new FakeBotApi();
        ConfigurableApplicationContext app =
            new SpringApplicationBuilder(SteadyApplication.class, EchoEngineConfig.class).run(
                "--server.port=0", "--steady.data-dir=" + tmp.resolve("data"),
                "--steady.conversations-dir=src/test/resources/testdata/valid",
                "--steady.telegram.bot-token=" + FakeBotApi.TOKEN,
                "--steady.telegram.api-url=" + api.url(),
                "--steady.telegram.webhook-url=https://steady.example/telegram/webhook",
                "--steady.telegram.webhook-secret=" + SECRET)) {
      FakeBotApi.Call set = api.calls("setWebhook").get(0);
      assertThat(set.param("url")).isEqualTo("https://steady.example/telegram/webhook");
      assertThat(set.param("secret_token")).isEqualTo(SECRET);
      assertThat(api.getUpdatesCalls()).isZero();

      int port = ((WebServerApplicationContext) app).getWebServer().getPort();
      Map<String, Object> update = new LinkedHashMap<>(Updates.command(31, "/checkin"));
      update.put("update_id", 5001);
      byte[] body = new ObjectMapper().writeValueAsBytes(update);
      assertThat(post(port, body, null)).isEqualTo(401);
      assertThat(post(port, body, "wrong")).isEqualTo(401);
      assertThat(post(port, body, SECRET)).isEqualTo(200);
      assertThat(post(port, body, SECRET)).isEqualTo(200); // Telegram retried: processed once
      Await.until("question sent", () -> api.calls("sendMessage").stream()
          .anyMatch(c -> "31".equals(c.param("chat_id"))));
      // a later update of the same chat is processed after the retried one (in order per chat)
      Map<String, Object> later = new LinkedHashMap<>(Updates.command(31, "/help"));
      later.put("update_id", 5002);
      assertThat(post(port, new ObjectMapper().writeValueAsBytes(later), SECRET)).isEqualTo(200);
      Await.until("second question sent", () -> api.calls("sendMessage").size() >= 2);
      assertThat(api.calls("sendMessage")).hasSize(2);
      assertThat(api.calls("sendMessage").get(1).param("text")).contains("help");
    }
  }

  private static int post(int port, byte[] body, String secret) throws Exception {
    HttpRequest.Builder r = HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + port + "/telegram/webhook"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (secret != null) {
      r.header(TelegramWebhook.SECRET_HEADER, secret);
    }
    return HttpClient.newHttpClient().send(r.build(), HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }
}
