package org.steady.telegram;

import org.steady.testing.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;

class TelegramBotTest {

  @Test
  void webhookModeRefusesToStartWithoutASecret() throws Exception {
    try (FakeBotApi api = new FakeBotApi()) {
      TelegramProperties props = new TelegramProperties(FakeBotApi.TOKEN, api.url(),
          "https://steady.example/telegram/webhook", "short", 30, 1, 20, 1);
      OkHttpTelegramClient client =
          new OkHttpTelegramClient(FakeBotApi.TOKEN, BotApiUrl.parse(api.url()));
      TelegramBot bot = new TelegramBot(props, client, new TelegramIntake(
          new UpdateMapper(new CallbackData(FakeBotApi.TOKEN)), new DurableInbox(), client,
          new MutableClock(Instant.EPOCH)));
      assertThatThrownBy(bot::start).hasMessageContaining("TELEGRAM_WEBHOOK_SECRET");
      assertThat(api.calls("setWebhook")).isEmpty();
    }
  }

  @Test
  void propertiesNeverPrintTheToken() {
    TelegramProperties props =
        new TelegramProperties("123:secret-token", null, null, null, 0, 0, 0, 0);
    assertThat(props.toString()).doesNotContain("secret-token");
    assertThat(props.apiUrl()).isEqualTo("https://api.telegram.org");
    assertThat(props.messagesPerSecond()).isEqualTo(30);
  }
}
