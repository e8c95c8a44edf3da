package org.steady.telegram;

import org.steady.testing.Await;
import org.steady.testing.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.steady.chat.Inbound;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;

/** Long polling through the real TelegramBots session against the fake Bot API. */
class LongPollingDeliveryTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));
  private final DurableInbox inbox = new DurableInbox();
  private final List<TelegramBot> bots = new ArrayList<>();
  private FakeBotApi api;

  @BeforeEach
  void startApi() throws Exception {
    api = new FakeBotApi();
  }

  @AfterEach
  void stopAll() {
    bots.forEach(TelegramBot::stop);
    api.close();
  }

  private TelegramBot startBot() {
    TelegramProperties props =
        new TelegramProperties(FakeBotApi.TOKEN, api.url(), "", "", 30, 1, 20, 1);
    OkHttpTelegramClient client =
        new OkHttpTelegramClient(FakeBotApi.TOKEN, BotApiUrl.parse(api.url()));
    TelegramIntake intake = new TelegramIntake(
        new UpdateMapper(new CallbackData(FakeBotApi.TOKEN)), inbox, client, clock);
    TelegramBot bot = new TelegramBot(props, client, intake);
    bots.add(bot);
    bot.start();
    return bot;
  }

  @Test
  void storesEachUpdateOnceAndConfirmsIt() {
    startBot();
    int last = 0;
    for (int i = 0; i < 40; i++) {
      last = api.push(Updates.text(100 + i % 4, "message " + i));
    }
    int lastId = last;
    Await.until("all stored", () -> inbox.size() == 40);
    Await.until("all confirmed", () -> api.confirmedUpTo() == lastId);
    assertThat(inbox.duplicates).hasValue(0);
    assertThat(api.calls("setMyCommands")).hasSize(1);
    assertThat(api.calls("setMyCommands").get(0).params().get("commands").toString())
        .contains("checkin", "cope", "stop", "invite", "link", "unlink");
  }

  @Test
  void crashBetweenStoreAndConfirmRedeliversAndNothingIsAppliedTwice() {
    CountDownLatch frozen = new CountDownLatch(1);
    inbox.afterStore = in -> {
      if ("second".equals(in.text().value())) {
        try {
          frozen.await(); // the process "dies" here: stored, not yet confirmed
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("killed");
        }
      }
    };
    TelegramBot first = startBot();
    synchronized (api) {
      api.push(Updates.text(7, "first"));
      api.push(Updates.text(7, "second"));
      api.push(Updates.text(7, "third"));
    }
    Await.until("second stored", () -> inbox.size() == 2);
    assertThat(api.confirmedUpTo()).isZero();
    first.stop();
    frozen.countDown();
    inbox.afterStore = in -> {};

    startBot(); // the restarted process
    Await.until("third stored", () -> inbox.size() == 3);
    Await.until("all confirmed", () -> api.unconfirmed() == 0 || api.confirmedUpTo() > 0);
    assertThat(inbox.stored()).extracting(in -> in.text().value())
        .containsExactly("first", "second", "third");
    assertThat(inbox.duplicates.get()).isGreaterThanOrEqualTo(2);
  }

  @Test
  void storeFailureRewindsTheOffsetSoNothingIsLost() {
    inbox.failuresToInject.set(2);
    startBot();
    int a = api.push(Updates.text(8, "a"));
    Await.until("a stored after failures", () -> inbox.size() == 1);
    int b = api.push(Updates.text(8, "b"));
    Await.until("b stored", () -> inbox.size() == 2);
    Await.until("b confirmed", () -> api.confirmedUpTo() >= a);
    assertThat(inbox.stored()).extracting(Inbound::externalId)
        .containsExactly(String.valueOf(a), String.valueOf(b));
  }

  @Test
  void everyButtonPressIsAnsweredAndForgedOnesPolitely() {
    startBot();
    String good = new CallbackData(FakeBotApi.TOKEN).sign("9", "q1|yes");
    api.push(Updates.callback(9, good));
    api.push(Updates.callback(9, "q1|yes~forged!!"));
    Await.until("both answered", () -> api.calls("answerCallbackQuery").size() == 2);
    assertThat(inbox.stored()).extracting(Inbound::callbackData).containsExactly("q1|yes");
    assertThat(api.calls("answerCallbackQuery"))
        .anyMatch(c -> UpdateMapper.FORGED_ANSWER.equals(c.param("text")));
  }

  @Test
  void groupCommandGetsANoticeAndNothingIsStored() {
    startBot();
    api.push(Map.of("message", Updates.message(-3, "group", Map.of("text", "/checkin",
        "entities", List.of(Map.of("type", "bot_command", "offset", 0, "length", 8))))));
    Await.until("notice sent", () -> api.calls("sendMessage").size() == 1);
    assertThat(api.calls("sendMessage").get(0).param("chat_id")).isEqualTo("-3");
    assertThat(inbox.size()).isZero();
  }
}
