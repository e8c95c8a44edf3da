package org.steady.store.embedded;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractMongoBackend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.h2.mvstore.MVStore;
import org.jspecify.annotations.Nullable;

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

  /**
   * {@link #compact} rewrites the live pages of old chunks when the chunks' fill rate is below
   * this percentage.
   */
  static final int COMPACT_BELOW_FILL_RATE = 60;
  /** The most {@link #compact} rewrites at a time (upstream's writer: 256 KB a second). */
  static final int COMPACT_WRITE_LIMIT = 1024 * 1024;

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
    return open(file, null);
  }

  /**
   * Opens (or creates) the store file; {@code retention}, if given, replaces the file store's
   * default (45 s) for how long a chunk stays untouched after it was replaced (tests shorten it).
   */
  public static EmbeddedBackend open(Path file, @Nullable Duration retention) {
    MVStore store = new MVStore.Builder().fileName(file.toString()).autoCommitDisabled()
        .autoCommitBufferSize(0).cacheSize(cacheMegabytes()).pageSplitSize(4 * 1024).open();
    if (retention != null) {
      store.setRetentionTime((int) retention.toMillis());
    }
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
   * Keeps dead space from piling up in the file. Every commit writes the pages it changed into a
   * new chunk; an older chunk is reused only once none of its pages is live, and documents that
   * are never changed again (transcripts, delivered messages) keep a page or two of almost every
   * chunk alive. The file then grows with every write rather than with the data (a benchmark's
   * file: 306 MB, 7 % live). When the chunks' fill rate is below
   * {@link #COMPACT_BELOW_FILL_RATE} %, this marks the live pages of the sparsest chunks older
   * than the retention time (at most {@link #COMPACT_WRITE_LIMIT} bytes) as changed; the next
   * commit writes them into its new chunk, and the emptied chunks' space is reused (that
   * benchmark file went from 7 % to 39 % live in 100 calls). Upstream's background writer does
   * this; this backend has that writer turned off (see the class comment). It changes no
   * content, so it runs alongside commands like one of them, and a commit still captures whole
   * commands. Chunks younger than the retention time (45 s) are left as they are: under a heavy
   * load the file also holds about that long's writes.
   *
   * @return whether pages were rewritten (a commit should follow)
   */
  public boolean compact() {
    Lock shared = commits.readLock();
    shared.lock();
    try {
      return store.compact(COMPACT_BELOW_FILL_RATE, COMPACT_WRITE_LIMIT);
    } finally {
      shared.unlock();
    }
  }

  /** The percentage of the chunks' space that holds live pages (100 for an empty store). */
  public int chunksFillRate() {
    return store.getFileStore().getChunksFillRate();
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
