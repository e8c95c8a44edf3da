package org.steady.telegram;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.steady.chat.Inbound;
import org.steady.chat.InboundHandler;

/**
 * Test double of the app's inbox: survives "restarts" of the Telegram side, ignores a duplicate
 * id (as the real unique key does), and can fail or run a hook on chosen accepts.
 */
final class DurableInbox implements InboundHandler {
  private final Map<String, Inbound> stored = new LinkedHashMap<>();
  final AtomicInteger duplicates = new AtomicInteger();
  final AtomicInteger failuresToInject = new AtomicInteger();
  volatile Consumer<Inbound> afterStore = i -> {};

  @Override
  public void accept(Inbound inbound) {
    if (failuresToInject.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      throw new IllegalStateException("store unavailable (injected)");
    }
    synchronized (this) {
      if (stored.putIfAbsent(inbound.id(), inbound) != null) {
        duplicates.incrementAndGet();
        return;
      }
    }
    afterStore.accept(inbound);
  }

  synchronized List<Inbound> stored() {
    return new ArrayList<>(stored.values());
  }

  synchronized int size() {
    return stored.size();
  }
}
