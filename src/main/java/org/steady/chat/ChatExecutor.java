package org.steady.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Runs work in order per chat and in parallel across chats: each chat hashes to one of N
 * single-thread stripes. On shutdown the stripes finish what is queued (graceful drain); what
 * is left unprocessed in the inbox is picked up by crash repair at the next start.
 */
@Component
public class ChatExecutor implements DisposableBean {
  private static final Logger log = LoggerFactory.getLogger(ChatExecutor.class);
  private final List<ExecutorService> stripes = new ArrayList<>();

  public ChatExecutor(@Value("${steady.inbox.threads:4}") int threads) {
    for (int i = 0; i < Math.max(1, threads); i++) {
      int n = i;
      stripes.add(Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "steady-chat-" + n);
        t.setDaemon(true);
        return t;
      }));
    }
  }

  /** Queues {@code work} behind everything queued for the same chat. */
  public void submit(String channel, String chatId, Runnable work) {
    int stripe = Math.floorMod((channel + ":" + chatId).hashCode(), stripes.size());
    try {
      stripes.get(stripe).execute(work);
    } catch (RejectedExecutionException shuttingDown) {
      log.info("shutting down; chat work left for the next start");
    }
  }

  @Override
  public void destroy() throws InterruptedException {
    stripes.forEach(ExecutorService::shutdown);
    for (ExecutorService s : stripes) {
      if (!s.awaitTermination(15, TimeUnit.SECONDS)) {
        log.warn("inbox drain timed out; unprocessed events are repaired at the next start");
        s.shutdownNow();
      }
    }
  }
}
