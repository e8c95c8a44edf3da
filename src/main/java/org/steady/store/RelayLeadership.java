package org.steady.store;

import com.mongodb.client.MongoDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import net.javacrumbs.shedlock.core.ClockProvider;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import net.javacrumbs.shedlock.provider.mongo.MongoLockProvider;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Which instance's relay sends: one at a time, across every instance sharing the MongoDB. That is
 * what Telegram's limits need (about 30 messages a second per bot, however many instances pace
 * themselves), and it lets the relay read and finish entries in batches without a lease on each.
 * The leader holds a ShedLock lock ({@code shedLock} collection) for {@link #LEASE}, renewed
 * while it works; if it dies, another instance takes over when the lease runs out. A message cut
 * off by that death may be sent twice, never lost.
 *
 * <p>On the embedded store there is one process by construction (it holds the store file's
 * lock), so it always leads, including at once after a restart that follows a {@code kill -9}.
 */
@Component
public class RelayLeadership implements DisposableBean {
  static final String NAME = "outbox-relay";
  static final Duration LEASE = Duration.ofSeconds(30);

  private final @Nullable LockProvider locks;
  private @Nullable SimpleLock held;
  private Instant renewAfter = Instant.MIN;

  @Autowired
  public RelayLeadership(MongoDatabase db, StoreTarget target) {
    this(target.embedded() ? null : new MongoLockProvider(db));
  }

  RelayLeadership(@Nullable LockProvider locks) {
    this.locks = locks;
  }

  /** Whether this instance's relay may send now; takes or renews the lease as needed. */
  public synchronized boolean leads() {
    if (locks == null) {
      return true;
    }
    Instant now = ClockProvider.now();
    if (held != null && now.isBefore(renewAfter)) {
      return true;
    }
    Optional<SimpleLock> lock = held != null ? held.extend(LEASE, Duration.ZERO)
        : locks.lock(new LockConfiguration(now, NAME, LEASE, Duration.ZERO));
    held = lock.orElse(null);
    renewAfter = now.plus(LEASE.dividedBy(2));
    return held != null;
  }

  /** Lets another instance take over at once on a clean shutdown. */
  @Override
  public synchronized void destroy() {
    if (held != null) {
      held.unlock();
      held = null;
    }
  }
}
