package org.steady.escalation;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The {@code escalations} collection. Every change is one conditional update of one document,
 * so several instances can share it: a due escalation is claimed with findOneAndUpdate (moving
 * {@code nextActionAt} forward by a lease), and each step is committed only if {@code step} is
 * still what the claimer read.
 */
@Component
public class Escalations {
  private final MongoCollection<Document> col;

  public Escalations(MongoDatabase db) {
    this.col = db.getCollection("escalations");
    col.createIndex(Indexes.ascending("ref"), new IndexOptions().unique(true));
    col.createIndex(Indexes.ascending("status", "nextActionAt"));
    col.createIndex(Indexes.ascending("dedupKey", "raisedAt"));
    col.createIndex(Indexes.ascending("patientId", "raisedAt"));
  }

  /** Inserts a new escalation; false if one with this id exists (a replayed effect). */
  boolean insert(Document d) {
    try {
      col.insertOne(d);
      return true;
    } catch (MongoWriteException e) {
      if (e.getError().getCode() == 11000) {
        return false;
      }
      throw e;
    }
  }

  public Optional<Escalation> byId(String id) {
    return Optional.ofNullable(col.find(Filters.eq("_id", id)).first()).map(Escalation::from);
  }

  public Optional<Escalation> byRef(String ref) {
    return Optional.ofNullable(col.find(Filters.eq("ref", ref)).first()).map(Escalation::from);
  }

  /** An earlier escalation with the same dedup key raised since {@code since}, if any. */
  Optional<Escalation> recent(String dedupKey, Instant since, String exceptId) {
    return Optional.ofNullable(col.find(Filters.and(Filters.eq("dedupKey", dedupKey),
            Filters.gte("raisedAt", Date.from(since)), Filters.ne("_id", exceptId),
            Filters.in("status", "OPEN", "ACKNOWLEDGED", "CLOSED")))
        .sort(Sorts.ascending("raisedAt")).first()).map(Escalation::from);
  }

  /** Claims the earliest due escalation (or the given one) until {@code leaseUntil}. */
  Optional<Escalation> claimDue(@Nullable String id, Instant now, Instant leaseUntil) {
    Bson due = Filters.and(Filters.eq("status", "OPEN"),
        Filters.lte("nextActionAt", Date.from(now)));
    Bson filter = id == null ? due : Filters.and(Filters.eq("_id", id), due);
    Document d = col.findOneAndUpdate(filter, Updates.set("nextActionAt", Date.from(leaseUntil)),
        new FindOneAndUpdateOptions().sort(Sorts.ascending("nextActionAt"))
            .returnDocument(ReturnDocument.AFTER));
    return Optional.ofNullable(d).map(Escalation::from);
  }

  /** Commits one alerting step if nobody else did it first. */
  boolean advance(String id, int fromStep, int toStep, @Nullable Instant next,
      List<Document> events) {
    return col.updateOne(Filters.and(Filters.eq("_id", id), Filters.eq("step", fromStep),
            Filters.eq("status", "OPEN")),
        Updates.combine(Updates.set("step", toStep),
            Updates.set("nextActionAt", next == null ? null : Date.from(next)),
            Updates.pushEach("timeline", events))).getModifiedCount() > 0;
  }

  /** Marks an open escalation acknowledged; false if it was not open any more. */
  boolean acknowledge(String id, String by, Document event) {
    return col.updateOne(Filters.and(Filters.eq("_id", id), Filters.eq("status", "OPEN")),
        Updates.combine(Updates.set("status", "ACKNOWLEDGED"), Updates.set("acknowledgedBy", by),
            Updates.set("nextActionAt", null), Updates.push("timeline", event)))
        .getModifiedCount() > 0;
  }

  boolean close(String id, Document event) {
    return col.updateOne(Filters.and(Filters.eq("_id", id),
            Filters.in("status", "OPEN", "ACKNOWLEDGED")),
        Updates.combine(Updates.set("status", "CLOSED"), Updates.set("nextActionAt", null),
            Updates.push("timeline", event))).getModifiedCount() > 0;
  }

  void record(String id, Document event) {
    col.updateOne(Filters.eq("_id", id), Updates.push("timeline", event));
  }

  /** Newest first; {@code status} null means all. */
  public List<Document> list(@Nullable String status, int limit) {
    Bson f = status == null ? new Document() : Filters.eq("status", status);
    return col.find(f).sort(Sorts.descending("raisedAt")).limit(limit).into(new ArrayList<>());
  }

  public @Nullable Document raw(String id) {
    Document d = col.find(Filters.eq("_id", id)).first();
    return d != null ? d : col.find(Filters.eq("ref", id)).first();
  }

  public List<Escalation> forPatient(String patientId, Instant from, Instant to) {
    return col.find(Filters.and(Filters.eq("patientId", patientId),
            Filters.gte("raisedAt", Date.from(from)), Filters.lt("raisedAt", Date.from(to))))
        .sort(Sorts.ascending("raisedAt")).map(Escalation::from).into(new ArrayList<>());
  }

  static Document event(Instant at, String type, @Nullable Integer target, String detail) {
    return new Document("at", Date.from(at)).append("type", type).append("target", target)
        .append("detail", detail);
  }
}
