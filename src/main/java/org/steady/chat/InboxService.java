package org.steady.chat;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.steady.store.Durability;
import org.steady.store.InboxStore;

/**
 * The {@link InboundHandler}: stores the event in the inbox (a duplicate id is ignored), makes it
 * durable, then queues its chat for processing. At start-up it queues every chat that still has
 * unprocessed events (crash repair).
 */
@Component
class InboxService implements InboundHandler {
  private static final Logger log = LoggerFactory.getLogger(InboxService.class);

  private final InboxStore inbox;
  private final InboxProcessor processor;
  private final ChatExecutor executor;
  private final Durability durability;
  private final SteadyMetrics metrics;

  InboxService(InboxStore inbox, InboxProcessor processor, ChatExecutor executor,
      Durability durability, SteadyMetrics metrics) {
    this.inbox = inbox;
    this.processor = processor;
    this.executor = executor;
    this.durability = durability;
    this.metrics = metrics;
  }

  @Override
  public void accept(Inbound inbound) {
    boolean added = inbox.insert(inbound);
    if (added) {
      durability.commit();
      if (inbound.kind() != Inbound.Kind.START && inbound.kind() != Inbound.Kind.TIMER) {
        metrics.messageIn();
      }
    }
    schedule(inbound.channel(), inbound.chatId());
  }

  private void schedule(String channel, String chatId) {
    executor.submit(channel, chatId, () -> processor.drainChat(channel, chatId));
  }

  @EventListener(ApplicationReadyEvent.class)
  void repair() {
    int chats = 0;
    for (List<String> chat : inbox.chatsWithPending()) {
      schedule(chat.get(0), chat.get(1));
      chats++;
    }
    if (chats > 0) {
      log.info("crash repair: reprocessing unprocessed inbox events of {} chats", chats);
    }
  }
}
