package org.steady.schedule;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.DeleteOneModel;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.springframework.stereotype.Component;
import org.steady.chat.PatientRef;
import org.steady.store.StoreSchema;

/**
 * The {@code timers} collection: the engine's durable timers, {@code _id} =
 * {@code <patientId>:<timerId>} (scheduling an id again replaces it). {@code at} is when the
 * engine asked for; {@code dueAt} (indexed) is when it fires, later than {@code at} when quiet
 * hours hold a routine nudge back.
 */
@Component
class Timers {
  static final String COLLECTION = "timers";

  /** One stored timer. */
  record Timer(String id, String patientId, String channel, String chatId, String timerId,
      String purpose, Instant at, Instant dueAt, boolean urgent) {

    /** Inbox key: a replayed ScheduleTimer with the same instant fires once. */
    String externalId() {
      return "timer:" + patientId + ":" + timerId + ":" + at.toEpochMilli();
    }
  }

  private final MongoCollection<Document> col;

  Timers(MongoDatabase db) {
    this.col = db.getCollection(COLLECTION);
    col.createIndex(Indexes.ascending("dueAt"));
    StoreSchema.dropIndex(col, "_id_1_at_1"); // see Schedules
  }

  static String id(String patientId, String timerId) {
    return patientId + ":" + timerId;
  }

  /** Stores or replaces a timer; idempotent (the same effect twice writes the same document). */
  void put(PatientRef p, String timerId, String purpose, Instant at, Instant dueAt,
      boolean urgent) {
    String id = id(p.patientId(), timerId);
    Document d = new Document("_id", id).append("patientId", p.patientId())
        .append("channel", p.channel()).append("chatId", p.chatId()).append("timerId", timerId)
        .append("purpose", purpose).append("at", Date.from(at)).append("dueAt", Date.from(dueAt))
        .append("urgent", urgent);
    col.replaceOne(Filters.eq("_id", id), d, new ReplaceOptions().upsert(true));
  }

  void cancel(String patientId, String timerId) {
    col.deleteOne(Filters.eq("_id", id(patientId, timerId)));
  }

  List<Timer> due(Instant now, int limit) {
    return col.find(Filters.lte("dueAt", Date.from(now))).sort(Sorts.ascending("dueAt"))
        .limit(limit).map(Timers::from).into(new ArrayList<>());
  }

  /** Removes a fired timer unless it was rescheduled meanwhile (then {@code at} differs). */
  boolean remove(Timer t) {
    return col.deleteOne(Filters.and(Filters.eq("_id", t.id()), Filters.eq("at", Date.from(t.at()))))
        .getDeletedCount() == 1;
  }

  /** {@link #remove} for many timers with one bulk write; returns how many were removed. */
  int removeAll(List<Timer> fired) {
    if (fired.isEmpty()) {
      return 0;
    }
    List<DeleteOneModel<Document>> deletes = new ArrayList<>();
    for (Timer t : fired) {
      deletes.add(new DeleteOneModel<>(Filters.and(Filters.eq("_id", t.id()),
          Filters.eq("at", Date.from(t.at())))));
    }
    return col.bulkWrite(deletes, new BulkWriteOptions().ordered(false)).getDeletedCount();
  }

  long count() {
    return col.countDocuments();
  }

  private static Timer from(Document d) {
    return new Timer(d.getString("_id"), d.getString("patientId"), d.getString("channel"),
        d.getString("chatId"), d.getString("timerId"), d.getString("purpose"),
        d.getDate("at").toInstant(), d.getDate("dueAt").toInstant(),
        d.getBoolean("urgent", false));
  }
}
