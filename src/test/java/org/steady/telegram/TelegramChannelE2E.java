package org.steady.telegram;

import org.steady.testing.Await;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.steady.chat.ChannelSender.Outgoing;
import org.steady.chat.ChannelSender.Status;
import org.steady.chat.Inbound;
import org.steady.engine.Effect.Button;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;

/**
 * The Telegram channel against the third-party emulator telegram-test-api (through our wrapper):
 * a user's command and button press arrive as Inbound events, and questions, closed keyboards and
 * photos reach the user. Needs {@code .ci/run} (npm ci) first; fails loudly otherwise.
 */
class TelegramChannelE2E {
  private static final String TOKEN = "4242:E2E-channel-token";
  private final DurableInbox inbox = new DurableInbox();
  private TelegramEmulator emulator;
  private TelegramBot bot;
  private TelegramChannelSender sender;
  private EmulatorUser user;

  @BeforeEach
  void start() throws Exception {
    emulator = new TelegramEmulator();
    TelegramProperties props = new TelegramProperties(TOKEN, emulator.url(), "", "", 30, 1, 20, 2);
    OkHttpTelegramClient client = new OkHttpTelegramClient(TOKEN, BotApiUrl.parse(emulator.url()));
    CallbackData callbacks = new CallbackData(TOKEN);
    bot = new TelegramBot(props, client,
        new TelegramIntake(new UpdateMapper(callbacks), inbox, client, Clock.systemUTC()));
    bot.start();
    sender = new TelegramChannelSender(client, new Keyboards(callbacks),
        new MemoryQuestionMessages(), new Pacer(Clock.systemUTC(), 1000, 1000));
    user = new EmulatorUser(emulator.url(), TOKEN, 5150);
  }

  @AfterEach
  void stop() throws Exception {
    bot.stop();
    emulator.close();
  }

  private Outgoing out(String kind, String text, List<List<Button>> buttons, String token) {
    return new Outgoing("o", "telegram", "5150", kind, text, buttons, token, false, null);
  }

  @Test
  void commandQuestionPressAndClosedKeyboardRoundTrip() throws Exception {
    user.command("/start clinic-7");
    Await.until("start stored", () -> inbox.size() == 1);
    Inbound start = inbox.stored().get(0);
    assertThat(start.command()).isEqualTo("start");
    assertThat(start.argument()).isEqualTo("clinic-7");

    assertThat(sender.deliver(out("send", "How are you feeling?",
        List.of(List.of(new Button("Calm", "calm"), new Button("Shaky", "shaky"))), "q1"))
        .status()).isEqualTo(Status.SENT);
    Map<String, Object> question = user.awaitText("How are you feeling?");
    user.press(question, "Shaky");
    Await.until("press stored", () -> inbox.size() == 2);
    assertThat(inbox.stored().get(1).callbackData()).isEqualTo("q1|shaky");

    assertThat(sender.deliver(out("close", "Shaky", List.of(), "q1")).status())
        .isEqualTo(Status.SENT);
    Map<?, ?> edited = (Map<?, ?>) user.history().get(0).get("message");
    assertThat(edited.get("reply_markup").toString()).contains("✓ Shaky")
        .doesNotContain("Calm");
  }

  @Test
  void photoAndLongTextReachTheUser() throws Exception {
    assertThat(sender.deliver(new Outgoing("p", "telegram", "5150", "photo", "Your week",
        List.of(), null, false, new byte[] {1, 2, 3})).status()).isEqualTo(Status.SENT);
    user.awaitText("Your week");
    String longText = "calm ".repeat(1000);
    assertThat(sender.deliver(out("send", longText, List.of(), null)).status())
        .isEqualTo(Status.SENT);
    Map<String, Object> first = user.awaitText("calm calm");
    Map<String, Object> second = user.awaitText("calm");
    assertThat(EmulatorUser.text(first).length() + EmulatorUser.text(second).length())
        .isGreaterThan(4096);
  }

  @Test
  void stickersAndUnknownCommandsAreStoredForAFriendlyReply() throws Exception {
    user.command("/frobnicate");
    user.say("just words");
    Await.until("both stored", () -> inbox.size() == 2);
    assertThat(inbox.stored()).extracting(Inbound::kind)
        .containsExactly(Inbound.Kind.COMMAND, Inbound.Kind.TEXT);
  }
}
