package org.steady.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.springframework.stereotype.Component;
import org.steady.engine.Effect;

/**
 * The {@code answers} collection: one document per structured answer (and computed score) a
 * script recorded, with its script, version and step; id {@code <inbox id>:<effect index>}.
 */
@Component
public class Answers {
  private final MongoCollection<Document> col;

  public Answers(MongoDatabase db) {
    this.col = db.getCollection(Collections.ANSWERS);
  }

  public void record(String id, String patientId, Instant at, Effect.RecordAnswer a) {
    Document d = new Document("patientId", patientId).append("variable", a.variable())
        .append("value", ValueCodec.encode(a.value())).append("display", a.display())
        .append("at", Date.from(at));
    if (a.origin() != null) {
      d.append("scriptId", a.origin().scriptId())
          .append("scriptVersion", a.origin().scriptVersion())
          .append("stepId", a.origin().stepId());
    }
    List<org.bson.conversions.Bson> sets = new ArrayList<>();
    d.forEach((k, v) -> sets.add(Updates.setOnInsert(k, v)));
    col.updateOne(Filters.eq("_id", id), Updates.combine(sets), new UpdateOptions().upsert(true));
  }

  public List<Document> forPatient(String patientId) {
    return col.find(Filters.eq("patientId", patientId)).sort(Sorts.ascending("at", "_id"))
        .into(new ArrayList<>());
  }
}
