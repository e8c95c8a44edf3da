package org.steady.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged app as a child process ({@code java [options] -jar JAR}) in local mode with the
 * embedded store in a fresh data directory and an ephemeral port read from its log. For
 * benchmarks: start-up time, resident memory from {@code /proc}, heap from the metrics endpoint.
 */
final class PackagedApp {
  private static final Pattern PORT = Pattern.compile("started on port[s]?\\D*(\\d+)");
  private static final Pattern HEAP = Pattern.compile(
      "^jvm_memory_(used|committed)_bytes\\{[^}]*area=\"heap\"[^}]*} ([0-9.eE+]+)", Pattern.MULTILINE);

  private static final Pattern NMT = Pattern.compile(
      "^-?\\s*([A-Za-z][A-Za-z ]*?)\\s*\\(reserved=\\d+MB, committed=(\\d+)MB\\)", Pattern.MULTILINE);

  private final Process process;
  private final BenchClient client;
  private final long startMillis;

  private PackagedApp(Process process, BenchClient client, long startMillis) {
    this.process = process;
    this.client = client;
    this.startMillis = startMillis;
  }

  /** Starts {@code java [jvmOptions] -jar jar}; {@code jvmOptions} blank for the JVM defaults. */
  static PackagedApp start(Path jar, Path dataDir, String jvmOptions)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    if (!jvmOptions.isBlank()) {
      command.addAll(List.of(jvmOptions.trim().split("\\s+")));
    }
    command.add("-jar");
    command.add(jar.toAbsolutePath().toString());
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().put("SERVER_PORT", "0");
    pb.environment().put("STEADY_DATA_DIR", dataDir.toString());
    pb.environment().put("STEADY_CONVERSATIONS_DIR", Path.of("conversations").toAbsolutePath()
        .toString());
    pb.environment().put("TELEGRAM_BOT_TOKEN", "");
    pb.environment().put("MONGODB_URI", "");
    Path log = dataDir.resolve("app.log");
    long t0 = System.nanoTime();
    Process p = pb.start();
    CompletableFuture<Integer> port = new CompletableFuture<>();
    Thread pump = new Thread(() -> pump(p, log, port), "app-log");
    pump.setDaemon(true);
    pump.start();
    int actual;
    try {
      actual = port.get(180, TimeUnit.SECONDS);
    } catch (Exception e) {
      p.destroyForcibly();
      throw new IllegalStateException("the app did not report its port; log: " + log, e);
    }
    BenchClient client = new BenchClient(actual);
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (!client.healthy()) {
      if (System.nanoTime() > deadline || !p.isAlive()) {
        p.destroyForcibly();
        throw new IllegalStateException("the app did not become healthy; log: " + log);
      }
      Thread.sleep(20);
    }
    return new PackagedApp(p, client, Duration.ofNanos(System.nanoTime() - t0).toMillis());
  }

  private static void pump(Process p, Path log, CompletableFuture<Integer> port) {
    try (BufferedReader r = new BufferedReader(
            new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        var w = Files.newBufferedWriter(log)) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        w.write(line);
        w.newLine();
        w.flush();
        Matcher m = PORT.matcher(line);
        if (!port.isDone() && line.contains("Tomcat") && m.find()) {
          port.complete(Integer.parseInt(m.group(1)));
        }
      }
    } catch (IOException e) {
      port.completeExceptionally(e);
    }
  }

  BenchClient client() {
    return client;
  }

  long startMillis() {
    return startMillis;
  }

  long residentMb() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()),
        "status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
      }
    }
    throw new IllegalStateException("no VmRSS for pid " + process.pid());
  }

  long heapUsedMb() {
    return heap("used");
  }

  long heapCommittedMb() {
    return heap("committed");
  }

  private long heap(String kind) {
    Matcher m = HEAP.matcher(client.text("/actuator/prometheus"));
    double sum = 0;
    while (m.find()) {
      if (m.group(1).equals(kind)) {
        sum += Double.parseDouble(m.group(2));
      }
    }
    return Math.round(sum / (1024 * 1024));
  }

  /**
   * Where the resident memory goes, from {@code jcmd VM.native_memory summary} (only when the app
   * runs with {@code -XX:NativeMemoryTracking=summary}): committed MB per category, in jcmd's order.
   */
  String nativeMemory() throws IOException, InterruptedException {
    Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    Process p = new ProcessBuilder(jcmd.toString(), Long.toString(process.pid()),
        "VM.native_memory", "summary", "scale=MB").redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor(30, TimeUnit.SECONDS);
    Matcher m = NMT.matcher(out);
    List<String> parts = new ArrayList<>();
    while (m.find()) {
      parts.add(m.group(1).trim() + " " + m.group(2));
    }
    return parts.isEmpty() ? "unavailable (" + out.lines().findFirst().orElse("") + ")"
        : String.join(", ", parts);
  }

  void stop() {
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
