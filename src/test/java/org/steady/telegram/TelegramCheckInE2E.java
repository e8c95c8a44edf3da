package org.steady.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.steady.app.SteadyApplication;

/**
 * A Telegram user, through the npm emulator telegram-test-api, completes onboarding and a daily
 * check-in of the shipped conversations by pressing buttons and typing, against the whole app.
 * Needs {@code .ci/run} (npm ci) first; fails loudly otherwise.
 */
class TelegramCheckInE2E {
  private static final String TOKEN = "5150:E2E-checkin-token";
  @TempDir Path tmp;

  /** Which answer (button value or text) to give, by a fragment of the question. */
  private static final Map<String, String> ANSWERS = Map.ofEntries(
      Map.entry("happy to go ahead", "agree"),
      Map.entry("like me to call you", "Ana"),
      Map.entry("Which language would you like", "en"),
      Map.entry("Where are you, so I can", "Madrid"),
      Map.entry("What time of day would suit", "9:00"),
      Map.entry("How is your mood today", "7"),
      Map.entry("How did you sleep", "well"),
      Map.entry("How anxious", "2"),
      Map.entry("Tick all that apply", "none+__done"),
      Map.entry("Have you had cravings", "none"),
      Map.entry("planned dose taken", "yes"),
      Map.entry("thoughts of harming yourself", "no"),
      Map.entry("like a short idea", "no"));

  @Test
  void userCompletesOnboardingAndADailyCheckInWithButtons() throws Exception {
    try (TelegramEmulator emulator = new TelegramEmulator();
        ConfigurableApplicationContext app = new SpringApplicationBuilder(SteadyApplication.class)
            .initializers(ctx -> ctx.addBeanFactoryPostProcessor(new EngineIfMissing()))
            .run("--server.port=0", "--steady.data-dir=" + tmp.resolve("data"),
                "--steady.conversations-dir=conversations",
                "--steady.telegram.bot-token=" + TOKEN,
                "--steady.telegram.api-url=" + emulator.url(),
                "--steady.telegram.poll-timeout-seconds=1",
                "--steady.telegram.per-chat-per-second=5")) {
      EmulatorUser user = new EmulatorUser(emulator.url(), TOKEN, 7007);
      user.command("/start");
      List<String> asked = walk(user, "Thank you for trusting me");
      assertThat(asked).anyMatch(q -> q.contains("happy to go ahead"));

      user.command("/checkin");
      asked = walk(user, "Thank you for checking in");
      assertThat(asked).anyMatch(q -> q.contains("How did you sleep"));
      assertThat(asked).anyMatch(q -> q.contains("harming yourself"));

      // every answered question's keyboard was replaced by the choice (no live buttons left)
      for (Map<String, Object> m : user.history()) {
        Object markup = ((Map<?, ?>) m.get("message")).get("reply_markup");
        if (markup != null && markup.toString().contains("callback_data")) {
          assertThat(markup.toString()).as(EmulatorUser.text(m)).contains("✓");
        }
      }
    }
  }

  /** Answers every question until a message containing {@code end}; returns the questions. */
  private static List<String> walk(EmulatorUser user, String end) throws Exception {
    List<String> asked = new ArrayList<>();
    for (int turn = 0; turn < 40; turn++) {
      Map<String, Object> m = user.await("from the bot", x -> true);
      String text = EmulatorUser.text(m);
      if (text.contains(end)) {
        return asked;
      }
      String answer = ANSWERS.entrySet().stream().filter(e -> text.contains(e.getKey()))
          .map(Map.Entry::getValue).findFirst().orElse(null);
      boolean hasButtons = ((Map<?, ?>) m.get("message")).get("reply_markup") != null;
      if (answer == null && !hasButtons) {
        continue; // a statement, not a question
      }
      asked.add(text);
      if (hasButtons) {
        for (String value : answer == null ? new String[] {null} : answer.split("\\+")) {
          pressValue(user, m, value); // a multi-select: tick, then Done
        }
      } else {
        user.say(answer);
      }
    }
    throw new AssertionError("conversation did not reach '" + end + "'; asked " + asked);
  }

  @SuppressWarnings("unchecked")
  private static void pressValue(EmulatorUser user, Map<String, Object> m, String value)
      throws Exception {
    Map<String, Object> markup =
        (Map<String, Object>) ((Map<String, Object>) m.get("message")).get("reply_markup");
    List<List<Map<String, Object>>> rows =
        (List<List<Map<String, Object>>>) markup.get("inline_keyboard");
    for (List<Map<String, Object>> row : rows) {
      for (Map<String, Object> b : row) {
        String data = (String) b.get("callback_data");
        String payload = data.substring(0, data.lastIndexOf('~'));
        String v = payload.substring(payload.indexOf('|') + 1);
        if (value == null || v.equals(value)) {
          user.press(m, (String) b.get("text"));
          return;
        }
      }
    }
    throw new AssertionError("no button with value " + value + " under: " + EmulatorUser.text(m));
  }
}
