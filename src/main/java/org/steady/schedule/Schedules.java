package org.steady.schedule;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;
import org.steady.chat.PatientRef;
import org.steady.store.StoreSchema;

/**
 * The {@code schedules} collection, one document per patient. Every write bumps {@code rev};
 * writes that depend on what was read are compare-and-set on it, so a settings change and a
 * ticker on another instance cannot overwrite each other. The ticker's query is
 * {@code nextDueAt <= now} on an index: never a scan of all patients.
 */
@Component
class Schedules {
  static final String COLLECTION = "schedules";
  private static final int RETRIES = 5;

  private final MongoCollection<Document> col;
  private final Clock clock;
  private final ScheduleProperties props;

  Schedules(MongoDatabase db, Clock clock, ScheduleProperties props) {
    this.col = db.getCollection(COLLECTION);
    this.clock = clock;
    this.props = props;
    col.createIndex(Indexes.ascending("nextDueAt"));
    // the compare-and-set filter {_id, rev} is served by _id, on the embedded store too now
    StoreSchema.dropIndex(col, "_id_1_rev_1");
  }

  Optional<ScheduleDoc> find(String patientId) {
    return Optional.ofNullable(col.find(Filters.eq("_id", patientId)).first())
        .map(ScheduleDoc::from);
  }

  /** Due schedules, oldest first, at most {@code limit}. */
  List<ScheduleDoc> due(Instant now, int limit) {
    return col.find(Filters.lte("nextDueAt", Date.from(now))).sort(Sorts.ascending("nextDueAt"))
        .limit(limit).map(ScheduleDoc::from).into(new ArrayList<>());
  }

  /**
   * Applies {@code update} to the patient's schedule (creating it) and computes the next
   * check-in from the result.
   */
  ScheduleDoc change(PatientRef ref, Bson update) {
    Document d = col.findOneAndUpdate(Filters.eq("_id", ref.patientId()),
        Updates.combine(update, Updates.set("channel", ref.channel()),
            Updates.set("chatId", ref.chatId()), Updates.set("locale", ref.locale()),
            Updates.inc("rev", 1L)),
        new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
    return reschedule(ScheduleDoc.from(d));
  }

  /** Recomputes {@code nextDueAt} from the stored rule, retrying on concurrent writes. */
  ScheduleDoc reschedule(ScheduleDoc doc) {
    for (int i = 0; i < RETRIES; i++) {
      Bson next = nextFields(doc, doc.lastDate(), clock.instant());
      if (compareAndSet(doc, next)) {
        return find(doc.patientId()).orElseThrow();
      }
      doc = find(doc.patientId()).orElseThrow();
    }
    throw new IllegalStateException("schedule " + doc.patientId() + " kept changing");
  }

  /** The fields that point at the next occurrence after {@code lastDate}. */
  Bson nextFields(ScheduleDoc doc, LocalDate lastDate, Instant now) {
    Optional<Recurrence.Occurrence> next = doc.time() == null ? Optional.empty()
        : doc.recurrence(props.watchDays()).next(lastDate, now);
    List<Bson> sets = new ArrayList<>();
    if (lastDate != null) {
      sets.add(Updates.set("lastDate", lastDate.toString()));
    }
    if (next.isPresent()) {
      sets.add(Updates.set("nextDate", next.get().date().toString()));
      sets.add(Updates.set("nextDueAt", Date.from(next.get().at())));
    } else {
      sets.add(Updates.unset("nextDate"));
      sets.add(Updates.unset("nextDueAt"));
    }
    return Updates.combine(sets);
  }

  /** Writes {@code update} only if nobody wrote since {@code doc} was read. */
  boolean compareAndSet(ScheduleDoc doc, Bson update) {
    return col.updateOne(Filters.and(Filters.eq("_id", doc.patientId()),
            Filters.eq("rev", doc.rev())), Updates.combine(update, Updates.inc("rev", 1L)))
        .getMatchedCount() == 1;
  }

  /**
   * {@link #compareAndSet} for many schedules with one bulk write.
   *
   * @return how many were written (the others changed since they were read)
   */
  int compareAndSetAll(List<ScheduleDoc> docs, List<Bson> updates) {
    if (docs.isEmpty()) {
      return 0;
    }
    List<UpdateOneModel<Document>> writes = new ArrayList<>();
    for (int i = 0; i < docs.size(); i++) {
      ScheduleDoc doc = docs.get(i);
      writes.add(new UpdateOneModel<>(Filters.and(Filters.eq("_id", doc.patientId()),
          Filters.eq("rev", doc.rev())), Updates.combine(updates.get(i), Updates.inc("rev", 1L))));
    }
    return col.bulkWrite(writes, new BulkWriteOptions().ordered(false)).getMatchedCount();
  }

  /** Sets fields that no decision depends on (profile flags), without a version check. */
  void set(String patientId, Bson update) {
    col.updateOne(Filters.eq("_id", patientId), update);
  }

  MongoCollection<Document> collection() {
    return col;
  }
}
