package org.steady.app;


import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Steady started as a separate JVM (the test classpath), so that a test can kill it. */
public final class AppProcess implements AutoCloseable {
  private static final Pattern PORT = Pattern.compile("started on port (\\d+)");

  private final Process process;
  private final Path log;

  private AppProcess(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  /** Starts {@code mainClass} with the given environment (SERVER_PORT defaults to 0). */
  public static AppProcess start(Class<?> mainClass, Map<String, String> env, Path log)
      throws IOException {
    List<String> cmd = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
        "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
        mainClass.getName()));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(log.toFile());
    pb.environment().put("SERVER_PORT", "0");
    pb.environment().remove("MONGODB_URI");
    pb.environment().remove("TELEGRAM_BOT_TOKEN");
    pb.environment().put("STEADY_CONVERSATIONS_DIR", TestConversations.DIR);
    pb.environment().putAll(env);
    return new AppProcess(pb.start(), log);
  }

  /** Waits (bounded) for the web server and returns its port. */
  public int awaitPort() throws IOException, InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
    while (System.nanoTime() < deadline) {
      Matcher m = PORT.matcher(output());
      if (m.find()) {
        return Integer.parseInt(m.group(1));
      }
      if (!process.isAlive()) {
        throw new IllegalStateException("app exited " + process.exitValue() + ":\n" + output());
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("app did not start:\n" + output());
  }

  /** Waits (bounded) for the process to end and returns its exit code. */
  public int awaitExit() throws InterruptedException {
    if (!process.waitFor(180, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException("app did not exit");
    }
    return process.exitValue();
  }

  public String output() throws IOException {
    return Files.readString(log, StandardCharsets.UTF_8);
  }

  /** {@code kill -9}. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  /** SIGTERM: graceful shutdown. */
  public void stop() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(180, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      kill();
    }
  }

}
