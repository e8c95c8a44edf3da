package org.steady.app;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandFailedEvent;
import com.mongodb.event.CommandStartedEvent;
import com.mongodb.event.CommandSucceededEvent;
import java.util.HashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * Records every command the app sends to the store, with the thread that sent it and the keys of
 * its filter. For tests that count what one inbound message costs.
 */
final class StoreRoundTrips implements CommandListener {
  /** One command: who sent it, what it was, on which collection, and its filter's keys. */
  record Call(String thread, String command, String collection, List<String> filterKeys,
      long[] nanos) {
    String phase() {
      if (thread.startsWith("steady-chat")) {
        return "processing";
      }
      if (thread.startsWith("steady-outbox-relay")) {
        return "relay";
      }
      return thread.startsWith("http") ? "http" : thread;
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "%-10s %-13s %-15s %6.2f ms %s", phase(), command,
          collection, nanos[0] / 1e6, filterKeys);
    }
  }

  private final List<Call> calls = new ArrayList<>();
  private final Map<Integer, Call> open = new HashMap<>();

  @Override
  public synchronized void commandStarted(CommandStartedEvent e) {
    String name = e.getCommandName();
    BsonDocument c = e.getCommand();
    if (!List.of("find", "insert", "update", "delete", "findAndModify", "aggregate", "count")
        .contains(name)) {
      return;
    }
    String collection = c.get(name).isString() ? c.getString(name).getValue() : "?";
    Call call = new Call(Thread.currentThread().getName(), name, collection,
        filterKeys(name, c), new long[1]);
    calls.add(call);
    open.put(e.getRequestId(), call);
  }

  @Override
  public synchronized void commandSucceeded(CommandSucceededEvent e) {
    Call c = open.remove(e.getRequestId());
    if (c != null) {
      c.nanos()[0] = e.getElapsedTime(java.util.concurrent.TimeUnit.NANOSECONDS);
    }
  }

  @Override
  public synchronized void commandFailed(CommandFailedEvent e) {
    Call c = open.remove(e.getRequestId());
    if (c != null) {
      c.nanos()[0] = e.getElapsedTime(java.util.concurrent.TimeUnit.NANOSECONDS);
    }
  }

  private static List<String> filterKeys(String name, BsonDocument c) {
    BsonValue f = switch (name) {
      case "find", "count" -> c.get("filter", c.get("query"));
      case "findAndModify" -> c.get("query");
      case "update" -> first(c, "updates", "q");
      case "delete" -> first(c, "deletes", "q");
      default -> null;
    };
    return f == null || !f.isDocument() ? List.of() : List.copyOf(f.asDocument().keySet());
  }

  private static BsonValue first(BsonDocument c, String array, String field) {
    BsonValue a = c.get(array);
    if (a == null || !a.isArray() || a.asArray().isEmpty()) {
      return null;
    }
    return a.asArray().get(0).asDocument().get(field);
  }

  synchronized void clear() {
    calls.clear();
    open.clear();
  }

  synchronized List<Call> calls() {
    return List.copyOf(calls);
  }

  /** Counts per phase, e.g. {@code processing=9, relay=8}. */
  static Map<String, Integer> perPhase(List<Call> calls) {
    Map<String, Integer> out = new TreeMap<>();
    calls.forEach(c -> out.merge(c.phase(), 1, Integer::sum));
    return out;
  }
}
