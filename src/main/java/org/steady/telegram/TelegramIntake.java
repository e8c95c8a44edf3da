package org.steady.telegram;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.steady.chat.InboundHandler;
import org.telegram.telegrambots.longpolling.interfaces.LongPollingUpdateConsumer;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Where updates enter Steady, from long polling or the webhook. Each batch is stored through
 * {@link InboundHandler#accept} synchronously, in update order, before this returns: the stock
 * long-polling session confirms a batch to Telegram on its next poll, so returning early would
 * lose updates in a crash. If storing fails, the session's offset is rewound to the failed update
 * (so the next poll fetches it again) and the rest of the batch is left for that poll. Button
 * presses are answered and group notices sent only after storing, best effort.
 */
class TelegramIntake implements LongPollingUpdateConsumer {
  private static final Logger log = LoggerFactory.getLogger(TelegramIntake.class);

  private final UpdateMapper mapper;
  private final InboundHandler handler;
  private final TelegramClient client;
  private final Clock clock;
  private volatile @Nullable IntConsumer rewind;

  TelegramIntake(UpdateMapper mapper, InboundHandler handler, TelegramClient client, Clock clock) {
    this.mapper = mapper;
    this.handler = handler;
    this.client = client;
    this.clock = clock;
  }

  /** Set by long polling: moves the session's last received update id back. */
  void onFailureRewindTo(IntConsumer rewind) {
    this.rewind = rewind;
  }

  @Override
  public void consume(List<Update> updates) {
    try {
      accept(updates);
    } catch (RuntimeException e) {
      // Already logged in accept(); the offset was rewound so Telegram sends it again.
      pauseAfterFailure();
    }
  }

  /**
   * Stores every update of the batch; throws if one could not be stored (the webhook answers
   * 500 then, and Telegram redelivers).
   */
  void accept(List<Update> updates) {
    List<UpdateMapper.Mapped> done = new ArrayList<>(updates.size());
    List<Update> sorted = new ArrayList<>(updates);
    sorted.sort((a, b) -> Integer.compare(a.getUpdateId(), b.getUpdateId()));
    try {
      for (Update u : sorted) {
        UpdateMapper.Mapped m = mapper.map(u, clock.instant());
        if (m.inbound() != null) {
          try {
            handler.accept(m.inbound());
          } catch (RuntimeException e) {
            log.warn("could not store telegram update {}: {}", u.getUpdateId(),
                e.getClass().getName());
            IntConsumer r = rewind;
            if (r != null) {
              r.accept(u.getUpdateId() - 1);
            }
            throw e;
          }
        }
        done.add(m);
      }
    } finally {
      done.forEach(this::react);
    }
  }

  private void react(UpdateMapper.Mapped m) {
    try {
      if (m.callbackId() != null) {
        client.execute(AnswerCallbackQuery.builder().callbackQueryId(m.callbackId())
            .text(m.callbackAnswer()).build());
      }
      if (m.noticeChatId() != null && m.notice() != null) {
        client.execute(SendMessage.builder().chatId(m.noticeChatId()).text(m.notice()).build());
      }
    } catch (TelegramApiException | RuntimeException e) {
      log.info("could not answer a telegram update: {}", e.getClass().getSimpleName());
    }
  }

  private static void pauseAfterFailure() {
    try {
      Thread.sleep(1000); // production back-off so a down store is not polled in a hot loop
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
