package org.steady.chat;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.async.DeferredResult;

/**
 * Long polling for the local chat page: a reader that asks for a chat's messages with
 * {@code wait} is answered as soon as something new is written for that chat, or with whatever
 * there is (possibly nothing) when the wait is over. {@link LocalMessages} calls
 * {@link #changed} after every write. A waiting reader holds no servlet thread, and nothing is
 * read from the store while a chat is quiet.
 *
 * <p>Writes made by another instance sharing the store are not seen until the wait is over;
 * local mode is for one instance.
 */
@Component
class LocalWaits implements DisposableBean, ApplicationListener<ContextClosedEvent> {
  private final Map<String, Set<Waiter>> waiting = new ConcurrentHashMap<>();
  private final ExecutorService readers = Executors.newFixedThreadPool(2, daemon("steady-local-wake"));
  private final ScheduledExecutorService timeouts =
      Executors.newSingleThreadScheduledExecutor(daemon("steady-local-wait"));

  /**
   * Completes {@code result} with {@code page.get()} once it has something ({@code hasNews}), or
   * with whatever it has after {@code wait}.
   */
  <T> void await(String chatId, Duration wait, DeferredResult<T> result, Supplier<T> page,
      java.util.function.Predicate<T> hasNews) {
    Waiter waiter = new Waiter(chatId);
    waiter.check = last -> {
      if (result.isSetOrExpired()) {
        return;
      }
      T now = page.get();
      if (last || hasNews.test(now)) {
        result.setResult(now);
      }
    };
    result.onCompletion(waiter::stop);
    waiting.compute(chatId, (c, ws) -> {
      Set<Waiter> set = ws != null ? ws : ConcurrentHashMap.newKeySet();
      set.add(waiter);
      return set;
    });
    waiter.run(false); // anything already there (registered first, so nothing slips between)
    try {
      waiter.timeout = timeouts.schedule(() -> waiter.run(true), wait.toMillis(),
          TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException shuttingDown) {
      waiter.run(true);
    }
  }

  /** Something was written for {@code chatId}: its readers look again. */
  void changed(String chatId) {
    Set<Waiter> ws = waiting.get(chatId);
    if (ws != null) {
      ws.forEach(w -> w.run(false));
    }
  }

  /** Shutting down: answer every reader now rather than hold the graceful shutdown up. */
  @Override
  public void onApplicationEvent(ContextClosedEvent event) {
    waiting.values().forEach(ws -> ws.forEach(w -> w.run(true)));
  }

  @Override
  public void destroy() {
    timeouts.shutdownNow();
    readers.shutdownNow();
  }

  /** One waiting reader; its checks run one at a time on the reader pool. */
  private final class Waiter {
    final String chatId;
    final AtomicBoolean scheduled = new AtomicBoolean();
    volatile java.util.function.Consumer<Boolean> check;
    volatile ScheduledFuture<?> timeout;
    private volatile boolean last;

    Waiter(String chatId) {
      this.chatId = chatId;
    }

    void run(boolean last) {
      this.last |= last;
      if (!scheduled.compareAndSet(false, true)) {
        return; // a check is queued already and will see this change too
      }
      try {
        readers.execute(() -> {
          scheduled.set(false);
          check.accept(this.last);
        });
      } catch (RejectedExecutionException shuttingDown) {
        scheduled.set(false);
      }
    }

    void stop() {
      waiting.computeIfPresent(chatId, (c, ws) -> {
        ws.remove(this);
        return ws.isEmpty() ? null : ws;
      });
      ScheduledFuture<?> t = timeout;
      if (t != null) {
        t.cancel(false);
      }
    }
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }
}
