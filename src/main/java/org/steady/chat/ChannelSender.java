package org.steady.chat;

import java.time.Duration;
import java.util.List;
import org.steady.engine.Effect;

/**
 * Delivers outbox entries in one channel ({@code telegram}, {@code local}). The outbox relay
 * claims an entry, calls {@link #deliver}, and marks it sent only on {@link Result#sent}.
 */
public interface ChannelSender {

  /** The channel this sender serves. */
  String channel();

  Result deliver(Outgoing message);

  /**
   * Whether a message must be durable before it is handed over, and its delivery recorded
   * durably at once: true for a channel whose messages leave the process (Telegram), so that a
   * crash neither sends what it then forgets nor sends again what was sent. A channel that only
   * writes into the store itself, idempotently (the local chat page), needs neither: a crash
   * loses both together and the replay writes the same message again.
   */
  default boolean leavesTheProcess() {
    return true;
  }

  /**
   * A message to deliver. {@code kind}: "send", "edit_buttons" (multi-select ticks), "close"
   * (replace the keyboard by the chosen label), "photo" (PNG bytes in {@code image}).
   */
  record Outgoing(
      String id,
      String channel,
      String chatId,
      String kind,
      String text,
      List<List<Effect.Button>> buttons,
      String questionToken,
      boolean urgent,
      byte[] image) {}

  /**
   * Outcome of one attempt. {@code wholeChannel} (with {@code THROTTLED}): the channel's overall
   * limit is reached, so every chat of the channel waits, not just this one.
   */
  record Result(Status status, String externalMessageId, Duration retryAfter, String error,
      boolean wholeChannel) {
    public static Result sent(String externalMessageId) {
      return new Result(Status.SENT, externalMessageId, null, null, false);
    }

    public static Result retry(Duration after, String error) {
      return new Result(Status.RETRY, null, after, error, false);
    }

    /** The person blocked the bot (Telegram 403): stop sending to them. */
    public static Result unreachable(String error) {
      return new Result(Status.UNREACHABLE, null, null, error, false);
    }

    /** Not sent because of this chat's pacing; try again after; not a failed attempt. */
    public static Result throttled(Duration after) {
      return throttled(after, false);
    }

    /** Not sent because of pacing; {@code wholeChannel} when the overall limit is reached. */
    public static Result throttled(Duration after, boolean wholeChannel) {
      return new Result(Status.THROTTLED, null, after, null, wholeChannel);
    }

    public static Result failed(String error) {
      return new Result(Status.FAILED, null, null, error, false);
    }
  }

  enum Status {
    SENT,
    RETRY,
    UNREACHABLE,
    THROTTLED,
    FAILED
  }
}
