package org.steady.store;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
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
 * The {@code outbox} collection. An entry is {@code pending} until sent ({@code sent}), given up
 * ({@code failed}) or dropped because the person blocked the bot ({@code unreachable}). A relay
 * claims a due entry by setting a lease; an expired lease (a crashed relay) makes it claimable
 * again. Urgent entries are claimed first; otherwise the {@code order} key keeps a chat's
 * messages in the order they were enqueued.
 */
@Component
public class OutboxEntries {
  public static final String PENDING = "pending";
  public static final String SENT = "sent";
  public static final String FAILED = "failed";
  public static final String UNREACHABLE = "unreachable";
  private static final Date NEVER = new Date(0);

  private final MongoCollection<Document> col;

  public OutboxEntries(MongoDatabase db) {
    this.col = db.getCollection(Collections.OUTBOX);
  }

  /** @return false if an entry with this id exists already (a replay) */
  public boolean insert(Document entry) {
    try {
      col.insertOne(entry.append("status", PENDING).append("attempts", 0)
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
    return col.findOneAndUpdate(due,
        Updates.combine(Updates.set("leaseUntil", Date.from(leaseUntil)),
            Updates.set("leaseOwner", owner)),
        new FindOneAndUpdateOptions().sort(Sorts.orderBy(Sorts.descending("urgent"),
            Sorts.ascending("order"))).returnDocument(ReturnDocument.AFTER));
  }

  /** The first still-pending entry of the same chat enqueued before {@code entry}, if any. */
  public Document earlierPending(Document entry) {
    return col.find(Filters.and(Filters.eq("channel", entry.getString("channel")),
            Filters.eq("chatId", entry.getString("chatId")), Filters.eq("status", PENDING),
            Filters.lt("order", entry.get("order")), Filters.eq("urgent", false)))
        .sort(Sorts.ascending("order")).first();
  }

  public void markSent(String id, String externalId, Instant at) {
    col.updateOne(Filters.eq("_id", id), Updates.combine(Updates.set("status", SENT),
        Updates.set("externalMessageId", externalId), Updates.set("sentAt", Date.from(at)),
        Updates.set("leaseUntil", NEVER)));
  }

  /** Releases the claim and tries again at {@code next}; counts an attempt if asked. */
  public void reschedule(String id, Instant next, boolean countAttempt, String error) {
    List<Bson> u = new ArrayList<>(List.of(Updates.set("nextAttemptAt", Date.from(next)),
        Updates.set("leaseUntil", NEVER)));
    if (countAttempt) {
      u.add(Updates.inc("attempts", 1));
    }
    if (error != null) {
      u.add(Updates.set("lastError", error));
    }
    col.updateOne(Filters.eq("_id", id), Updates.combine(u));
  }

  public void finish(String id, String status, String error) {
    col.updateOne(Filters.eq("_id", id), Updates.combine(Updates.set("status", status),
        Updates.set("lastError", error), Updates.set("leaseUntil", NEVER)));
  }

  /** Drops every pending entry for a chat (the person blocked the bot). */
  public long dropChat(String channel, String chatId) {
    return col.updateMany(Filters.and(Filters.eq("channel", channel),
            Filters.eq("chatId", chatId), Filters.eq("status", PENDING)),
        Updates.combine(Updates.set("status", UNREACHABLE), Updates.set("leaseUntil", NEVER)))
        .getModifiedCount();
  }

  public Document get(String id) {
    return col.find(Filters.eq("_id", id)).first();
  }

  public long count(Bson filter) {
    return col.countDocuments(filter);
  }

  /** The stored entry as the channel sender sees it. */
  public static ChannelSender.Outgoing outgoing(Document d) {
    return new ChannelSender.Outgoing(d.getString("_id"), d.getString("channel"),
        d.getString("chatId"), d.getString("kind"), d.getString("text"),
        EffectCodec.buttons(d.get("buttons")), d.getString("questionToken"),
        d.getBoolean("urgent", false), null);
  }
}
