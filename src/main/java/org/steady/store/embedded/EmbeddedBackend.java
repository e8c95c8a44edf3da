package org.steady.store.embedded;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractMongoBackend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.h2.mvstore.MVStore;

/**
 * The embedded store's backend: mongo-java-server over one H2 MVStore file, with Steady's storage
 * engine ({@link EmbeddedDatabase}) and commits that only ever capture whole commands. Every
 * command that writes holds a shared lock while it runs, and {@link #commit()} takes it
 * exclusively. The store never commits by itself (upstream's background writer could write a
 * document without its index entries, which a {@code kill -9} would then leave behind); the owner
 * commits after the writes that must survive and at least once a second.
 *
 * <p>Modelled on upstream's {@code H2Backend}, which it replaces: same file layout, so a data
 * directory written by it opens here.
 */
public final class EmbeddedBackend extends AbstractMongoBackend {
  /** Commands that only read: they run alongside a commit. */
  private static final Set<String> READS = Set.of("find", "getmore", "count", "aggregate",
      "distinct", "listcollections", "listindexes", "ping", "hello", "ismaster", "buildinfo",
      "dbstats", "collstats", "serverstatus", "killcursors", "endsessions", "whatsmyuri",
      "getlasterror", "connectionstatus", "getparameter");

  private final MVStore store;
  private final ReentrantReadWriteLock commits = new ReentrantReadWriteLock();
  private final LongAdder documentsRead = new LongAdder();

  private EmbeddedBackend(MVStore store) {
    super(defaultClock());
    this.store = store;
    store.getMapNames().stream().filter(n -> n.startsWith(EmbeddedDatabase.DATA_PREFIX))
        .map(n -> n.substring(EmbeddedDatabase.DATA_PREFIX.length()))
        .map(ns -> ns.substring(0, ns.indexOf('.') < 0 ? ns.length() : ns.indexOf('.')))
        .distinct().forEach(this::resolveDatabase);
  }

  /** Opens (or creates) the store file. */
  public static EmbeddedBackend open(Path file) {
    MVStore store = new MVStore.Builder().fileName(file.toString()).autoCommitDisabled()
        .autoCommitBufferSize(0).cacheSize(cacheMegabytes()).pageSplitSize(4 * 1024).open();
    try {
      return new EmbeddedBackend(store);
    } catch (RuntimeException e) {
      store.closeImmediately();
      throw e;
    }
  }

  /**
   * The page cache holds decoded pages, so a page read again costs nothing: an eighth of the
   * maximum heap, between 16 and 64 MB (100,000 schedules fit in 64).
   */
  static int cacheMegabytes() {
    long eighth = Runtime.getRuntime().maxMemory() / 8 / (1024 * 1024);
    return (int) Math.max(16, Math.min(64, eighth));
  }

  @Override
  protected MongoDatabase openOrCreateDatabase(String databaseName) {
    return new EmbeddedDatabase(databaseName, store, getCursorRegistry(), documentsRead);
  }

  @Override
  public Document handleCommand(Channel channel, String databaseName, String command,
      Document query) {
    if (READS.contains(command.toLowerCase(Locale.ROOT))) {
      return super.handleCommand(channel, databaseName, command, query);
    }
    Lock shared = commits.readLock();
    shared.lock();
    try {
      return super.handleCommand(channel, databaseName, command, query);
    } finally {
      shared.unlock();
    }
  }

  /** Writes every command finished so far to the file, and none that is half done. */
  public void commit() {
    Lock exclusive = commits.writeLock();
    exclusive.lock();
    try {
      store.commit();
    } finally {
      exclusive.unlock();
    }
  }

  /**
   * How many documents queries have read so far: one per candidate an index gave, every
   * document of the collection for a scan. For tests and benchmarks that count what a step costs.
   */
  public long documentsRead() {
    return documentsRead.sum();
  }

  @Override
  public void close() {
    super.close();
    store.close();
  }
}
