package org.steady.telegram;

import org.steady.testing.Await;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.steady.app.EchoEngineConfig;
import org.steady.app.SteadyApplication;

/**
 * The whole app in Telegram mode against the fake Bot API (run with {@code -Pbench}): updates
 * handled per second through long polling, inbox, engine (the app's test engine), outbox and
 * sender, and the reply latency from an update's arrival at the Bot API to the reply's arrival.
 * Pacing is raised so that Telegram's limits do not hide the app's own speed.
 */
class TelegramAppBench {

  @Test
  void updatesHandledPerSecondThroughTheWholeApp() throws Exception {
    Path data = Files.createTempDirectory("steady-telegram-bench");
    int chats = 100;
    int perChat = 3;
    try (FakeBotApi api = new FakeBotApi();
        ConfigurableApplicationContext app =
            new SpringApplicationBuilder(SteadyApplication.class, EchoEngineConfig.class).run(
                "--server.port=0", "--steady.data-dir=" + data,
                "--steady.conversations-dir=src/test/resources/testdata/valid",
                "--steady.telegram.bot-token=" + FakeBotApi.TOKEN,
                "--steady.telegram.api-url=" + api.url(),
                "--steady.telegram.poll-timeout-seconds=1",
                "--steady.telegram.messages-per-second=100000",
                "--steady.telegram.per-chat-per-second=100000")) {
      Map<String, List<Long>> pushed = new ConcurrentHashMap<>();
      long start = System.nanoTime();
      for (int round = 0; round < perChat; round++) {
        for (int c = 0; c < chats; c++) {
          String chat = String.valueOf(9000 + c);
          synchronized (api) {
            api.push(Updates.text(9000 + c, "message " + round));
            pushed.computeIfAbsent(chat, k -> new ArrayList<>()).add(System.nanoTime());
          }
        }
      }
      int total = chats * perChat;
      Await.until("all replies", java.time.Duration.ofMinutes(5), () -> api.calls("sendMessage").size() >= total);
      double seconds = (System.nanoTime() - start) / 1e9;
      List<Long> latencies = new ArrayList<>();
      Map<String, Integer> seen = new ConcurrentHashMap<>();
      for (FakeBotApi.Call c : api.calls("sendMessage")) {
        String chat = c.param("chat_id");
        int i = seen.merge(chat, 1, Integer::sum) - 1;
        latencies.add(c.atNanos() - pushed.get(chat).get(i));
      }
      latencies.sort(null);
      System.out.printf("TelegramAppBench: %d updates from %d chats through the whole app in "
          + "%.2f s = %.0f updates/s; reply latency (burst) p50 %d ms, p99 %d ms%n", total, chats,
          seconds, total / seconds, latencies.get(total / 2) / 1_000_000,
          latencies.get((int) (total * 0.99)) / 1_000_000);
    }
  }
}
