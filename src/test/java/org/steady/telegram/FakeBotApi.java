package org.steady.telegram;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Telegram Bot API on loopback for tests. getUpdates models the real offset rule (an update is
 * confirmed, and gone, once a later call asks for a higher offset) and long polling (the call is
 * held until an update arrives or {@code timeout} passes). Every other call is recorded. Faults
 * can be injected per method: an HTTP error with {@code retry_after}, a slow answer, a dropped
 * connection; chats can block the bot (403). For kill tests, outbound calls and confirmations can
 * be held (see {@link #holdOutboundAfter}), and {@link #onChange} runs a test's action at the
 * exact moment a call is held or a confirmation applied.
 */
final class FakeBotApi implements AutoCloseable {
  static final String TOKEN = "123456:TEST-token";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One recorded call: lowercased method name and its parameters. */
  record Call(String method, Map<String, Object> params, long atNanos) {
    String param(String name) {
      Object v = params.get(name);
      return v == null ? null : String.valueOf(v);
    }

    /** The callback data of this message's inline button labelled {@code label}. */
    @SuppressWarnings("unchecked")
    String buttonData(String label) {
      Map<String, Object> markup = (Map<String, Object>) params.get("reply_markup");
      for (List<Map<String, Object>> row :
          (List<List<Map<String, Object>>>) markup.get("inline_keyboard")) {
        for (Map<String, Object> b : row) {
          if (label.equals(b.get("text"))) {
            return (String) b.get("callback_data");
          }
        }
      }
      throw new AssertionError("no button " + label + " under message " + param("text"));
    }
  }

  private record Fault(int status, int retryAfter, long delayMillis, boolean drop) {}

  /** What Steady's outbox relay calls: the calls {@link #holdOutboundAfter} holds. */
  private static final Set<String> OUTBOUND =
      Set.of("sendmessage", "sendphoto", "editmessagetext", "editmessagereplymarkup");

  private final HttpServer server;
  private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "fake-bot-api");
    t.setDaemon(true);
    return t;
  });
  private final List<Map<String, Object>> pending = new ArrayList<>();
  private final List<Map<String, Object>> delivered = new ArrayList<>();
  private final List<Call> calls = new ArrayList<>();
  private final Map<String, Deque<Fault>> faults = new ConcurrentHashMap<>();
  private final Set<String> blocked = ConcurrentHashMap.newKeySet();
  private final AtomicInteger nextUpdateId = new AtomicInteger(1000);
  private final AtomicInteger nextMessageId = new AtomicInteger(1);
  private int confirmedUpTo;
  private int getUpdatesCalls;
  private int outboundToPass = -1; // outbound calls let through before holding; -1: no hold
  private boolean holdConfirmations;
  private int heldOutbound;
  private int holdRound; // bumped by dropHeld(): calls held in an earlier round end unanswered
  private volatile Runnable onChange = () -> {};

  static {
    // without it the JDK server's small answers wait for delayed ACKs (~40 ms a call)
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  FakeBotApi() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(pool);
    server.createContext("/", this::handle);
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Queues an update (as a JSON-like map without update_id); returns its update_id. */
  synchronized int push(Map<String, Object> update) {
    int id = nextUpdateId.getAndIncrement();
    Map<String, Object> u = new LinkedHashMap<>(update);
    u.put("update_id", id);
    pending.add(u);
    notifyAll();
    return id;
  }

  /**
   * Puts every confirmed update back, as Telegram does when the bot's confirming poll never
   * arrived (a crash between storing a batch and the next getUpdates).
   */
  synchronized void redeliverAll() {
    pending.addAll(0, delivered);
    delivered.clear();
    pending.sort((a, b) -> Integer.compare((int) a.get("update_id"), (int) b.get("update_id")));
    notifyAll();
  }

  void fail(String method, int status, int retryAfter, int times) {
    for (int i = 0; i < times; i++) {
      queue(method).add(new Fault(status, retryAfter, 0, false));
    }
  }

  void slow(String method, long millis) {
    queue(method).add(new Fault(0, 0, millis, false));
  }

  void drop(String method) {
    queue(method).add(new Fault(0, 0, 0, true));
  }

  void block(String chatId) {
    blocked.add(chatId);
  }

  /**
   * Lets the next {@code pass} outbound calls through and holds every later one: it waits,
   * unrecorded and unanswered, until {@link #dropHeld()}. A relay blocked there has committed
   * everything it sent before, and Telegram has not received the held message: a kill then lands
   * outside the window in which an accepted message is not yet marked sent.
   */
  synchronized void holdOutboundAfter(int pass) {
    outboundToPass = pass;
  }

  /** Holds every getUpdates that would confirm an update, before it confirms anything. */
  synchronized void holdConfirmations() {
    holdConfirmations = true;
  }

  synchronized int heldOutbound() {
    return heldOutbound;
  }

  /** Ends the holds; the held calls end without an answer (the client is gone). */
  synchronized void dropHeld() {
    outboundToPass = -1;
    holdConfirmations = false;
    holdRound++;
    notifyAll();
  }

  /** Runs {@code r} on the fake's thread right after a call is held or a confirmation applied. */
  void onChange(Runnable r) {
    onChange = r;
  }

  private Deque<Fault> queue(String method) {
    return faults.computeIfAbsent(method.toLowerCase(), m -> new ArrayDeque<>());
  }

  synchronized List<Call> calls(String method) {
    return calls.stream().filter(c -> c.method().equals(method.toLowerCase())).toList();
  }

  synchronized int confirmedUpTo() {
    return confirmedUpTo;
  }

  synchronized int unconfirmed() {
    return pending.size();
  }

  synchronized int getUpdatesCalls() {
    return getUpdatesCalls;
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      String path = ex.getRequestURI().getPath();
      if (!path.startsWith("/bot" + TOKEN + "/")) {
        answer(ex, 401, Map.of("ok", false, "error_code", 401, "description", "Unauthorized"));
        return;
      }
      String method = path.substring(path.lastIndexOf('/') + 1).toLowerCase();
      Map<String, Object> params = FakeBotApiBodies.parse(ex);
      Deque<Fault> q = faults.get(method);
      Fault fault = q == null ? null : q.poll();
      if (fault != null && fault.delayMillis() > 0) {
        Thread.sleep(fault.delayMillis());
      } else if (fault != null && fault.drop()) {
        return; // closes the exchange without an answer: the client sees a dropped connection
      } else if (fault != null) {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("ok", false,
            "error_code", fault.status(), "description", "injected " + fault.status()));
        if (fault.retryAfter() > 0) {
          body.put("parameters", Map.of("retry_after", fault.retryAfter()));
        }
        answer(ex, fault.status(), body);
        return;
      }
      if ("getupdates".equals(method)) {
        if (!confirm(params)) {
          return; // held, then dropped
        }
        onChange.run();
        answer(ex, 200, Map.of("ok", true, "result", poll(params)));
        return;
      }
      int round = OUTBOUND.contains(method) ? holdOutbound() : -1;
      if (round >= 0) {
        onChange.run();
        awaitDrop(round);
        return;
      }
      synchronized (this) {
        calls.add(new Call(method, params, System.nanoTime()));
      }
      String chat = params.get("chat_id") == null ? null : String.valueOf(params.get("chat_id"));
      if (chat != null && blocked.contains(chat)) {
        answer(ex, 403, Map.of("ok", false, "error_code", 403,
            "description", "Forbidden: bot was blocked by the user"));
        return;
      }
      answer(ex, 200, Map.of("ok", true, "result", result(method, params)));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The hold round a call is held in, or -1 if it goes through. */
  private synchronized int holdOutbound() {
    if (outboundToPass < 0) {
      return -1;
    }
    if (outboundToPass > 0) {
      outboundToPass--;
      return -1;
    }
    heldOutbound++;
    return holdRound;
  }

  private synchronized void awaitDrop(int round) throws InterruptedException {
    try {
      while (holdRound == round) {
        wait();
      }
    } finally {
      heldOutbound--;
    }
  }

  /** Applies getUpdates' offset; false if it was held and then dropped. */
  private synchronized boolean confirm(Map<String, Object> params) throws InterruptedException {
    getUpdatesCalls++;
    int offset = params.containsKey("offset") ? ((Number) num(params.get("offset"))).intValue() : 0;
    int round = holdRound;
    while (holdConfirmations && holdRound == round
        && pending.stream().anyMatch(u -> (int) u.get("update_id") < offset)) {
      wait();
    }
    if (holdRound != round) {
      return false;
    }
    pending.removeIf(u -> {
      boolean gone = (int) u.get("update_id") < offset;
      if (gone) {
        delivered.add(u);
        confirmedUpTo = Math.max(confirmedUpTo, (int) u.get("update_id"));
      }
      return gone;
    });
    return true;
  }

  private synchronized List<Map<String, Object>> poll(Map<String, Object> params)
      throws InterruptedException {
    int timeout = params.containsKey("timeout") ? ((Number) num(params.get("timeout"))).intValue() : 0;
    int limit = params.containsKey("limit") ? ((Number) num(params.get("limit"))).intValue() : 100;
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeout);
    while (pending.isEmpty() && System.nanoTime() < until) {
      wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(until - System.nanoTime())));
    }
    return new ArrayList<>(pending.subList(0, Math.min(limit, pending.size())));
  }

  private static Object num(Object o) {
    return o instanceof Number ? o : Integer.valueOf(String.valueOf(o));
  }

  private Object result(String method, Map<String, Object> params) {
    switch (method) {
      case "getme":
        return Map.of("id", 123456, "is_bot", true, "first_name", "Steady",
            "username", "steady_test_bot");
      case "sendmessage":
      case "sendphoto":
      case "editmessagetext":
      case "editmessagereplymarkup":
        Object chatId = params.get("chat_id");
        Object messageId = params.containsKey("message_id") ? num(params.get("message_id"))
            : nextMessageId.getAndIncrement();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("message_id", messageId);
        m.put("date", (int) (System.currentTimeMillis() / 1000));
        m.put("chat", Map.of("id", Long.parseLong(String.valueOf(chatId)), "type", "private"));
        if (params.get("text") != null) {
          m.put("text", params.get("text"));
        }
        return m;
      default:
        return true;
    }
  }

  private static void answer(HttpExchange ex, int status, Object body) throws IOException {
    byte[] bytes = JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().add("Content-Type", "application/json");
    ex.sendResponseHeaders(status, bytes.length);
    ex.getResponseBody().write(bytes);
  }

  @Override
  public void close() {
    synchronized (this) {
      holdRound++;
      notifyAll();
    }
    server.stop(0);
    pool.shutdownNow();
  }
}
