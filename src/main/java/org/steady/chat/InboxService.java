package org.steady.chat;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;
import org.steady.store.Durability;
import org.steady.store.InboxStore;

/**
 * The {@link InboundHandler}: stores the event in the inbox (a duplicate id is ignored), makes it
 * durable, then queues it for processing behind the same chat's earlier events. At start-up it
 * queues every event that is still unprocessed (crash repair).
 */
@Component
class InboxService implements InboundHandler, SmartInitializingSingleton {
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
    InboxStore.Entry stored = inbox.insert(inbound);
    if (stored == null) {
      // delivered before: process it unless that is done already
      String id = inbound.id();
      executor.submit(inbound.channel(), inbound.chatId(), fromPerson(inbound),
          () -> processor.process(id));
      return;
    }
    durability.commit();
    queue(stored);
  }

  /**
   * Stores the events, runs {@code beforeProcessing}, then makes both durable with one commit:
   * a crash before it loses neither alone (the scheduler's schedules stay due and fire again,
   * their inbox keys deduplicating), and a commit in between only ever adds the events.
   */
  @Override
  public void acceptAll(List<Inbound> events, Runnable beforeProcessing) {
    List<InboxStore.Entry> stored = inbox.insert(events);
    try {
      beforeProcessing.run();
    } finally {
      if (!stored.isEmpty()) {
        durability.commit();
      }
      stored.forEach(this::queue);
    }
  }

  private void queue(InboxStore.Entry e) {
    Inbound in = e.inbound();
    if (fromPerson(in)) {
      metrics.messageIn();
    }
    executor.submit(in.channel(), in.chatId(), fromPerson(in), () -> processor.process(e));
  }

  /** A person's message, as opposed to a scheduled check-in or timer. */
  private static boolean fromPerson(Inbound in) {
    return in.kind() != Inbound.Kind.START && in.kind() != Inbound.Kind.TIMER;
  }

  /**
   * Crash repair, before the web server or any channel accepts new events: queues every
   * unprocessed entry in arrival order, so a chat's new events line up behind its old ones.
   */
  @Override
  public void afterSingletonsInstantiated() {
    List<InboxStore.Entry> pending = inbox.pending();
    for (InboxStore.Entry e : pending) {
      executor.submit(e.inbound().channel(), e.inbound().chatId(), fromPerson(e.inbound()),
          () -> processor.process(e.id()));
    }
    if (!pending.isEmpty()) {
      log.info("crash repair: reprocessing {} unprocessed inbox events", pending.size());
    }
  }
}
