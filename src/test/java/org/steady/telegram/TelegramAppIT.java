package org.steady.telegram;

import org.steady.testing.Await;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.steady.app.EchoEngineConfig;
import org.steady.app.SteadyApplication;
import org.steady.store.Patients;

/**
 * The whole app in Telegram mode (long polling) against the fake Bot API, with the app's test
 * engine (one question, then thanks): restarts lose nothing and apply nothing twice, 429s are
 * honoured without loss, and a chat that blocked the bot is marked unreachable.
 */
class TelegramAppIT {
  @TempDir Path tmp;
  private FakeBotApi api;

  @BeforeEach
  void startApi() throws Exception {
    api = new FakeBotApi();
  }

  @AfterEach
  void stopApi() {
    api.close();
  }

  private ConfigurableApplicationContext startApp() {
    return new SpringApplicationBuilder(SteadyApplication.class, EchoEngineConfig.class)
        .run("--server.port=0", "--steady.data-dir=" + tmp.resolve("data"),
            "--steady.conversations-dir=src/test/resources/testdata/valid",
            "--steady.telegram.bot-token=" + FakeBotApi.TOKEN,
            "--steady.telegram.api-url=" + api.url(),
            "--steady.telegram.poll-timeout-seconds=1",
            "--steady.outbox.base-backoff=100ms", "--steady.admin-token=it-admin-token");
  }

  private List<FakeBotApi.Call> sentTo(long chat, String text) {
    return api.calls("sendMessage").stream()
        .filter(c -> String.valueOf(chat).equals(c.param("chat_id"))
            && c.param("text").contains(text))
        .toList();
  }

  @Test
  void restartMidConversationResumesWithNothingLostOrAppliedTwice() {
    FakeBotApi.Call question;
    try (ConfigurableApplicationContext app = startApp()) {
      api.push(Updates.command(77, "/checkin"));
      Await.until("question sent", () -> sentTo(77, "Hello").size() == 1);
      question = sentTo(77, "Hello").get(0);
      assertThat(api.calls("setMyCommands")).hasSize(1);
    }
    // Telegram never saw the confirming poll: it sends /checkin again, plus the press made
    // while Steady was down.
    api.redeliverAll();
    api.push(Updates.callback(77, question.buttonData("Good")));
    try (ConfigurableApplicationContext app = startApp()) {
      Await.until("thanks sent", () -> sentTo(77, "Thanks").size() == 1);
      Await.until("keyboard closed", () -> !api.calls("editMessageReplyMarkup").isEmpty());
      Await.until("press answered", () -> !api.calls("answerCallbackQuery").isEmpty());
    }
    assertThat(sentTo(77, "Hello")).hasSize(1);
    assertThat(sentTo(77, "Thanks")).hasSize(1);
    FakeBotApi.Call edit = api.calls("editMessageReplyMarkup").get(0);
    assertThat(edit.params().get("reply_markup").toString()).contains("✓ Good");
  }

  @Test
  void tooManyRequestsAreHonouredWithoutLosingMessages() {
    api.fail("sendMessage", 429, 1, 3);
    try (ConfigurableApplicationContext app = startApp()) {
      api.push(Updates.command(61, "/checkin"));
      api.push(Updates.command(62, "/checkin"));
      Await.until("both questions sent",
          () -> sentTo(61, "Hello").size() == 1 && sentTo(62, "Hello").size() == 1);
    }
  }

  @Test
  void blockedChatIsMarkedUnreachable() throws Exception {
    api.block("88");
    try (ConfigurableApplicationContext app = startApp()) {
      api.push(Updates.command(88, "/checkin"));
      Patients patients = app.getBean(Patients.class);
      Await.until("marked unreachable", () -> patients.isUnreachable("telegram", "88"));
      // staff see it through the admin API, with the time it was noticed
      String port = app.getEnvironment().getProperty("local.server.port");
      java.net.http.HttpResponse<String> list = java.net.http.HttpClient.newHttpClient().send(
          java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port
              + "/api/admin/patients?unreachable=true"))
              .header("Authorization", "Bearer it-admin-token").build(),
          java.net.http.HttpResponse.BodyHandlers.ofString());
      org.assertj.core.api.Assertions.assertThat(list.statusCode()).isEqualTo(200);
      org.assertj.core.api.Assertions.assertThat(list.body())
          .contains("\"id\":\"telegram:88\"", "\"unreachable\":true", "\"unreachableSince\":\"20");
    }
  }
}
