package org.steady.script;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a {@link LiveCatalog} in step with the conversations folder. A valid change goes live
 * without a restart; a file whose change is invalid is refused, its problems are logged with their
 * positions (scripts hold no patient text), and its previous version keeps serving.
 *
 * <pre>{@code
 * ConversationWatcher watcher = new ConversationWatcher(dir, live, requireReviewed);
 * watcher.reload();                          // at startup
 * watcher.start(Duration.ofSeconds(2));      // then check for changes in the background
 * }</pre>
 *
 * Changes are found by a fingerprint of every file's path and content, so tests call
 * {@link #reloadIfChanged()} directly instead of waiting for a clock or file-system events.
 */
public final class ConversationWatcher implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ConversationWatcher.class);

  private final Path dir;
  private final LiveCatalog catalog;
  private final boolean requireReviewed;
  private final Consumer<LoadResult> afterApply;
  private String fingerprint = "";
  private ScheduledExecutorService timer;

  public ConversationWatcher(Path dir, LiveCatalog catalog, boolean requireReviewed) {
    this(dir, catalog, requireReviewed, r -> {});
  }

  /**
   * @param afterApply called after each load was applied (e.g. to archive the new versions'
   *     sources); on the watcher's thread when started
   */
  public ConversationWatcher(
      Path dir, LiveCatalog catalog, boolean requireReviewed, Consumer<LoadResult> afterApply) {
    this.dir = Objects.requireNonNull(dir, "dir");
    this.catalog = Objects.requireNonNull(catalog, "catalog");
    this.requireReviewed = requireReviewed;
    this.afterApply = Objects.requireNonNull(afterApply, "afterApply");
  }

  /** Loads the folder now and applies what is valid; logs every problem. */
  public synchronized LoadResult reload() {
    fingerprint = fingerprint();
    LoadResult result = ConversationLoader.load(dir, requireReviewed);
    catalog.apply(result);
    afterApply.accept(result);
    for (Problem p : result.problems()) {
      if (p.isError()) {
        log.warn("refused: {}", p.format());
      } else {
        log.info("{}", p.format());
      }
    }
    if (result.ok()) {
      log.info("conversations loaded from {}: {}", dir, result.summary());
    } else {
      log.warn("conversations loaded from {} with {} errors: the files with errors keep their"
          + " previous version; serving {}", dir, result.errors().size(), result.summary());
    }
    return result;
  }

  /**
   * Takes the folder as it is now for what the catalog already serves (it was just loaded at
   * start-up), so the first check reloads only what changed since, instead of loading everything
   * a second time.
   */
  public synchronized void assumeLoaded() {
    fingerprint = fingerprint();
  }

  /**
   * Reloads when a file was added, removed or changed since the last load; the first call after
   * construction always loads.
   */
  public synchronized Optional<LoadResult> reloadIfChanged() {
    return fingerprint().equals(fingerprint) ? Optional.empty() : Optional.of(reload());
  }

  /** Checks for changes every {@code interval} on one daemon thread until {@link #close()}. */
  public synchronized void start(Duration interval) {
    if (timer != null) {
      throw new IllegalStateException("already watching " + dir);
    }
    timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "conversation-watcher");
      t.setDaemon(true);
      return t;
    });
    long ms = Math.max(1, interval.toMillis());
    timer.scheduleWithFixedDelay(this::check, ms, ms, TimeUnit.MILLISECONDS);
  }

  private void check() {
    try {
      reloadIfChanged();
    } catch (RuntimeException e) {
      log.warn("checking {} for changes failed; will try again", dir, e);
    }
  }

  @Override
  public synchronized void close() {
    if (timer != null) {
      timer.shutdownNow();
      timer = null;
    }
  }

  /** SHA-256 over every YAML file's relative path and bytes, in path order. */
  private String fingerprint() {
    try (Stream<Path> walk = Files.walk(dir)) {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      List<Path> files = walk.filter(Files::isRegularFile)
          .filter(p -> p.getFileName().toString().endsWith(".yaml"))
          .sorted()
          .toList();
      for (Path p : files) {
        sha.update(dir.relativize(p).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        sha.update((byte) 0);
        sha.update(Files.readAllBytes(p));
        sha.update((byte) 0);
      }
      return HexFormat.of().formatHex(sha.digest());
    } catch (IOException | java.io.UncheckedIOException e) {
      return "unreadable:" + e.getClass().getSimpleName() + ":" + System.nanoTime();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }
}
