package org.steady.chat;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;
import org.steady.engine.Effect;
import org.steady.store.Collections;

/**
 * What the local chat page shows, both directions. {@code local_messages} holds each message's
 * current form by id; every write gives it a new per-chat revision and records that revision in
 * {@code local_revs} ({@code <chat>:<rev>} → message id), so a reader asking for revisions after
 * {@code n} finds new and changed messages (ticks, closed questions) by id lookups only (the
 * embedded server scans for anything else). Writes for one chat are serialised, and a reader
 * stops at the newest revision if it is not written yet, so revisions become visible in order;
 * an older unwritten revision is a hole left by a crash and is skipped.
 */
@Component
class LocalMessages {
  private static final int STRIPES = 64;
  /** Revisions read per request at most; the page asks again from where it got to. */
  private static final int PAGE = 500;

  private final MongoCollection<Document> col;
  private final MongoCollection<Document> revs;
  private final MongoCollection<Document> counters;
  private final Clock clock;
  private final Object[] locks = new Object[STRIPES];

  LocalMessages(MongoDatabase db, Clock clock) {
    this.col = db.getCollection(Collections.LOCAL_MESSAGES);
    this.revs = db.getCollection(Collections.LOCAL_REVS);
    this.counters = db.getCollection(Collections.COUNTERS);
    this.clock = clock;
    for (int i = 0; i < STRIPES; i++) {
      locks[i] = new Object();
    }
  }

  /**
   * A page of changes: the messages in their current form, in the order they were first shown,
   * and the revision read up to.
   */
  record Page(List<Document> messages, long rev) {}

  void inbound(String id, String chatId, String text) {
    put(chatId, new Document("_id", id).append("chatId", chatId).append("direction", "in")
        .append("text", text).append("buttons", List.of()).append("closed", false)
        .append("at", Date.from(clock.instant())));
  }

  void outbound(String id, String chatId, String text, List<List<Effect.Button>> buttons,
      String questionToken) {
    put(chatId, new Document("_id", id).append("chatId", chatId).append("direction", "out")
        .append("text", text).append("buttons", rows(buttons, questionToken))
        .append("questionToken", questionToken).append("closed", false)
        .append("at", Date.from(clock.instant())));
    if (questionToken != null) {
      counters.replaceOne(Filters.eq("_id", questionKey(chatId, questionToken)),
          new Document("messageId", id), new ReplaceOptions().upsert(true));
    }
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
    long latest = Math.min(counter(chatId), after + PAGE);
    Map<String, Long> ids = new LinkedHashMap<>();
    long rev = after;
    for (long r = after + 1; r <= latest; r++) {
      Document d = revs.find(Filters.eq("_id", chatId + ":" + r)).first();
      if (d == null && r == latest) {
        break; // the newest revision may still be being written
      }
      if (d == null) {
        // A hole: writes are serialised, so a later revision was handed out only after this one
        // finished or its writer died. A crash between the counter and the record leaves one;
        // waiting for it would hide every later message. The message itself is re-delivered by
        // the outbox under a new revision.
        rev = r;
        continue;
      }
      ids.remove(d.getString("messageId"));
      ids.put(d.getString("messageId"), r);
      rev = r;
    }
    List<Document> out = new ArrayList<>();
    for (String id : ids.keySet()) {
      Document m = col.find(Filters.eq("_id", id)).first();
      if (m != null) {
        out.add(m);
      }
    }
    out.sort(java.util.Comparator.comparingLong(m -> m.get("first", Number.class).longValue()));
    return new Page(out, rev);
  }

  private void put(String chatId, Document message) {
    write(chatId, rev -> {
      col.replaceOne(Filters.eq("_id", message.get("_id")),
          message.append("rev", rev).append("first", rev), new ReplaceOptions().upsert(true));
      return message.getString("_id");
    });
  }

  private void change(String chatId, String token, Bson update) {
    Document q = counters.find(Filters.eq("_id", questionKey(chatId, token))).first();
    if (q == null) {
      return; // the question was never shown here
    }
    String id = q.getString("messageId");
    write(chatId, rev -> {
      col.updateOne(Filters.eq("_id", id), Updates.combine(update, Updates.set("rev", rev)));
      return id;
    });
  }

  private void write(String chatId, java.util.function.LongFunction<String> w) {
    synchronized (locks[Math.floorMod(chatId.hashCode(), STRIPES)]) {
      Document c = counters.findOneAndUpdate(Filters.eq("_id", counterKey(chatId)),
          Updates.inc("rev", 1L),
          new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
      long rev = c.get("rev", Number.class).longValue();
      String messageId = w.apply(rev);
      revs.replaceOne(Filters.eq("_id", chatId + ":" + rev), new Document("messageId", messageId),
          new ReplaceOptions().upsert(true));
    }
  }

  private long counter(String chatId) {
    Document c = counters.find(Filters.eq("_id", counterKey(chatId))).first();
    Number n = c == null ? null : c.get("rev", Number.class);
    return n == null ? 0 : n.longValue();
  }

  private static String counterKey(String chatId) {
    return "local-rev:" + chatId;
  }

  private static String questionKey(String chatId, String token) {
    return "local-q:" + chatId + ":" + token;
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
