package org.steady.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.steady.script.ConversationLoader;
import org.steady.script.LiveCatalog;
import org.steady.script.LoadResult;
import org.steady.script.Problem;
import org.steady.store.ScriptArchive;

/**
 * Loads {@code STEADY_CONVERSATIONS_DIR} at start-up into the {@link LiveCatalog} every feature
 * uses. Prints each problem with its file, line and column; starts with the valid files, and
 * refuses to start when none is valid. Older versions that stored conversations are still
 * running on are loaded back from the archive first, so they finish on their version.
 */
@Configuration(proxyBeanMethods = false)
public class ConversationsConfiguration {
  private static final Logger log = LoggerFactory.getLogger(ConversationsConfiguration.class);

  @Bean
  LiveCatalog liveCatalog(SteadyProperties props, ScriptArchive archive) {
    Path dir = props.conversationsDir().toAbsolutePath().normalize();
    LoadResult current = ConversationLoader.load(dir, props.requireReviewed());
    for (Problem p : current.problems()) {
      if (p.isError()) {
        log.error("{}", p.format());
      } else {
        log.warn("{}", p.format());
      }
    }
    if (current.catalog().scripts().isEmpty()) {
      throw new StartupProblem("No valid conversation script in STEADY_CONVERSATIONS_DIR " + dir
          + (current.problems().isEmpty() ? "." : "; fix the problems listed above."));
    }
    LiveCatalog live = new LiveCatalog();
    new PinnedVersions(archive, dir, props.requireReviewed()).restore(live, current);
    live.apply(current);
    archiveFiles(dir, current, archive);
    log.info("conversations loaded from {}: {}", dir, current.summary());
    return live;
  }

  /** Keeps the source of every file version that loaded. */
  static void archiveFiles(Path dir, LoadResult loaded, ScriptArchive archive) {
    List<String> ids = loaded.catalog().scripts().stream().map(s -> s.id()).toList();
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path f : walk.filter(p -> p.toString().endsWith(".yaml")).toList()) {
        String stem = f.getFileName().toString().replaceFirst("\\.yaml$", "");
        if (!ids.contains(stem)) {
          continue;
        }
        String version = loaded.catalog().latest(stem).map(s -> s.version()).orElse(null);
        byte[] bytes = Files.readAllBytes(f);
        if (version != null && version.equals(PinnedVersions.version(bytes))) {
          archive.remember(stem, dir.relativize(f).toString(), version,
              new String(bytes, StandardCharsets.UTF_8));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
