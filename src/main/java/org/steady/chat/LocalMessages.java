package org.steady.chat;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongConsumer;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;
import org.steady.engine.Effect;
import org.steady.store.Collections;

/**
 * What the local chat page shows, both directions. {@code local_messages} holds each message's
 * current form by id, with the chat's revision of its last change ({@code rev}) and of its first
 * appearance ({@code first}). A reader asking for revisions after {@code n} gets the new and
 * changed messages (ticks, closed questions) with one indexed query on {@code (chatId, rev)}.
 * Writes for one chat are serialised, so revisions become visible in order. Revisions are handed
 * out in memory, starting after the chat's highest stored one (read once per chat and process):
 * local mode serves one instance.
 */
@Component
class LocalMessages {
  private static final int STRIPES = 64;
  /** Revisions read per request at most; the page asks again from where it got to. */
  private static final int PAGE = 500;

  private final MongoCollection<Document> col;
  private final Map<String, Long> revs = new ConcurrentHashMap<>();
  private final Clock clock;
  private final LocalWaits waits;
  private final Object[] locks = new Object[STRIPES];

  LocalMessages(MongoDatabase db, Clock clock, LocalWaits waits) {
    this.col = db.getCollection(Collections.LOCAL_MESSAGES);
    this.clock = clock;
    this.waits = waits;
    for (int i = 0; i < STRIPES; i++) {
      locks[i] = new Object();
    }
    col.createIndex(Indexes.ascending("chatId", "rev"));
    col.createIndex(Indexes.ascending("chatId", "questionToken"));
  }

  /**
   * A page of changes: the messages in their current form, in the order they were first shown,
   * and the revision read up to.
   */
  record Page(List<Document> messages, long rev) {}

  /** Shows what the person sent; returns its revision. */
  long inbound(String id, String chatId, String text) {
    return put(chatId, new Document("_id", id).append("chatId", chatId).append("direction", "in")
        .append("text", text).append("buttons", List.of()).append("closed", false)
        .append("at", Date.from(clock.instant())));
  }

  void outbound(String id, String chatId, String text, List<List<Effect.Button>> buttons,
      String questionToken) {
    put(chatId, new Document("_id", id).append("chatId", chatId).append("direction", "out")
        .append("text", text).append("buttons", rows(buttons, questionToken))
        .append("questionToken", questionToken).append("closed", false)
        .append("at", Date.from(clock.instant())));
  }

  /** Multi-select ticks: the question's keyboard changes. */
  void updateButtons(String chatId, String questionToken, List<List<Effect.Button>> buttons) {
    change(chatId, questionToken, Updates.set("buttons", rows(buttons, questionToken)));
  }

  /** The question is answered or given up: no more presses; shows the chosen label. */
  void close(String chatId, String questionToken, String chosen) {
    change(chatId, questionToken,
        Updates.combine(Updates.set("closed", true), Updates.set("chosen", chosen)));
  }

  Page after(String chatId, long after) {
    List<Document> changed = col.find(Filters.and(Filters.eq("chatId", chatId),
            Filters.gt("rev", after)))
        .sort(Sorts.ascending("rev")).limit(PAGE).into(new ArrayList<>());
    long rev = changed.isEmpty() ? after
        : changed.get(changed.size() - 1).get("rev", Number.class).longValue();
    changed.sort(Comparator.comparingLong(m -> m.get("first", Number.class).longValue()));
    return new Page(changed, rev);
  }

  /** The chat's newest revision. */
  long latest(String chatId) {
    synchronized (lock(chatId)) {
      return current(chatId);
    }
  }

  /** A message shown for the first time (or again, after a crash: then it keeps its place). */
  private long put(String chatId, Document message) {
    return write(chatId, rev -> col.updateOne(Filters.eq("_id", message.get("_id")),
        Updates.combine(Updates.set("rev", rev), Updates.setOnInsert("first", rev),
            Updates.combine(setAll(message))), new UpdateOptions().upsert(true)));
  }

  private void change(String chatId, String token, Bson update) {
    write(chatId, rev -> col.updateOne(Filters.and(Filters.eq("chatId", chatId),
        Filters.eq("questionToken", token)), Updates.combine(update, Updates.set("rev", rev))));
    // a question never shown here changes nothing; its revision is simply skipped
  }

  private long write(String chatId, LongConsumer w) {
    long rev;
    synchronized (lock(chatId)) {
      rev = current(chatId) + 1;
      w.accept(rev);
      revs.put(chatId, rev);
    }
    waits.changed(chatId);
    return rev;
  }

  private Object lock(String chatId) {
    return locks[Math.floorMod(chatId.hashCode(), STRIPES)];
  }

  /** Under the chat's lock. */
  private long current(String chatId) {
    Long rev = revs.get(chatId);
    return rev != null ? rev : stored(chatId);
  }

  /** The chat's highest stored revision: where a new process goes on counting. */
  private long stored(String chatId) {
    Document newest = col.find(Filters.eq("chatId", chatId)).sort(Sorts.descending("rev"))
        .projection(new Document("rev", 1)).first();
    return newest == null ? 0 : newest.get("rev", Number.class).longValue();
  }

  private static List<Bson> setAll(Document message) {
    List<Bson> sets = new ArrayList<>();
    message.forEach((k, v) -> {
      if (!k.equals("_id")) {
        sets.add(Updates.set(k, v));
      }
    });
    return sets;
  }

  /** Button data is {@code <token>|<value>} for a question, the bare value otherwise. */
  private static List<List<Document>> rows(List<List<Effect.Button>> buttons, String token) {
    List<List<Document>> out = new ArrayList<>();
    for (List<Effect.Button> row : buttons) {
      List<Document> r = new ArrayList<>();
      for (Effect.Button b : row) {
        String data = token == null ? b.value() : token + "|" + b.value();
        r.add(new Document("label", b.label()).append("data", data));
      }
      out.add(r);
    }
    return out;
  }
}
