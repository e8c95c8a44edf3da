package org.steady.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.steady.script.ConversationLoader;
import org.steady.script.LiveCatalog;
import org.steady.script.LoadResult;
import org.steady.store.ScriptArchive;

/**
 * Brings back script versions that stored conversations are pinned to but that are no longer
 * on disk: each is loaded from the archive together with the current files (so calls and coping
 * prompts resolve), then applied to the catalog before the current load, which stays latest.
 */
final class PinnedVersions {
  private static final Logger log = LoggerFactory.getLogger(PinnedVersions.class);

  private final ScriptArchive archive;
  private final Path dir;
  private final boolean requireReviewed;

  PinnedVersions(ScriptArchive archive, Path dir, boolean requireReviewed) {
    this.archive = archive;
    this.dir = dir;
    this.requireReviewed = requireReviewed;
  }

  void restore(LiveCatalog live, LoadResult current) {
    for (List<String> pin : archive.pinned()) {
      String id = pin.get(0);
      String version = pin.get(1);
      if (current.catalog().version(id, version).isPresent()
          || live.version(id, version).isPresent()) {
        continue;
      }
      archive.find(id, version).ifPresentOrElse(src -> load(live, src),
          () -> log.warn("conversation version {}@{} is gone; its sessions restart", id, version));
    }
  }

  private void load(LiveCatalog live, ScriptArchive.Source src) {
    Path tmp = null;
    try {
      tmp = Files.createTempDirectory("steady-pinned");
      copy(dir, tmp);
      Path file = tmp.resolve(src.path());
      Files.createDirectories(file.getParent());
      Files.writeString(file, src.text(), StandardCharsets.UTF_8);
      LoadResult old = ConversationLoader.load(tmp, requireReviewed);
      live.apply(old);
      log.info("restored pinned conversation file {}@{}", src.path(), src.version());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      delete(tmp);
    }
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : walk.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }

  private static void delete(Path tmp) {
    if (tmp == null) {
      return;
    }
    try (Stream<Path> walk = Files.walk(tmp)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      log.debug("could not delete {}", tmp);
    }
  }

  /** The loader's content version: the first 12 hex digits of the SHA-256 of the bytes. */
  static String version(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes))
          .substring(0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
