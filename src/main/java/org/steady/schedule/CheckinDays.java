package org.steady.schedule;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * The {@code checkin_days} collection: how each check-in day ended, {@code _id} =
 * {@code <patientId>:<localDate>}, outcome {@code completed}, {@code missed} or
 * {@code skipped}. Writing the same day again overwrites it (a late answer beats a give-up).
 */
@Component
class CheckinDays {
  static final String COLLECTION = "checkin_days";

  private final MongoCollection<Document> col;

  CheckinDays(MongoDatabase db) {
    this.col = db.getCollection(COLLECTION);
    col.createIndex(Indexes.ascending("patientId", "date"));
  }

  void record(String patientId, LocalDate date, String outcome) {
    col.updateOne(Filters.eq("_id", patientId + ":" + date),
        Updates.combine(Updates.set("patientId", patientId), Updates.set("date", date.toString()),
            Updates.set("outcome", outcome)),
        new UpdateOptions().upsert(true));
  }

  /** Consecutive missed days ending with the latest recorded day (looks back at most max). */
  int missedStreak(String patientId, int max) {
    List<Document> recent = col.find(Filters.eq("patientId", patientId))
        .sort(Sorts.descending("date")).limit(max).into(new ArrayList<>());
    int n = 0;
    for (Document d : recent) {
      if (!"missed".equals(d.getString("outcome"))) {
        break;
      }
      n++;
    }
    return n;
  }
}
