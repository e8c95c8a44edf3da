package org.steady.store;

import de.bwaldvogel.mongo.MongoServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.steady.store.embedded.EmbeddedBackend;

/**
 * The default store: a MongoDB-wire-protocol server inside this JVM (mongo-java-server) that
 * persists to one H2 MVStore file through Steady's storage engine ({@link EmbeddedBackend}).
 * {@link #commit()} is called after every write that must survive a {@code kill -9} (see
 * {@link Durability}); everything else is committed within a second, every half minute the
 * store also compacts its file a little if it needs it ({@link #maintain}), and a JVM shutdown
 * hook commits once more.
 */
public final class EmbeddedMongo implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(EmbeddedMongo.class);
  /** How often the once-a-second tick also compacts the file. */
  static final int COMPACT_EVERY_SECONDS = 30;

  private final EmbeddedBackend backend;
  private final MongoServer server;
  private final String uri;
  private final Thread shutdownHook;
  private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "steady-store-commit-tick");
    t.setDaemon(true);
    return t;
  });
  private volatile boolean closed;
  /** Seconds ticked since the last compaction (only the ticker thread uses it). */
  private int sinceCompaction;

  private EmbeddedMongo(EmbeddedBackend backend, MongoServer server, String uri) {
    this.backend = backend;
    this.server = server;
    this.uri = uri;
    this.shutdownHook = new Thread(this::commitQuietly, "steady-store-commit");
    Runtime.getRuntime().addShutdownHook(shutdownHook);
    ticker.scheduleWithFixedDelay(this::tick, 1, 1, TimeUnit.SECONDS);
  }

  /** Opens (or creates) {@code file} and listens on 127.0.0.1 on a free port. */
  public static EmbeddedMongo start(Path file) {
    return start(file, null);
  }

  /**
   * As {@link #start(Path)}, with the time a replaced chunk of the file stays untouched
   * (default 45 s; tests shorten it to see {@link #maintain} reuse space at once).
   */
  public static EmbeddedMongo start(Path file, @Nullable Duration retention) {
    EmbeddedBackend backend = EmbeddedBackend.open(file, retention);
    MongoServer server = new MongoServer(backend);
    try {
      String uri = server.bindAndGetConnectionString().replace("localhost", "127.0.0.1");
      EmbeddedMongo mongo = new EmbeddedMongo(backend, server, uri);
      log.info("embedded store listening at {} with file {}", uri, file);
      return mongo;
    } catch (RuntimeException e) {
      server.shutdownNow();
      throw e;
    }
  }

  /** How many documents the store's queries have read so far (see {@link EmbeddedBackend}). */
  public long documentsRead() {
    return backend.documentsRead();
  }

  /** Connection string for the driver, e.g. {@code mongodb://127.0.0.1:40123}. */
  public String uri() {
    return uri;
  }

  /** Writes every change applied so far to the file (not an fsync: survives a process kill). */
  public void commit() {
    if (!closed) {
      backend.commit();
    }
  }

  /**
   * Compacts the file a little if it needs it (see {@link EmbeddedBackend#compact}), then
   * commits. The store does this every {@link #COMPACT_EVERY_SECONDS} seconds.
   *
   * @return whether it compacted
   */
  public boolean maintain() {
    if (closed) {
      return false;
    }
    boolean compacted = backend.compact();
    backend.commit();
    return compacted;
  }

  /** The percentage of the file's chunks that holds live data. */
  public int chunksFillRate() {
    return backend.chunksFillRate();
  }

  /**
   * Every second: commits whatever no caller committed yet, and every
   * {@link #COMPACT_EVERY_SECONDS} seconds compacts first. Not more often: a compaction holds
   * commits up (2 to 50 ms each under the benchmark's load, about 150 ms for the first one over a
   * 300 MB file), and only chunks older than the 45 s retention time are rewritten anyway.
   */
  private void tick() {
    try {
      if (++sinceCompaction >= COMPACT_EVERY_SECONDS) {
        sinceCompaction = 0;
        maintain();
      } else {
        commit();
      }
    } catch (RuntimeException e) {
      log.warn("store tick failed: {}", e.getClass().getName());
    }
  }

  private void commitQuietly() {
    try {
      commit();
    } catch (RuntimeException e) {
      log.warn("final store commit failed: {}", e.getClass().getName());
    }
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    ticker.shutdownNow();
    commitQuietly();
    closed = true;
    server.shutdown();
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException shuttingDown) {
      // the JVM is already shutting down; the hook has run or runs now
    }
    log.info("embedded store closed");
  }
}
