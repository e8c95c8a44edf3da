package org.steady.schedule;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.springframework.stereotype.Component;

/** The {@code taper_plans} collection: one plan per patient ({@code _id} = patient id). */
@Component
class TaperPlans {
  static final String COLLECTION = "taper_plans";

  private final MongoCollection<Document> col;
  private final Clock clock;

  TaperPlans(MongoDatabase db, Clock clock) {
    this.col = db.getCollection(COLLECTION);
    this.clock = clock;
  }

  void save(String patientId, TaperPlan plan) {
    Document d = new Document(plan.toMap()).append("_id", patientId)
        .append("updatedAt", Date.from(clock.instant()));
    List<Document> steps = new ArrayList<>();
    plan.steps().forEach(s -> steps.add(new Document(s.toMap())));
    d.put("steps", steps);
    col.replaceOne(Filters.eq("_id", patientId), d, new ReplaceOptions().upsert(true));
  }

  Optional<TaperPlan> find(String patientId) {
    Document d = col.find(Filters.eq("_id", patientId)).first();
    if (d == null) {
      return Optional.empty();
    }
    List<TaperPlan.Step> steps = new ArrayList<>();
    for (Document s : d.getList("steps", Document.class, List.of())) {
      steps.add(new TaperPlan.Step(LocalDate.parse(s.getString("start")),
          s.getString("medication"), s.getString("dose"), s.getString("note")));
    }
    return Optional.of(new TaperPlan(steps, d.getString("prescriber"),
        d.getString("enteredBy")));
  }

  Optional<Map<String, Object>> json(String patientId) {
    return find(patientId).map(TaperPlan::toMap);
  }
}
