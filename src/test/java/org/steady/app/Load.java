package org.steady.app;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;

/** Bounded load on the local chat API for {@link AppBench}. */
final class Load {
  static final int REPLY_WAIT_SECONDS = 30;
  /** The long poll's wait: under the HTTP client's 30 s request timeout. */
  private static final int WAIT_SECONDS = 25;
  private static final String API = "/api/local/patients";
  private final BenchClient client;

  Load(BenchClient client) {
    this.client = client;
  }

  /**
   * Creates up to {@code n} patients with {@code threads} concurrent clients within
   * {@code limit}; returns how many. {@code start=false}: stored patients, no conversation yet.
   */
  int createPatients(int n, int threads, Duration limit) throws Exception {
    long deadline = System.nanoTime() + limit.toNanos();
    AtomicInteger next = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Integer>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        done.add(pool.submit(() -> {
          int mine = 0;
          for (int i = next.getAndIncrement(); i < n && System.nanoTime() < deadline;
              i = next.getAndIncrement()) {
            client.post(API, "{\"name\":\"Bench " + i + "\",\"locale\":\"en\",\"start\":false}",
                201);
            mine++;
          }
          return mine;
        }));
      }
      int sum = 0;
      for (Future<Integer> f : done) {
        sum += f.get(10, TimeUnit.MINUTES);
      }
      return sum;
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Each inbound-to-reply time in nanoseconds with when its message was sent (nanoseconds into
   * the load), how many replies were not seen in time, and how long the whole load took.
   */
  record Latencies(long[] nanos, long[] sentAt, int late, double seconds) {
    int count() {
      return nanos.length;
    }

    double percentile(double p) {
      return percentile(nanos, p);
    }

    /** The p99 of the messages sent in each {@code window} of the load, in order. */
    String p99ByWindow(Duration window) {
      StringBuilder out = new StringBuilder();
      long w = window.toNanos();
      for (long from = 0; from < (long) (seconds * 1e9); from += w) {
        long start = from;
        long[] in = java.util.stream.IntStream.range(0, nanos.length)
            .filter(i -> sentAt[i] >= start && sentAt[i] < start + w)
            .mapToLong(i -> nanos[i]).toArray();
        if (in.length > 0) {
          out.append(String.format(java.util.Locale.ROOT, "%s%.0f", out.length() == 0 ? "" : " ",
              percentile(in, 99)));
        }
      }
      return out.toString();
    }

    private static double percentile(long[] values, double p) {
      if (values.length == 0) {
        return Double.NaN;
      }
      long[] s = values.clone();
      Arrays.sort(s);
      int i = (int) Math.ceil(p / 100.0 * s.length) - 1;
      return s[Math.max(0, Math.min(s.length - 1, i))] / 1e6;
    }
  }

  /**
   * {@code patients} new patients (no conversation running) each send {@code each} messages
   * ({@code /help}) with 2–6 s of think time between them, like people chatting (200 patients
   * offer about 50 messages a second), and wait for the reply to show up in
   * {@code GET .../messages?after=REV&wait=25} (long polling), {@code REV} being the revision the
   * POST answered for the patient's own message: from just before the POST to the first
   * outbound message after it.
   */
  Latencies conversation(int patients, int each) throws Exception {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < patients; i++) {
      ids.add(client.post(API, "{\"name\":\"Load " + i + "\",\"locale\":\"en\",\"start\":false}",
          201).get("id").asString());
    }
    ExecutorService pool = Executors.newFixedThreadPool(patients);
    long t0 = System.nanoTime();
    try {
      List<Future<long[][]>> results = new ArrayList<>();
      for (String id : ids) {
        results.add(pool.submit(() -> talk(id, each, 2000, 4000, t0)));
      }
      List<long[]> all = new ArrayList<>();
      int late = 0;
      for (Future<long[][]> f : results) {
        for (long[] v : f.get(10, TimeUnit.MINUTES)) {
          if (v[0] < 0) {
            late++;
          } else {
            all.add(v);
          }
        }
      }
      return new Latencies(all.stream().mapToLong(v -> v[0]).toArray(),
          all.stream().mapToLong(v -> v[1]).toArray(), late, (System.nanoTime() - t0) / 1e9);
    } finally {
      pool.shutdownNow();
    }
  }

  /** One patient alone sends {@code n} messages back to back: the service time without load. */
  Latencies alone(int n) throws InterruptedException {
    String id = client.post(API, "{\"name\":\"Alone\",\"locale\":\"en\",\"start\":false}", 201)
        .get("id").asString();
    long t0 = System.nanoTime();
    long[][] all = talk(id, n, 0, 0, t0);
    long[][] ok = Arrays.stream(all).filter(v -> v[0] >= 0).toArray(long[][]::new);
    return new Latencies(Arrays.stream(ok).mapToLong(v -> v[0]).toArray(),
        Arrays.stream(ok).mapToLong(v -> v[1]).toArray(), all.length - ok.length,
        (System.nanoTime() - t0) / 1e9);
  }

  /**
   * One patient's reply times, each with when its message was sent (since {@code t0}); -1 for a
   * reply not seen within {@link #REPLY_WAIT_SECONDS}.
   */
  private long[][] talk(String id, int each, long minThinkMs, long spreadMs, long t0)
      throws InterruptedException {
    String path = API + "/" + id + "/messages";
    Thread.sleep(ThreadLocalRandom.current().nextLong(spreadMs + 1)); // spread first messages
    long[][] out = new long[each][];
    for (int m = 0; m < each; m++) {
      long start = System.nanoTime();
      try {
        // the answer carries the revision of the patient's own message: wait for what follows
        long rev = client.post(path, "{\"text\":\"/help\"}", 202).get("rev").asLong();
        long deadline = start + TimeUnit.SECONDS.toNanos(REPLY_WAIT_SECONDS);
        boolean replied = false;
        while (!replied && System.nanoTime() < deadline) {
          JsonNode page = client.get(path + "?after=" + rev + "&wait=" + WAIT_SECONDS);
          for (JsonNode msg : page.get("messages")) {
            replied |= "out".equals(msg.get("direction").asString());
          }
          rev = page.get("rev").asLong();
        }
        out[m] = new long[] {replied ? System.nanoTime() - start : -1, start - t0};
      } catch (IllegalStateException timedOutOrRefused) {
        out[m] = new long[] {-1, start - t0}; // an HTTP request timed out (30 s): late
      }
      Thread.sleep(minThinkMs + ThreadLocalRandom.current().nextLong(spreadMs + 1));
    }
    return out;
  }
}
