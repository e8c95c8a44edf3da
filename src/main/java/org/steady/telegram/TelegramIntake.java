package org.steady.telegram;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
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
  private final ExecutorService workers = Executors.newFixedThreadPool(8, r -> {
    Thread t = new Thread(r, "steady-telegram-intake");
    t.setDaemon(true);
    return t;
  });
  private final AtomicInteger firstFailed = new AtomicInteger(Integer.MAX_VALUE);
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
   * 500 then, and Telegram redelivers). Chats are stored in parallel (so the store's group
   * commit covers many at once), each chat's updates in order.
   */
  void accept(List<Update> updates) {
    List<Update> sorted = new ArrayList<>(updates);
    sorted.sort((a, b) -> Integer.compare(a.getUpdateId(), b.getUpdateId()));
    Map<String, List<Update>> byChat = new LinkedHashMap<>();
    Map<Update, UpdateMapper.Mapped> mapped = new HashMap<>();
    for (Update u : sorted) {
      UpdateMapper.Mapped m = mapper.map(u, clock.instant());
      mapped.put(u, m);
      String chat = m.inbound() == null ? "" : m.inbound().chatId();
      byChat.computeIfAbsent(chat, c -> new ArrayList<>()).add(u);
    }
    List<UpdateMapper.Mapped> done = Collections.synchronizedList(new ArrayList<>());
    List<CompletableFuture<Void>> chats = new ArrayList<>();
    for (List<Update> chat : byChat.values()) {
      Runnable store = () -> store(chat, mapped, done);
      chats.add(byChat.size() == 1 ? CompletableFuture.runAsync(store, Runnable::run)
          : CompletableFuture.runAsync(store, workers));
    }
    try {
      CompletableFuture.allOf(chats.toArray(new CompletableFuture[0])).join();
    } catch (CompletionException e) {
      int failed = firstFailed.getAndSet(Integer.MAX_VALUE);
      IntConsumer r = rewind;
      if (r != null && failed != Integer.MAX_VALUE) {
        r.accept(failed - 1);
      }
      throw e.getCause() instanceof RuntimeException ? (RuntimeException) e.getCause() : e;
    } finally {
      done.forEach(this::react);
    }
  }

  private void store(
      List<Update> chat, Map<Update, UpdateMapper.Mapped> mapped, List<UpdateMapper.Mapped> done) {
    for (Update u : chat) {
      UpdateMapper.Mapped m = mapped.get(u);
      if (m.inbound() != null) {
        try {
          handler.accept(m.inbound());
        } catch (RuntimeException e) {
          log.warn("could not store telegram update {}: {}", u.getUpdateId(),
              e.getClass().getName());
          firstFailed.accumulateAndGet(u.getUpdateId(), Math::min);
          throw e;
        }
      }
      done.add(m);
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
