package org.steady.telegram;

import org.steady.testing.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.steady.chat.ChannelSender.Outgoing;
import org.steady.chat.ChannelSender.Result;
import org.steady.chat.ChannelSender.Status;
import org.steady.engine.Effect.Button;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;

class TelegramChannelSenderTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));
  private final CallbackData callbacks = new CallbackData(FakeBotApi.TOKEN);
  private FakeBotApi api;
  private TelegramChannelSender sender;

  @BeforeEach
  void start() throws Exception {
    api = new FakeBotApi();
    sender = new TelegramChannelSender(
        new OkHttpTelegramClient(FakeBotApi.TOKEN, BotApiUrl.parse(api.url())),
        new Keyboards(callbacks), new MemoryQuestionMessages(), new Pacer(clock, 30, 1));
  }

  @AfterEach
  void stop() {
    api.close();
  }

  private Result deliver(String kind, String chat, String text, List<List<Button>> buttons,
      String token) {
    clock.advance(Duration.ofSeconds(1)); // stay clear of pacing unless a test wants it
    return sender.deliver(new Outgoing("o1", "telegram", chat, kind, text, buttons, token,
        false, null));
  }

  @SuppressWarnings("unchecked")
  @Test
  void sendsQuestionWithSignedInlineKeyboard() {
    Result r = deliver("send", "42", "How did you sleep?",
        List.of(List.of(new Button("Well", "good"), new Button("Badly", "bad"))), "q1");
    assertThat(r.status()).isEqualTo(Status.SENT);
    FakeBotApi.Call call = api.calls("sendMessage").get(0);
    assertThat(call.param("chat_id")).isEqualTo("42");
    List<List<Map<String, Object>>> rows = (List<List<Map<String, Object>>>)
        ((Map<String, Object>) call.params().get("reply_markup")).get("inline_keyboard");
    String data = (String) rows.get(0).get(1).get("callback_data");
    assertThat(callbacks.verify("42", data)).contains("q1|bad");
    assertThat(r.externalMessageId()).isNotNull();
  }

  @Test
  void splitsTextOverTheLimitAndPutsKeyboardLast() {
    String text = ("word ".repeat(1000) + "\n\n").repeat(2);
    Result r = deliver("send", "42", text, List.of(List.of(new Button("OK", "ok"))), "q2");
    for (int i = 0; i < 3 && r.status() == Status.THROTTLED; i++) {
      r = deliver("send", "42", text, List.of(List.of(new Button("OK", "ok"))), "q2");
    }
    assertThat(r.status()).isEqualTo(Status.SENT);
    List<FakeBotApi.Call> calls = api.calls("sendMessage");
    assertThat(calls).hasSize(3);
    calls.forEach(c -> assertThat(c.param("text").length()).isLessThanOrEqualTo(4096));
    assertThat(calls.get(0).params()).doesNotContainKey("reply_markup");
    assertThat(calls.get(2).params()).containsKey("reply_markup");
  }

  @Test
  void aRetryAfterAFailureHalfwaySendsOnlyTheRemainingParts() {
    String text = "alpha ".repeat(600) + "\n\n" + "omega ".repeat(600);
    api.slow("sendMessage", 1); // the first part goes through
    api.fail("sendMessage", 502, 0, 1); // the second does not
    Result r = deliver("send", "42", text, List.of(), null);
    assertThat(r.status()).isIn(Status.RETRY, Status.THROTTLED);
    for (int i = 0; i < 4 && r.status() != Status.SENT; i++) {
      r = deliver("send", "42", text, List.of(), null);
    }
    assertThat(r.status()).isEqualTo(Status.SENT);
    List<String> texts = api.calls("sendMessage").stream().map(c -> c.param("text")).toList();
    assertThat(texts.stream().filter(t -> t.startsWith("alpha"))).hasSize(1);
    assertThat(texts.get(texts.size() - 1)).startsWith("omega");
  }

  @Test
  void eachPartOfALongTextWaitsForThePacer() {
    String text = "alpha ".repeat(600) + "\n\n" + "omega ".repeat(600);
    Result r = deliver("send", "42", text, List.of(), null);
    assertThat(r.status()).isEqualTo(Status.THROTTLED);
    assertThat(api.calls("sendMessage")).hasSize(1);
    assertThat(deliver("send", "42", text, List.of(), null).status()).isEqualTo(Status.SENT);
    assertThat(api.calls("sendMessage")).hasSize(2);
  }

  @Test
  void closeEditsTheQuestionsKeyboardToTheChoice() {
    Result sent = deliver("send", "42", "Mood?", List.of(List.of(new Button("Calm", "calm"))), "q3");
    Result closed = deliver("close", "42", "Calm", List.of(), "q3");
    assertThat(closed.status()).isEqualTo(Status.SENT);
    FakeBotApi.Call edit = api.calls("editMessageReplyMarkup").get(0);
    assertThat(edit.param("message_id")).isEqualTo(sent.externalMessageId());
    assertThat(edit.params().get("reply_markup").toString()).contains("✓ Calm");
  }

  @Test
  void closeClosesEveryCopyOfAQuestionThatWasSentAgain() {
    List<List<Button>> keys = List.of(List.of(new Button("Calm", "calm")));
    Result first = deliver("send", "42", "Mood?", keys, "q4");
    Result again = deliver("send", "42", "Reminder: mood?", keys, "q4");
    deliver("close", "42", "Calm", List.of(), "q4");
    assertThat(api.calls("editMessageReplyMarkup")).extracting(c -> c.param("message_id"))
        .containsExactly(first.externalMessageId(), again.externalMessageId());
  }

  @Test
  void editWithoutAKnownMessageFailsClearly() {
    Result r = deliver("edit_buttons", "42", null, List.of(List.of(new Button("a", "a"))), "zz");
    assertThat(r.status()).isEqualTo(Status.FAILED);
    assertThat(r.error()).contains("zz");
  }

  @Test
  void tooManyRequestsIsARetryAfterTelegramsWait() {
    api.fail("sendMessage", 429, 7, 1);
    Result r = deliver("send", "42", "hi", List.of(), null);
    assertThat(r.status()).isEqualTo(Status.RETRY);
    assertThat(r.retryAfter()).isEqualTo(Duration.ofSeconds(7));
    assertThat(deliver("send", "42", "hi", List.of(), null).status()).isEqualTo(Status.SENT);
  }

  @Test
  void serverErrorsAndDroppedConnectionsAreRetries() {
    api.fail("sendMessage", 502, 0, 1);
    assertThat(deliver("send", "42", "hi", List.of(), null).status()).isEqualTo(Status.RETRY);
    for (int i = 0; i < 5; i++) {
      api.drop("sendMessage"); // OkHttp itself retries a dropped connection once or twice
    }
    assertThat(deliver("send", "42", "hi", List.of(), null).status()).isEqualTo(Status.RETRY);
  }

  @Test
  void blockedBotMeansUnreachable() {
    api.block("42");
    Result r = deliver("send", "42", "hi", List.of(), null);
    assertThat(r.status()).isEqualTo(Status.UNREACHABLE);
  }

  @Test
  void badRequestFailsWithTelegramsReasonNotTheText() {
    api.fail("sendMessage", 400, 0, 1);
    Result r = deliver("send", "42", "private words", List.of(), null);
    assertThat(r.status()).isEqualTo(Status.FAILED);
    assertThat(r.error()).contains("400").doesNotContain("private words");
  }

  @Test
  void secondMessageToTheSameChatWithinASecondIsThrottledNotSent() {
    deliver("send", "42", "one", List.of(), null);
    Result r = sender.deliver(new Outgoing("o2", "telegram", "42", "send", "two", List.of(),
        null, true, null));
    assertThat(r.status()).isEqualTo(Status.THROTTLED);
    assertThat(r.retryAfter()).isPositive();
    assertThat(api.calls("sendMessage")).hasSize(1);
  }

  @Test
  void sendsPhotoAsMultipart() {
    clock.advance(Duration.ofSeconds(1));
    Result r = sender.deliver(new Outgoing("o3", "telegram", "42", "photo", "Your week",
        List.of(), null, false, new byte[] {(byte) 0x89, 'P', 'N', 'G'}));
    assertThat(r.status()).isEqualTo(Status.SENT);
    FakeBotApi.Call call = api.calls("sendPhoto").get(0);
    assertThat(call.param("chat_id")).isEqualTo("42");
    assertThat(call.param("caption")).isEqualTo("Your week");
  }
}
