package org.steady.telegram;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Token buckets under Telegram's limits: one overall ({@code messagesPerSecond}, burst of one
 * second's worth) and one per chat ({@code perChatPerSecond}, burst of one; a group chat, whose
 * id is negative, at most {@code perGroupPerMinute} as well). {@link #acquire}
 * either takes a token from both and returns zero, or takes nothing and says how long to wait, so
 * the outbox relay can serve other chats (and urgent messages) meanwhile.
 */
final class Pacer {
  private static final int MAX_TRACKED_CHATS = 10_000;

  private final Clock clock;
  private final double globalRate;
  private final double chatRate;
  private final Bucket global;
  private final Map<String, Bucket> chats = new HashMap<>();

  private final double groupRate;

  Pacer(Clock clock, double messagesPerSecond, double perChatPerSecond) {
    this(clock, messagesPerSecond, perChatPerSecond, 20);
  }

  Pacer(Clock clock, double messagesPerSecond, double perChatPerSecond,
      double perGroupPerMinute) {
    this.clock = clock;
    this.globalRate = messagesPerSecond;
    this.chatRate = perChatPerSecond;
    this.groupRate = Math.min(perChatPerSecond, perGroupPerMinute / 60.0);
    this.global = new Bucket(Math.max(1, messagesPerSecond), nanos());
  }

  /**
   * The wait before a message may go: zero if it may go now (a token was taken), else how long,
   * and whether the overall limit is what holds it (then every chat waits, not just this one).
   */
  record Pace(Duration delay, boolean overall) {}

  /** @return {@link Duration#ZERO} if the message may go now, else how long to wait */
  Duration acquire(String chatId) {
    return take(chatId).delay();
  }

  synchronized Pace take(String chatId) {
    long now = nanos();
    global.refill(now, globalRate, Math.max(1, globalRate));
    Bucket chat = chats.computeIfAbsent(chatId, c -> new Bucket(1, now));
    double chatRate = rateOf(chatId);
    chat.refill(now, chatRate, 1);
    if (global.tokens >= 1 && chat.tokens >= 1) {
      global.tokens -= 1;
      chat.tokens -= 1;
      forgetIdleChats(now);
      return new Pace(Duration.ZERO, false);
    }
    long wait = Math.max(global.nanosUntilOne(globalRate), chat.nanosUntilOne(chatRate));
    return new Pace(Duration.ofNanos(Math.max(wait, 1_000_000)), global.tokens < 1);
  }

  private void forgetIdleChats(long now) {
    if (chats.size() > MAX_TRACKED_CHATS) {
      chats.entrySet().removeIf(e -> {
        e.getValue().refill(now, rateOf(e.getKey()), 1);
        return e.getValue().tokens >= 1;
      });
    }
  }

  /** Telegram's group and supergroup chat ids are negative. */
  private double rateOf(String chatId) {
    return chatId.startsWith("-") ? groupRate : chatRate;
  }

  private long nanos() {
    java.time.Instant i = clock.instant();
    return i.getEpochSecond() * 1_000_000_000L + i.getNano();
  }

  private static final class Bucket {
    double tokens;
    long last;

    Bucket(double tokens, long now) {
      this.tokens = tokens;
      this.last = now;
    }

    void refill(long now, double ratePerSecond, double capacity) {
      if (now > last) {
        tokens = Math.min(capacity, tokens + (now - last) / 1e9 * ratePerSecond);
        last = now;
      }
    }

    long nanosUntilOne(double ratePerSecond) {
      return tokens >= 1 ? 0 : (long) Math.ceil((1 - tokens) / ratePerSecond * 1e9);
    }
  }
}
