package org.steady.store;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;
import org.steady.chat.ChannelSender;

/**
 * The outbox: {@code outbox} holds the entries still to send ({@code pending}); once sent
 * ({@code sent}), given up ({@code failed}) or dropped because the person blocked the bot
 * ({@code unreachable}) an entry moves to {@code outbox_done}. Urgent entries (crisis messages,
 * alerts) wait in their own collection {@code outbox_urgent}, read before the other, so that the
 * priority lane never waits behind a morning's backlog of check-ins. The {@code order} key keeps
 * a chat's messages in the order they were enqueued. An entry enqueued again after it was done (a
 * replay) is recognised by its id in {@code outbox_done} and dropped unsent.
 *
 * <p>Only one relay works on the outbox at a time ({@link RelayLeadership}), so entries carry no
 * per-entry lease: the relay reads a batch of due entries, delivers them, and moves the sent ones
 * to {@code outbox_done} together.
 */
@Component
public class OutboxEntries {
  public static final String PENDING = "pending";
  public static final String SENT = "sent";
  public static final String FAILED = "failed";
  public static final String UNREACHABLE = "unreachable";
  private static final int DUPLICATE_KEY = 11000;

  private final MongoCollection<Document> col;
  private final MongoCollection<Document> urgentCol;
  private final MongoCollection<Document> done;

  public OutboxEntries(MongoDatabase db) {
    this.col = db.getCollection(Collections.OUTBOX);
    this.urgentCol = db.getCollection(Collections.OUTBOX_URGENT);
    this.done = db.getCollection(Collections.OUTBOX_DONE);
  }

  /** @return false if an entry with this id exists already (a replay) */
  public boolean insert(Document entry) {
    try {
      lane(entry).insertOne(entry.append("status", PENDING).append("attempts", 0));
      return true;
    } catch (MongoWriteException e) {
      if (e.getError().getCode() == DUPLICATE_KEY) {
        return false;
      }
      throw e;
    }
  }

  /** The due entries of one lane in the order they were enqueued, at most {@code limit}. */
  public List<Document> due(boolean urgent, Instant now, int limit) {
    return due(urgent, now, limit, Set.of());
  }

  /**
   * The same, leaving out the chats in {@code skip} ({@code <channel>:<chatId>}), e.g. those the
   * channel asked to wait: their entries do not fill the batch meanwhile.
   */
  public List<Document> due(boolean urgent, Instant now, int limit, Set<String> skip) {
    List<Bson> filter = new ArrayList<>(List.of(Filters.eq("status", PENDING),
        Filters.lte("nextAttemptAt", Date.from(now))));
    if (!skip.isEmpty()) {
      List<String> chatIds = new ArrayList<>();
      skip.forEach(k -> chatIds.add(k.substring(k.indexOf(':') + 1)));
      filter.add(Filters.nin("chatId", chatIds));
    }
    MongoCollection<Document> lane = urgent ? urgentCol : col;
    return lane.find(Filters.and(filter)).sort(Sorts.ascending("order")).limit(limit)
        .into(new ArrayList<>());
  }

  /**
   * Routine entries of the chats of {@code batch} that are not due yet (waiting for a retry): a
   * chat's later messages wait behind them.
   */
  public List<Document> waiting(List<Document> batch, Instant now) {
    Set<String> channels = new HashSet<>();
    Set<String> chats = new HashSet<>();
    for (Document d : batch) {
      channels.add(d.getString("channel"));
      chats.add(d.getString("chatId"));
    }
    if (chats.isEmpty()) {
      return List.of();
    }
    return col.find(Filters.and(Filters.in("channel", channels), Filters.in("chatId", chats),
            Filters.eq("status", PENDING), Filters.gt("nextAttemptAt", Date.from(now))))
        .into(new ArrayList<>());
  }

  /** Which of these ids are done already (entries enqueued again by a replay). */
  public Set<String> alreadyDone(Collection<String> ids) {
    Set<String> found = new HashSet<>();
    if (!ids.isEmpty()) {
      done.find(Filters.in("_id", ids)).projection(Projections.include("_id"))
          .forEach(d -> found.add(d.getString("_id")));
    }
    return found;
  }

  /** Drops pending entries that were already done (replayed enqueues). */
  public void discard(Collection<String> ids) {
    if (!ids.isEmpty()) {
      col.deleteMany(Filters.in("_id", ids));
      urgentCol.deleteMany(Filters.in("_id", ids));
    }
  }

  /**
   * Moves delivered entries to {@code outbox_done} as {@code sent}, each with its channel
   * message id and time (copy first, then delete: a crash in between leaves a copy in both,
   * which the next pass recognises as done).
   */
  public void markSent(List<Document> sent) {
    if (sent.isEmpty()) {
      return;
    }
    List<Document> copies = new ArrayList<>();
    List<Object> urgentIds = new ArrayList<>();
    List<Object> routineIds = new ArrayList<>();
    for (Document entry : sent) {
      copies.add(new Document(entry).append("status", SENT).append("lastError", null));
      (lane(entry) == urgentCol ? urgentIds : routineIds).add(entry.get("_id"));
    }
    try {
      done.insertMany(copies, new InsertManyOptions().ordered(false));
    } catch (MongoBulkWriteException e) {
      if (e.getWriteErrors().stream().anyMatch(w -> w.getCode() != DUPLICATE_KEY)) {
        throw e;
      }
    }
    if (!routineIds.isEmpty()) {
      col.deleteMany(Filters.in("_id", routineIds));
    }
    if (!urgentIds.isEmpty()) {
      urgentCol.deleteMany(Filters.in("_id", urgentIds));
    }
  }

  /** Tries again at {@code next}; counts an attempt if asked. */
  public void reschedule(String id, Instant next, boolean countAttempt, String error) {
    reschedule(id, next, countAttempt, false, error);
  }

  /**
   * Tries again at {@code next}. {@code attempts} counts every try, {@code failures} only those
   * that count towards giving up (not a 429 with a retry-after).
   */
  public void reschedule(String id, Instant next, boolean countAttempt, boolean countFailure,
      String error) {
    List<Bson> u = new ArrayList<>(List.of(Updates.set("nextAttemptAt", Date.from(next))));
    if (countAttempt) {
      u.add(Updates.inc("attempts", 1));
    }
    if (countFailure) {
      u.add(Updates.inc("failures", 1));
    }
    if (error != null) {
      u.add(Updates.set("lastError", error));
    }
    Bson update = Updates.combine(u);
    if (urgentCol.updateOne(Filters.eq("_id", id), update).getMatchedCount() == 0) {
      col.updateOne(Filters.eq("_id", id), update);
    }
  }

  /** Moves the entry to {@code outbox_done} with its final status (copy first, then delete). */
  public void finish(Document entry, String status, String error) {
    Document d = new Document(entry).append("status", status).append("lastError", error);
    done.replaceOne(Filters.eq("_id", d.get("_id")), d, new ReplaceOptions().upsert(true));
    lane(entry).deleteOne(Filters.eq("_id", d.get("_id")));
  }

  /** Drops every pending entry for a chat (the person blocked the bot). */
  public int dropChat(String channel, String chatId) {
    Bson chat = Filters.and(Filters.eq("channel", channel), Filters.eq("chatId", chatId));
    List<Document> pending = col.find(chat).into(new ArrayList<>());
    urgentCol.find(chat).into(pending);
    for (Document d : pending) {
      finish(d, UNREACHABLE, "recipient unreachable");
    }
    return pending.size();
  }

  /** The entry, pending or done, or null. */
  public Document get(String id) {
    Document d = urgentCol.find(Filters.eq("_id", id)).first();
    d = d != null ? d : col.find(Filters.eq("_id", id)).first();
    return d != null ? d : done.find(Filters.eq("_id", id)).first();
  }

  /** Entries matching {@code filter}, pending and done. */
  public long count(Bson filter) {
    return col.countDocuments(filter) + urgentCol.countDocuments(filter)
        + done.countDocuments(filter);
  }

  /** The collection an entry waits in: its lane. */
  private MongoCollection<Document> lane(Document entry) {
    return Boolean.TRUE.equals(entry.getBoolean("urgent")) ? urgentCol : col;
  }

  /** The stored entry as the channel sender sees it. */
  public static ChannelSender.Outgoing outgoing(Document d) {
    return new ChannelSender.Outgoing(d.getString("_id"), d.getString("channel"),
        d.getString("chatId"), d.getString("kind"), d.getString("text"),
        EffectCodec.buttons(d.get("buttons")), d.getString("questionToken"),
        d.getBoolean("urgent", false), null);
  }
}
