package org.steady.store;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOneModel;
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
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.steady.chat.ChannelSender;

/**
 * The outbox: every message Steady sends, with its delivery state. Entries wait as
 * {@code pending} and end as {@code sent}, {@code failed} (given up) or {@code unreachable} (the
 * person blocked the bot), changed in place. Urgent entries (crisis messages, alerts) live in
 * their own collection, {@code outbox_urgent}, read before {@code outbox} in every pass, so the
 * priority lane never waits behind a morning's backlog of check-ins. The {@code order} key keeps a
 * chat's messages in the order they were enqueued. An entry enqueued again after it was sent (a
 * replay after a crash) is a duplicate key: never sent twice. Entries that earlier versions
 * moved to {@code outbox_done} are still found by {@link #get}.
 *
 * <p>Only one relay works on the outbox at a time ({@link RelayLeadership}), so entries carry no
 * per-entry lease: the relay reads a batch of due entries, delivers them, and marks the sent ones
 * together.
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
  private final MongoCollection<Document> legacyDone;

  public OutboxEntries(MongoDatabase db) {
    this.col = db.getCollection(Collections.OUTBOX);
    this.urgentCol = db.getCollection(Collections.OUTBOX_URGENT);
    this.legacyDone = db.getCollection(Collections.OUTBOX_DONE);
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
   * Routine entries that wait for a retry (pending, not due yet) in the given chats
   * ({@code <channel>:<chatId>}), or in every chat when {@code chats} is null: a chat's later
   * messages wait behind them.
   */
  public List<Document> waiting(@Nullable Collection<String> chats, Instant now) {
    List<Bson> filter = new ArrayList<>(List.of(Filters.eq("status", PENDING),
        Filters.gt("nextAttemptAt", Date.from(now))));
    if (chats != null) {
      if (chats.isEmpty()) {
        return List.of();
      }
      Set<String> channels = new HashSet<>();
      Set<String> chatIds = new HashSet<>();
      for (String k : chats) {
        channels.add(k.substring(0, k.indexOf(':')));
        chatIds.add(k.substring(k.indexOf(':') + 1));
      }
      filter.add(0, Filters.in("chatId", chatIds));
      filter.add(0, Filters.in("channel", channels));
    }
    return col.find(Filters.and(filter)).into(new ArrayList<>());
  }

  /** Records delivered entries as {@code sent}, each with its channel message id and time. */
  public void markSent(List<Document> sent) {
    List<UpdateOneModel<Document>> urgent = new ArrayList<>();
    List<UpdateOneModel<Document>> routine = new ArrayList<>();
    for (Document entry : sent) {
      Bson done = Updates.combine(Updates.set("status", SENT), Updates.set("lastError", null),
          Updates.set("externalMessageId", entry.get("externalMessageId")),
          Updates.set("sentAt", entry.get("sentAt")));
      (lane(entry) == urgentCol ? urgent : routine)
          .add(new UpdateOneModel<>(Filters.eq("_id", entry.get("_id")), done));
    }
    if (!routine.isEmpty()) {
      col.bulkWrite(routine, new BulkWriteOptions().ordered(false));
    }
    if (!urgent.isEmpty()) {
      urgentCol.bulkWrite(urgent, new BulkWriteOptions().ordered(false));
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

  /** Ends the entry with {@code status} ({@code failed}, {@code unreachable}). */
  public void finish(Document entry, String status, String error) {
    lane(entry).updateOne(Filters.eq("_id", entry.get("_id")),
        Updates.combine(Updates.set("status", status), Updates.set("lastError", error)));
  }

  /** Ends every pending entry for a chat (the person blocked the bot); returns how many. */
  public long dropChat(String channel, String chatId) {
    Bson pending = Filters.and(Filters.eq("channel", channel), Filters.eq("chatId", chatId),
        Filters.eq("status", PENDING));
    Bson dropped = Updates.combine(Updates.set("status", UNREACHABLE),
        Updates.set("lastError", "recipient unreachable"));
    return col.updateMany(pending, dropped).getModifiedCount()
        + urgentCol.updateMany(pending, dropped).getModifiedCount();
  }

  /** The entry, whatever its state, or null. */
  public Document get(String id) {
    Document d = urgentCol.find(Filters.eq("_id", id)).first();
    d = d != null ? d : col.find(Filters.eq("_id", id)).first();
    return d != null ? d : legacyDone.find(Filters.eq("_id", id)).first();
  }

  /** Entries matching {@code filter}, in both lanes (and those earlier versions moved away). */
  public long count(Bson filter) {
    return col.countDocuments(filter) + urgentCol.countDocuments(filter)
        + legacyDone.countDocuments(filter);
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
