package org.steady.store;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/**
 * Ordering keys for the inbox and the outbox: strictly increasing within this process and, being
 * derived from the clock's milliseconds times 1000, increasing across restarts too. They order
 * entries; they are not used as times.
 */
@Component
public class Sequencer {
  private final Clock clock;
  private final AtomicLong last = new AtomicLong();

  public Sequencer(Clock clock) {
    this.clock = clock;
  }

  public long next() {
    long floor = clock.millis() * 1000;
    return last.updateAndGet(prev -> Math.max(prev + 1, floor));
  }
}
