package org.steady.store;

import java.util.concurrent.atomic.AtomicLong;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Makes accepted writes survive a crash. On the embedded store it commits the file store; on a
 * real MongoDB the client already writes with {@code w:majority, j:true}, so it does nothing.
 *
 * <p>Group commit: a caller whose write finished before another caller's commit started is
 * covered by that commit and returns without committing again.
 */
@Component
public class Durability {
  private final EmbeddedMongo embedded;
  private final AtomicLong requested = new AtomicLong();
  private final Object lock = new Object();
  private long committed;
  private long commits;

  public Durability(ObjectProvider<EmbeddedMongo> embedded) {
    this.embedded = embedded.getIfAvailable();
  }

  /** Call after the writes that must survive; returns once they are on disk. */
  public void commit() {
    if (embedded == null) {
      return;
    }
    long ticket = requested.incrementAndGet();
    synchronized (lock) {
      if (committed >= ticket) {
        return;
      }
      long upTo = requested.get();
      embedded.commit();
      committed = upTo;
      commits++;
    }
  }

  /** How many times the file store was committed: a group commit counts once. */
  public long commits() {
    synchronized (lock) {
      return commits;
    }
  }

  public boolean embedded() {
    return embedded != null;
  }
}
