package org.steady.telegram;

import org.steady.testing.Await;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.steady.chat.ChannelSender.Outgoing;
import org.steady.chat.ChannelSender.Result;
import org.steady.chat.ChannelSender.Status;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;

/**
 * Figures for the Telegram channel against the in-JVM fake Bot API (run with {@code -Pbench}):
 * updates handled per second (long poll, map, store, reply sent), reply latency p99, and the
 * outbound rate achieved as a fraction of the configured limit with injected 429s and no loss.
 */
class TelegramBench {

  @Test
  void inboundThroughputAndReplyLatency() throws Exception {
    int updates = 2000;
    try (FakeBotApi api = new FakeBotApi()) {
      OkHttpTelegramClient client =
          new OkHttpTelegramClient(FakeBotApi.TOKEN, BotApiUrl.parse(api.url()));
      CallbackData callbacks = new CallbackData(FakeBotApi.TOKEN);
      TelegramChannelSender sender = new TelegramChannelSender(client, new Keyboards(callbacks),
          new MemoryQuestionMessages(), new Pacer(Clock.systemUTC(), 1e6, 1e6));
      Map<String, Long> pushedAt = new ConcurrentHashMap<>();
      List<Long> latencies = java.util.Collections.synchronizedList(new ArrayList<>());
      ExecutorService replies = Executors.newFixedThreadPool(4);
      DurableInbox inbox = new DurableInbox();
      inbox.afterStore = in -> replies.execute(() -> {
        Result r = sender.deliver(new Outgoing(in.id(), "telegram", in.chatId(), "send",
            "ok", List.of(), null, false, null));
        if (r.status() == Status.SENT) {
          latencies.add(System.nanoTime() - pushedAt.get(in.externalId()));
        }
      });
      TelegramBot bot = new TelegramBot(
          new TelegramProperties(FakeBotApi.TOKEN, api.url(), "", "", 30, 1, 20, 1), client,
          new TelegramIntake(new UpdateMapper(callbacks), inbox, client, Clock.systemUTC()));
      bot.start();
      long start = System.nanoTime();
      for (int i = 0; i < updates; i++) {
        synchronized (api) {
          int id = api.push(Updates.text(1000 + i % 50, "message " + i));
          pushedAt.put(String.valueOf(id), System.nanoTime());
        }
      }
      try {
        Await.until("all replies sent", () -> latencies.size() == updates);
      } catch (AssertionError e) {
        throw new AssertionError(e.getMessage() + ": " + latencies.size() + " replies, "
            + inbox.size() + " stored, " + api.getUpdatesCalls() + " polls", e);
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      // latency at a steady 50 updates/s (the burst above measures throughput, not latency)
      latencies.clear();
      int paced = 300;
      for (int i = 0; i < paced; i++) {
        synchronized (api) {
          int id = api.push(Updates.text(3000 + i % 50, "paced " + i));
          pushedAt.put(String.valueOf(id), System.nanoTime());
        }
        Thread.sleep(20);
      }
      Await.until("paced replies sent", () -> latencies.size() == paced);
      bot.stop();
      replies.shutdown();
      List<Long> sorted = new ArrayList<>(latencies);
      sorted.sort(null);
      long p50 = sorted.get(sorted.size() / 2) / 1_000_000;
      long p99 = sorted.get((int) (sorted.size() * 0.99)) / 1_000_000;
      System.out.printf("TelegramBench inbound: %d updates in %.2f s = %.0f updates/s handled "
          + "end to end (burst); at 50 updates/s reply latency p50 %d ms, p99 %d ms; duplicates %d%n",
          updates, seconds, updates / seconds, p50, p99, inbox.duplicates.get());
      assertThat(inbox.size()).isEqualTo(updates + paced);
    }
  }

  private record Due(Instant at, int n) {}

  @Test
  void outboundRateUnderLimitWithInjected429s() throws Exception {
    int messages = 450;
    int chats = 100;
    double limit = 30;
    try (FakeBotApi api = new FakeBotApi()) {
      api.fail("sendMessage", 429, 1, 20); // spread through the run below
      OkHttpTelegramClient client =
          new OkHttpTelegramClient(FakeBotApi.TOKEN, BotApiUrl.parse(api.url()));
      Clock clock = Clock.systemUTC();
      TelegramChannelSender sender = new TelegramChannelSender(client,
          new Keyboards(new CallbackData(FakeBotApi.TOKEN)), new MemoryQuestionMessages(),
          new Pacer(clock, limit, 1));
      PriorityQueue<Due> queue = new PriorityQueue<>((a, b) -> a.at().compareTo(b.at()));
      for (int i = 0; i < messages; i++) {
        queue.add(new Due(clock.instant(), i));
      }
      int throttled = 0;
      int retried = 0;
      long start = System.nanoTime();
      while (!queue.isEmpty()) {
        Due next = queue.poll();
        Duration wait = Duration.between(clock.instant(), next.at());
        if (!wait.isNegative() && !wait.isZero()) {
          Thread.sleep(wait.toMillis(), wait.toNanosPart() % 1_000_000);
        }
        Result r = sender.deliver(new Outgoing("m" + next.n(), "telegram",
            String.valueOf(2000 + next.n() % chats), "send", "msg " + next.n(), List.of(), null,
            false, null));
        if (r.status() == Status.THROTTLED) {
          throttled++;
          queue.add(new Due(clock.instant().plus(r.retryAfter()), next.n()));
        } else if (r.status() == Status.RETRY) {
          retried++;
          queue.add(new Due(clock.instant().plus(r.retryAfter()), next.n()));
        } else {
          assertThat(r.status()).isEqualTo(Status.SENT);
        }
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      HashSet<String> delivered = new HashSet<>();
      api.calls("sendMessage").forEach(c -> delivered.add(c.param("text")));
      System.out.printf("TelegramBench outbound: %d messages to %d chats in %.2f s = %.1f msg/s "
          + "= %.0f%% of the configured %.0f msg/s; 429s honoured %d, throttled %d, lost %d%n",
          messages, chats, seconds, messages / seconds, 100 * messages / seconds / limit, limit,
          retried, throttled, messages - delivered.size());
      assertThat(delivered).hasSize(messages);
    }
  }
}
