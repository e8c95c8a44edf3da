package org.steady.telegram;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code src/test/telegram-emulator/server.js} (telegram-test-api plus the wrapper TelegramBots
 * needs) as a child node process on a free port, for {@code *E2E} tests. Fails loudly when the npm
 * packages are missing: run {@code .ci/run} (or {@code npm ci} in that folder) first.
 */
final class TelegramEmulator implements AutoCloseable {
  static final Path DIR = Path.of("src/test/telegram-emulator");
  private final Process process;
  private final int port;

  TelegramEmulator() throws IOException, InterruptedException {
    if (!Files.isDirectory(DIR.resolve("node_modules/telegram-test-api"))) {
      throw new IllegalStateException(DIR.resolve("node_modules")
          + " is missing: run .ci/run (or `npm ci` in " + DIR + ") before the E2E tests");
    }
    process = new ProcessBuilder("node", "server.js", "0").directory(DIR.toFile())
        .redirectErrorStream(true).start();
    BufferedReader out = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    CompletableFuture<Integer> listening = CompletableFuture.supplyAsync(() -> {
      try {
        String line;
        while ((line = out.readLine()) != null) {
          if (line.startsWith("LISTENING ")) {
            return Integer.parseInt(line.substring(10).trim());
          }
        }
        return -1;
      } catch (IOException e) {
        return -1;
      }
    });
    try {
      port = listening.get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      process.destroyForcibly();
      throw new IllegalStateException("the Telegram emulator did not start", e);
    }
    if (port <= 0) {
      throw new IllegalStateException("the Telegram emulator exited before listening");
    }
    Thread drain = new Thread(() -> {
      try {
        while (out.readLine() != null) {
          // keep the pipe drained
        }
      } catch (IOException ignored) {
        // process ended
      }
    }, "telegram-emulator-output");
    drain.setDaemon(true);
    drain.start();
  }

  String url() {
    return "http://127.0.0.1:" + port;
  }

  @Override
  public void close() throws InterruptedException {
    try {
      process.getOutputStream().close(); // the wrapper stops when its stdin ends
    } catch (IOException ignored) {
      // already gone
    }
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
