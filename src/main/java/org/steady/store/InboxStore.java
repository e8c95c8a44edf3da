package org.steady.store;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.steady.chat.Inbound;
import org.steady.engine.PatientText;

/**
 * The {@code inbox} collection: every inbound event, keyed by {@link Inbound#id()} so that a
 * redelivered event is a duplicate-key no-op. Status {@code new} until fully processed, then
 * {@code processed} (or {@code failed} with the error class). {@code seq} orders a chat's events.
 */
@Component
public class InboxStore {
  public static final String NEW = "new";
  public static final String PROCESSED = "processed";
  public static final String FAILED = "failed";

  private static final int DUPLICATE_KEY = 11000;

  private final MongoCollection<Document> col;
  private final Sequencer sequencer;
  private final Clock clock;

  public InboxStore(MongoDatabase db, Sequencer sequencer, Clock clock) {
    this.col = db.getCollection(Collections.INBOX);
    this.sequencer = sequencer;
    this.clock = clock;
  }

  /** One stored event. */
  public record Entry(String id, Inbound inbound, long seq, String status) {}

  /** @return the stored entry, or null if an event with that id was already there */
  public @Nullable Entry insert(Inbound in) {
    Document d = document(in);
    try {
      col.insertOne(d);
      return entry(d);
    } catch (MongoWriteException e) {
      if (e.getError().getCode() == DUPLICATE_KEY) {
        return null;
      }
      throw e;
    }
  }

  /**
   * Stores many events with one command (a minute's due check-ins, say).
   *
   * @return the entries stored now, in the given order; an id already there is left out
   */
  public List<Entry> insert(List<Inbound> events) {
    if (events.isEmpty()) {
      return List.of();
    }
    List<Document> docs = new ArrayList<>();
    events.forEach(in -> docs.add(document(in)));
    Set<Integer> duplicates = new HashSet<>();
    try {
      col.insertMany(docs, new InsertManyOptions().ordered(false));
    } catch (MongoBulkWriteException e) {
      for (BulkWriteError error : e.getWriteErrors()) {
        if (error.getCode() != DUPLICATE_KEY) {
          throw e;
        }
        duplicates.add(error.getIndex());
      }
    }
    List<Entry> stored = new ArrayList<>();
    for (int i = 0; i < docs.size(); i++) {
      if (!duplicates.contains(i)) {
        stored.add(entry(docs.get(i)));
      }
    }
    return stored;
  }

  private Document document(Inbound in) {
    return new Document("_id", in.id()).append("channel", in.channel())
        .append("chatId", in.chatId()).append("externalId", in.externalId())
        .append("kind", in.kind().name())
        .append("text", in.text() == null ? null : in.text().value())
        .append("command", in.command()).append("argument", in.argument())
        .append("callbackData", in.callbackData()).append("displayName", in.displayName())
        .append("languageCode", in.languageCode()).append("at", Date.from(in.at()))
        .append("receivedAt", Date.from(clock.instant())).append("seq", sequencer.next())
        .append("status", NEW);
  }

  /** Ids of unprocessed events in arrival order: what crash repair processes at start-up. */
  public List<Entry> pending() {
    return col.find(Filters.eq("status", NEW)).sort(Sorts.ascending("seq"))
        .map(InboxStore::entry).into(new ArrayList<>());
  }

  public Entry get(String id) {
    Document d = col.find(Filters.eq("_id", id)).first();
    return d == null ? null : entry(d);
  }

  public void markProcessed(String id) {
    col.updateOne(Filters.eq("_id", id), Updates.combine(Updates.set("status", PROCESSED),
        Updates.set("processedAt", Date.from(clock.instant()))));
  }

  public void markFailed(String id, String errorClass) {
    col.updateOne(Filters.eq("_id", id), Updates.combine(Updates.set("status", FAILED),
        Updates.set("error", errorClass), Updates.set("processedAt", Date.from(clock.instant()))));
  }

  /** Puts an entry back to {@code new} (tests and operators replaying an event). */
  public void reopen(String id) {
    col.updateOne(Filters.eq("_id", id), Updates.set("status", NEW));
  }

  public long count(String status) {
    return col.countDocuments(Filters.eq("status", status));
  }

  private static Entry entry(Document d) {
    String text = d.getString("text");
    Inbound in = new Inbound(d.getString("channel"), d.getString("chatId"),
        d.getString("externalId"), Inbound.Kind.valueOf(d.getString("kind")),
        text == null ? null : new PatientText(text), d.getString("command"),
        d.getString("argument"), d.getString("callbackData"), d.getString("displayName"),
        d.getString("languageCode"), d.getDate("at").toInstant());
    Number seq = d.get("seq", Number.class);
    return new Entry(d.getString("_id"), in, seq == null ? 0 : seq.longValue(),
        d.getString("status"));
  }
}
