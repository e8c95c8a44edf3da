package org.steady.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Figures for the README, measured on the packaged app as a user runs it ({@code java -jar
 * target/steady.jar} as a child process on a random port with a fresh data directory): start to
 * healthy, heap and resident memory idle and with 10,000 stored patients, and inbound-to-reply
 * latency through the local chat API under a bounded load from 200 patients on loopback.
 *
 * <p>Run: {@code mvn -B -q package -DskipTests && mvn -B -Pbench test -Dtest=AppBench}; by
 * default it starts {@code target/app/steady.jar} with {@link #RUN_COMMAND_FLAGS}. Targets
 * on a 2-core machine: healthy within 8 s, under 400 MB resident, reply p99 under 50 ms. It prints
 * figures and writes them to {@code target/bench/app.txt}; it asserts only that the work was done,
 * never a timing. {@code -Dbench.patients}, {@code -Dbench.messages} and {@code -Dbench.stored}
 * shrink the load for a quicker run that can be repeated; {@code -Dbench.jvm} passes options such
 * as {@code -XX:StartFlightRecording=filename=target/bench/app.jfr} to the app (with
 * {@code -XX:NativeMemoryTracking=summary} it also prints where the resident memory goes), and
 * {@code -Dbench.jar} names another build to measure (an earlier one, to compare).
 */
class AppBench {
  /** {@code -Dbench.stored=N}: patients stored before the second load (a smaller, quicker run). */
  private static final int STORED_PATIENTS = Integer.getInteger("bench.stored", 10_000);
  /** {@code -Dbench.patients=N}: patients chatting at once in each load. */
  private static final int LOAD_PATIENTS = Integer.getInteger("bench.patients", 200);
  /** {@code -Dbench.messages=N}: messages each of them sends. */
  private static final int MESSAGES_EACH = Integer.getInteger("bench.messages", 10);

  /**
   * {@code -Dbench.warmGenerator=false}: the load generator starts cold with the measured app, so
   * the first load also times the generator's own JIT warm-up on the shared cores.
   */
  private static final boolean WARM_GENERATOR =
      Boolean.parseBoolean(System.getProperty("bench.warmGenerator", "true"));

  /**
   * The README's run command: the options file {@code package} writes for the JDK that built it
   * (its class-data archive or AOT cache, the heap).
   */
  static final String RUN_COMMAND_FLAGS = "@target/app/jvm.options";

  private static PackagedApp app;
  private static Path dataDir;
  private static final List<String> figures = new ArrayList<>();

  @BeforeAll
  static void start() throws Exception {
    Path jar = Path.of(System.getProperty("bench.jar", "target/app/steady.jar"));
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(jar + " is missing: run "
          + "'mvn -B -q package -DskipTests' before 'mvn -B -Pbench test -Dtest=AppBench'.");
    }
    figure("machine load before", "%s (1, 5, 15 min load average; %d cores)", loadAverage(),
        Runtime.getRuntime().availableProcessors());
    String jvm = System.getProperty("bench.jvm", RUN_COMMAND_FLAGS);
    figure("load", "%d patients x %d messages; %d stored patients", LOAD_PATIENTS, MESSAGES_EACH,
        STORED_PATIENTS);
    figure("jvm options", "%s%s", jvm.isBlank() ? "(JVM defaults)" : jvm, argFile(jvm));
    if (WARM_GENERATOR) {
      // The load generator shares the two cores and is a JVM too: cold, its own HTTP client and
      // JSON code would be timed as the app's first replies. It warms up on a throw-away app.
      long w0 = System.nanoTime();
      PackagedApp scratch = PackagedApp.start(jar, Files.createTempDirectory("steady-bench-gen-"),
          jvm);
      try {
        Load warm = new Load(scratch.client());
        warm.alone(20);
        warm.conversation(LOAD_PATIENTS, 3);
      } finally {
        scratch.stop();
      }
      figure("load generator", "warmed on a throw-away app first (%d s; "
          + "-Dbench.warmGenerator=false: cold)", (System.nanoTime() - w0) / 1_000_000_000L);
    }
    dataDir = Files.createTempDirectory("steady-bench-");
    app = PackagedApp.start(jar, dataDir, jvm);
    figure("start to healthy", "%d ms (target < 8000 ms)", app.startMillis());
  }

  @AfterAll
  static void stop() throws IOException {
    figure("machine load after", "%s", loadAverage());
    if (app != null) {
      app.stop();
    }
    String text = String.join(System.lineSeparator(), figures) + System.lineSeparator();
    Path out = Path.of("target", "bench", "app.txt");
    Files.createDirectories(out.getParent());
    Files.writeString(out, text);
    System.out.println();
    System.out.println("== AppBench figures ==");
    System.out.print(text);
  }

  @Test
  void memoryAndReplyLatencyWithAFreshStoreAndWithStoredPatients() throws Exception {
    Thread.sleep(2000); // let start-up work settle before reading idle memory
    memory("idle");
    Load.Latencies alone = new Load(app.client()).alone(20);
    figure("reply latency, one patient alone", "%d replies: median %.1f ms, max %.1f ms; %d late",
        alone.count(), alone.percentile(50), alone.percentile(100), alone.late());
    latency("with a fresh store");

    long t0 = System.nanoTime();
    int created = new Load(app.client()).createPatients(STORED_PATIENTS, 8,
        Duration.ofMinutes(5));
    long ms = Duration.ofNanos(System.nanoTime() - t0).toMillis();
    assertThat(created).isPositive();
    figure("store patients", "%d of %d through the API in %d ms (%.0f/s; bounded to 5 min)",
        created, STORED_PATIENTS, ms, created * 1000.0 / ms);
    Thread.sleep(2000);
    memory(String.format(Locale.ROOT, "with %,d patients", created));
    latency(String.format(Locale.ROOT, "with %,d patients", created));
    memory("after the load");
    Load.Latencies warm = new Load(app.client()).alone(20);
    figure("reply latency, one patient, warm", "%d replies: median %.1f ms, max %.1f ms; %d late",
        warm.count(), warm.percentile(50), warm.percentile(100), warm.late());
  }

  private static void latency(String when) throws Exception {
    Load.Latencies lat = new Load(app.client()).conversation(LOAD_PATIENTS, MESSAGES_EACH);
    assertThat(lat.count() + lat.late()).isEqualTo(LOAD_PATIENTS * MESSAGES_EACH);
    figure("reply latency " + when, "%d replies to %d patients over %.1f s: median %.1f ms, "
            + "p99 %.1f ms, max %.1f ms (target p99 < 50 ms); %d not seen within %d s",
        lat.count(), LOAD_PATIENTS, lat.seconds(), lat.percentile(50), lat.percentile(99),
        lat.percentile(100), lat.late(), Load.REPLY_WAIT_SECONDS);
    figure("  p99 by 10 s of the load " + when, "%s ms", lat.p99ByWindow(Duration.ofSeconds(10)));
  }

  private static void memory(String when) throws IOException, InterruptedException {
    figure("memory " + when, "resident %d MB, heap used %d MB (committed %d MB); store file %d MB",
        app.residentMb(), app.heapUsedMb(), app.heapCommittedMb(),
        Files.size(dataDir.resolve("steady.mv")) / (1024 * 1024));
    if (System.getProperty("bench.jvm", "").contains("NativeMemoryTracking")) {
      figure("  native memory " + when, "%s", app.nativeMemory());
    }
  }

  /** What an {@code @file} among the options holds, comments left out. */
  private static String argFile(String jvm) throws IOException {
    StringBuilder out = new StringBuilder();
    for (String option : jvm.trim().split("\\s+")) {
      if (option.startsWith("@") && Files.isRegularFile(Path.of(option.substring(1)))) {
        for (String line : Files.readAllLines(Path.of(option.substring(1)))) {
          String l = line.replaceAll("#.*", "").trim();
          if (!l.isEmpty()) {
            out.append(out.length() == 0 ? " = " : " ").append(l);
          }
        }
      }
    }
    return out.toString();
  }

  /** Other processes on a shared machine skew every figure; the load average says how much. */
  private static String loadAverage() throws IOException {
    Path p = Path.of("/proc/loadavg");
    if (!Files.isReadable(p)) {
      return "unknown";
    }
    String[] f = Files.readString(p).trim().split("\\s+");
    return f[0] + " " + f[1] + " " + f[2];
  }

  private static void figure(String name, String format, Object... args) {
    figures.add(String.format(Locale.ROOT, "%-36s %s", name, String.format(Locale.ROOT, format,
        args)));
  }
}
