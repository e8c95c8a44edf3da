package org.steady.telegram;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.steady.chat.ChannelSender;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.send.SendPhoto;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageReplyMarkup;
import org.telegram.telegrambots.meta.api.objects.InputFile;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Delivers outbox entries of channel {@code telegram} through the Bot API. Kinds: {@code send}
 * (text split at 4,096 chars, keyboard on the last part), {@code edit_buttons} and {@code close}
 * (edit the keyboard of the message that asked the question), {@code photo}. Pacing comes first:
 * over the limit the entry is {@code THROTTLED}, not attempted. Errors: 429 is a retry after
 * {@code retry_after}; 5xx and I/O are retries; 403 means the person blocked the bot; other 4xx
 * fail with Telegram's description (which never contains the message text).
 */
class TelegramChannelSender implements ChannelSender {
  private static final int CAPTION_LIMIT = 1024;

  private final TelegramClient client;
  private final Keyboards keyboards;
  private final QuestionMessages questions;
  private final Pacer pacer;

  TelegramChannelSender(
      TelegramClient client, Keyboards keyboards, QuestionMessages questions, Pacer pacer) {
    this.client = client;
    this.keyboards = keyboards;
    this.questions = questions;
    this.pacer = pacer;
  }

  @Override
  public String channel() {
    return UpdateMapper.CHANNEL;
  }

  @Override
  public Result deliver(Outgoing m) {
    Pacer.Pace pace = pacer.take(m.chatId());
    if (!pace.delay().isZero()) {
      return Result.throttled(pace.delay(), pace.overall());
    }
    try {
      switch (m.kind()) {
        case "send":
          return send(m);
        case "edit_buttons":
          return editKeyboard(m, keyboards.of(m.chatId(), m.buttons(), m.questionToken()));
        case "close":
          return editKeyboard(m, keyboards.closed(m.chatId(), m.text()));
        case "photo":
          return photo(m);
        default:
          return Result.failed("unknown outbox kind " + m.kind());
      }
    } catch (IllegalArgumentException e) {
      return Result.failed(e.getMessage());
    } catch (TelegramApiRequestException e) {
      return fromError(e);
    } catch (TelegramApiException e) {
      return Result.retry(null, "telegram api: " + e.getClass().getSimpleName());
    }
  }

  private Result send(Outgoing m) throws TelegramApiException {
    InlineKeyboardMarkup keyboard = keyboards.of(m.chatId(), m.buttons(), m.questionToken());
    List<String> parts = TextChunks.split(m.text() == null ? "" : m.text(), TextChunks.LIMIT);
    // a long text goes out in parts; the parts already accepted are remembered, so a retry
    // after a failure halfway sends only the rest, and each further part waits for the pacer
    String partsKey = "parts:" + m.id();
    List<Integer> done = parts.size() > 1 ? questions.find(m.chatId(), partsKey) : List.of();
    Message last = null;
    boolean first = true;
    for (int i = 0; i < parts.size(); i++) {
      if (done.contains(i)) {
        continue;
      }
      if (!first) {
        Pacer.Pace pace = pacer.take(m.chatId());
        if (!pace.delay().isZero()) {
          return Result.throttled(pace.delay(), pace.overall());
        }
      }
      first = false;
      boolean isLast = i == parts.size() - 1;
      last = client.execute(SendMessage.builder().chatId(m.chatId()).text(parts.get(i))
          .replyMarkup(isLast ? keyboard : null).build());
      if (!isLast) {
        questions.remember(m.chatId(), partsKey, i);
      }
    }
    return sent(m, last);
  }

  /**
   * {@code edit_buttons} edits the latest message of the question; {@code close} closes every
   * message that asked it, so no earlier copy keeps live buttons.
   */
  private Result editKeyboard(Outgoing m, @Nullable InlineKeyboardMarkup keyboard)
      throws TelegramApiException {
    if (m.questionToken() == null) {
      return Result.failed(m.kind() + " without a question token");
    }
    List<Integer> messageIds = questions.find(m.chatId(), m.questionToken());
    if (messageIds.isEmpty()) {
      return Result.failed("no telegram message known for question " + m.questionToken());
    }
    int latest = messageIds.get(messageIds.size() - 1);
    List<Integer> targets = "close".equals(m.kind()) ? messageIds : List.of(latest);
    for (int messageId : targets) {
      try {
        client.execute(EditMessageReplyMarkup.builder().chatId(m.chatId()).messageId(messageId)
            .replyMarkup(keyboard == null ? new InlineKeyboardMarkup(List.of()) : keyboard)
            .build());
      } catch (TelegramApiRequestException e) {
        if (!isNotModified(e) && (messageId == latest || !isBadRequest(e))) {
          throw e; // an identical edit (a retry after a lost answer) is a success
        }
      }
    }
    return Result.sent(String.valueOf(latest));
  }

  private Result photo(Outgoing m) throws TelegramApiException {
    if (m.image() == null || m.image().length == 0) {
      return Result.failed("photo entry without image bytes");
    }
    String caption = m.text() == null ? null
        : m.text().length() <= CAPTION_LIMIT ? m.text() : m.text().substring(0, CAPTION_LIMIT);
    Message sent = client.execute(SendPhoto.builder().chatId(m.chatId())
        .photo(new InputFile(new ByteArrayInputStream(m.image()), "chart.png"))
        .caption(caption)
        .replyMarkup(keyboards.of(m.chatId(), m.buttons(), m.questionToken())).build());
    return sent(m, sent);
  }

  private Result sent(Outgoing m, @Nullable Message message) {
    String id = message == null || message.getMessageId() == null ? null
        : String.valueOf(message.getMessageId());
    if (id != null && m.questionToken() != null) {
      questions.remember(m.chatId(), m.questionToken(), message.getMessageId());
    }
    return Result.sent(id);
  }

  static Result fromError(TelegramApiRequestException e) {
    Integer code = e.getErrorCode();
    String what = "telegram " + (code == null ? "error" : code) + ": " + e.getApiResponse();
    if (code == null || code >= 500) {
      return Result.retry(null, what);
    }
    if (code == 429) {
      Integer after = e.getParameters() == null ? null : e.getParameters().getRetryAfter();
      return Result.retry(Duration.ofSeconds(after == null ? 1 : after), what);
    }
    if (code == 403) {
      return Result.unreachable(what);
    }
    return Result.failed(what);
  }

  private static boolean isBadRequest(TelegramApiRequestException e) {
    return Integer.valueOf(400).equals(e.getErrorCode());
  }

  private static boolean isNotModified(TelegramApiRequestException e) {
    return Integer.valueOf(400).equals(e.getErrorCode()) && e.getApiResponse() != null
        && e.getApiResponse().contains("message is not modified");
  }
}
