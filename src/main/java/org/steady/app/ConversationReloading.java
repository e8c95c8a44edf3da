package org.steady.app;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.steady.script.ConversationWatcher;
import org.steady.script.LiveCatalog;
import org.steady.store.ScriptArchive;

/**
 * Keeps the live catalog in step with {@code STEADY_CONVERSATIONS_DIR} while the app runs: a
 * valid change is live at the next check without a restart; an invalid one is refused with its
 * problems logged by position, and the previous version keeps serving. Every newly loaded
 * version's source is archived so conversations pinned to it survive a restart.
 *
 * <p>The check compares a hash of every file, every {@code steady.conversations-watch-interval}
 * ({@code STEADY_CONVERSATIONS_WATCH_INTERVAL}, default 2 s; 0 turns watching off).
 */
@Configuration(proxyBeanMethods = false)
class ConversationReloading {

  @Bean(destroyMethod = "close")
  ConversationWatcher conversationWatcher(
      SteadyProperties props,
      LiveCatalog catalog,
      ScriptArchive archive,
      @Value("${steady.conversations-watch-interval:PT2S}") Duration interval) {
    Path dir = props.conversationsDir().toAbsolutePath().normalize();
    ConversationWatcher watcher = new ConversationWatcher(dir, catalog, props.requireReviewed(),
        loaded -> ConversationsConfiguration.archiveFiles(dir, loaded, archive));
    // the catalog bean just loaded this folder: remember its fingerprint, so the first check
    // reloads only what changed since
    watcher.assumeLoaded();
    if (!interval.isZero() && !interval.isNegative()) {
      watcher.start(interval);
    }
    return watcher;
  }
}
