package org.steady.chat;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.springframework.stereotype.Component;
import org.steady.engine.Effect;
import org.steady.store.Collections;

/**
 * The {@code local_messages} collection: what the local chat page shows, both directions. Every
 * write gives the message a new per-chat {@code rev}, so a reader asking for {@code rev > n}
 * sees new messages and changed ones (ticks, closed questions) and upserts them by id. Writes
 * for one chat are serialised so that revs become visible in order.
 */
@Component
class LocalMessages {
  private static final int STRIPES = 64;

  private final MongoCollection<Document> col;
  private final MongoCollection<Document> counters;
  private final Clock clock;
  private final Object[] locks = new Object[STRIPES];

  LocalMessages(MongoDatabase db, Clock clock) {
    this.col = db.getCollection(Collections.LOCAL_MESSAGES);
    this.counters = db.getCollection(Collections.COUNTERS);
    this.clock = clock;
    for (int i = 0; i < STRIPES; i++) {
      locks[i] = new Object();
    }
  }

  void inbound(String id, String chatId, String text) {
    Document d = new Document("_id", id).append("chatId", chatId).append("direction", "in")
        .append("text", text).append("buttons", List.of()).append("closed", false)
        .append("at", Date.from(clock.instant()));
    write(chatId, rev -> col.replaceOne(Filters.eq("_id", id), d.append("rev", rev),
        new ReplaceOptions().upsert(true)));
  }

  void outbound(String id, String chatId, String text, List<List<Effect.Button>> buttons,
      String questionToken) {
    Document d = new Document("_id", id).append("chatId", chatId).append("direction", "out")
        .append("text", text).append("buttons", rows(buttons, questionToken))
        .append("questionToken", questionToken).append("closed", false)
        .append("at", Date.from(clock.instant()));
    write(chatId, rev -> col.replaceOne(Filters.eq("_id", id), d.append("rev", rev),
        new ReplaceOptions().upsert(true)));
  }

  /** Multi-select ticks: the question's keyboard changes. */
  void updateButtons(String chatId, String questionToken, List<List<Effect.Button>> buttons) {
    write(chatId, rev -> col.updateMany(question(chatId, questionToken), Updates.combine(
        Updates.set("buttons", rows(buttons, questionToken)), Updates.set("rev", rev))));
  }

  /** The question is answered or given up: no more presses; shows the chosen label. */
  void close(String chatId, String questionToken, String chosen) {
    write(chatId, rev -> col.updateMany(question(chatId, questionToken), Updates.combine(
        Updates.set("closed", true), Updates.set("chosen", chosen), Updates.set("rev", rev))));
  }

  List<Document> after(String chatId, long rev) {
    return col.find(Filters.and(Filters.eq("chatId", chatId), Filters.gt("rev", rev)))
        .sort(Sorts.ascending("rev")).into(new ArrayList<>());
  }

  private void write(String chatId, java.util.function.LongConsumer w) {
    synchronized (locks[Math.floorMod(chatId.hashCode(), STRIPES)]) {
      Document c = counters.findOneAndUpdate(Filters.eq("_id", counterId(chatId)),
          Updates.inc("rev", 1L),
          new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
      w.accept(c.get("rev", Number.class).longValue());
    }
  }

  private static org.bson.conversions.Bson question(String chatId, String token) {
    return Filters.and(Filters.eq("chatId", chatId), Filters.eq("questionToken", token));
  }

  private static String counterId(String chatId) {
    return "local-rev:" + chatId;
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
