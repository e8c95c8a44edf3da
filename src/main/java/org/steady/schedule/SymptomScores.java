package org.steady.schedule;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * The {@code symptom_scores} collection: one symptom score per patient and local day ({@code
 * _id} = {@code <patientId>:<date>}; the day's latest answer wins), the patient's own baseline.
 */
@Component
class SymptomScores {
  static final String COLLECTION = "symptom_scores";

  private final MongoCollection<Document> col;

  SymptomScores(MongoDatabase db) {
    this.col = db.getCollection(COLLECTION);
    col.createIndex(Indexes.ascending("patientId", "date"));
  }

  void record(String patientId, LocalDate date, double score) {
    col.updateOne(Filters.eq("_id", patientId + ":" + date),
        Updates.combine(Updates.set("patientId", patientId), Updates.set("date", date.toString()),
            Updates.set("score", score)),
        new UpdateOptions().upsert(true));
  }

  /** Mean score over {@code [from, to)}; empty when there is none. */
  OptionalDouble mean(String patientId, LocalDate from, LocalDate to) {
    List<Document> docs = col.find(Filters.and(Filters.eq("patientId", patientId),
            Filters.gte("date", from.toString()), Filters.lt("date", to.toString())))
        .into(new ArrayList<>());
    return docs.stream().mapToDouble(d -> ((Number) d.get("score")).doubleValue()).average();
  }
}
