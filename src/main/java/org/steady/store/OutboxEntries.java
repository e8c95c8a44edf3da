package org.steady.store;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;
import org.steady.chat.ChannelSender;

/**
 * The outbox: {@code outbox} holds the entries still to send ({@code pending}); once sent
 * ({@code sent}), given up ({@code failed}) or dropped because the person blocked the bot
 * ({@code unreachable}) an entry moves to {@code outbox_done}. Urgent entries (crisis messages,
 * alerts) wait in their own collection {@code outbox_urgent}, claimed before the other: the
 * priority lane's cost depends on how many urgent entries wait, never on a morning's backlog of
 * check-ins (the embedded server has no secondary indexes to sort a shared collection with). Keeping the pending set small
 * keeps claiming cheap on the embedded server, which scans for anything not looked up by id.
 * A relay claims a due entry by setting a lease; an expired lease (a crashed relay) makes it
 * claimable again. Urgent entries are claimed first; otherwise the {@code order} key keeps a
 * chat's messages in the order they were enqueued. An entry enqueued again after it was done
 * (a replay) is recognised by its id in {@code outbox_done} and dropped unsent.
 */
@Component
public class OutboxEntries {
  public static final String PENDING = "pending";
  public static final String SENT = "sent";
  public static final String FAILED = "failed";
  public static final String UNREACHABLE = "unreachable";
  private static final Date NEVER = new Date(0);

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
      lane(entry).insertOne(entry.append("status", PENDING).append("attempts", 0)
          .append("leaseUntil", NEVER));
      return true;
    } catch (MongoWriteException e) {
      if (e.getError().getCode() == 11000) {
        return false;
      }
      throw e;
    }
  }

  /** Claims the most urgent due entry for {@code lease}, or returns null. */
  public Document claim(Instant now, Instant leaseUntil, String owner) {
    Bson due = Filters.and(Filters.eq("status", PENDING),
        Filters.lte("nextAttemptAt", Date.from(now)), Filters.lte("leaseUntil", Date.from(now)));
    Bson lease = Updates.combine(Updates.set("leaseUntil", Date.from(leaseUntil)),
        Updates.set("leaseOwner", owner));
    FindOneAndUpdateOptions first = new FindOneAndUpdateOptions()
        .sort(Sorts.ascending("order")).returnDocument(ReturnDocument.AFTER);
    Document urgent = urgentCol.findOneAndUpdate(due, lease, first);
    return urgent != null ? urgent : col.findOneAndUpdate(due, lease, first);
  }

  /**
   * Frees every lease in both lanes, for start-up on the embedded store: only the process that
   * opened its file can use it, so a lease found there was held by a relay that died with its
   * process (a kill in the middle of a send). Left alone, it would hold back that entry, and
   * every later one for the same chat, until it expired.
   *
   * @return how many leases were freed
   */
  public long releaseLeases() {
    Bson leased = Filters.gt("leaseUntil", NEVER);
    Bson free = Updates.set("leaseUntil", NEVER);
    return urgentCol.updateMany(leased, free).getModifiedCount()
        + col.updateMany(leased, free).getModifiedCount();
  }

  /** The collection an entry waits in: its lane. */
  private MongoCollection<Document> lane(Document entry) {
    return Boolean.TRUE.equals(entry.getBoolean("urgent")) ? urgentCol : col;
  }

  /** The first still-pending entry of the same chat enqueued before {@code entry}, if any. */
  public Document earlierPending(Document entry) {
    return col.find(Filters.and(Filters.eq("channel", entry.getString("channel")),
            Filters.eq("chatId", entry.getString("chatId")), Filters.eq("status", PENDING),
            Filters.lt("order", entry.get("order")), Filters.eq("urgent", false)))
        .sort(Sorts.ascending("order")).first();
  }

  public boolean isDone(String id) {
    return done.find(Filters.eq("_id", id)).projection(new Document("_id", 1)).first() != null;
  }

  /** Drops a pending entry that was already done (a replayed enqueue). */
  public void discard(String id) {
    col.deleteOne(Filters.eq("_id", id));
    urgentCol.deleteOne(Filters.eq("_id", id));
  }

  public void markSent(Document entry, String externalId, Instant at) {
    finish(entry.append("externalMessageId", externalId).append("sentAt", Date.from(at)), SENT,
        null);
  }

  /** Releases the claim and tries again at {@code next}; counts an attempt if asked. */
  public void reschedule(String id, Instant next, boolean countAttempt, String error) {
    reschedule(id, next, countAttempt, false, error);
  }

  /**
   * Releases the claim and tries again at {@code next}. {@code attempts} counts every try,
   * {@code failures} only those that count towards giving up (not a 429 with a retry-after).
   */
  public void reschedule(String id, Instant next, boolean countAttempt, boolean countFailure,
      String error) {
    List<Bson> u = new ArrayList<>(List.of(Updates.set("nextAttemptAt", Date.from(next)),
        Updates.set("leaseUntil", NEVER)));
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
    Document d = new Document(entry).append("status", status).append("lastError", error)
        .append("leaseUntil", NEVER);
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

  /** The stored entry as the channel sender sees it. */
  public static ChannelSender.Outgoing outgoing(Document d) {
    return new ChannelSender.Outgoing(d.getString("_id"), d.getString("channel"),
        d.getString("chatId"), d.getString("kind"), d.getString("text"),
        EffectCodec.buttons(d.get("buttons")), d.getString("questionToken"),
        d.getBoolean("urgent", false), null);
  }
}
