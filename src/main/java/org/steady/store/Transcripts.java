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
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;
import org.steady.engine.Effect;

/**
 * The {@code transcripts} collection: every inbound and outbound message of a patient with time,
 * channel, direction, text or button, script id and version, step id and the structured answers
 * it gave. Ids are deterministic ({@code in:<inbox id>}, the outbox id for outbound), and writes
 * are insert-if-absent, so a replay never duplicates an entry.
 */
@Component
public class Transcripts {
  private final MongoCollection<Document> col;
  private final Sequencer sequencer;

  public Transcripts(MongoDatabase db, Sequencer sequencer) {
    this.col = db.getCollection(Collections.TRANSCRIPTS);
    this.sequencer = sequencer;
  }

  public static String inboundId(String inboxId) {
    return "in:" + inboxId;
  }

  /** One message; {@code fields} holds the kind-specific fields (text, button, command). */
  public void inbound(String inboxId, String patientId, String channel, Instant at, String kind,
      Document fields, Effect.Origin origin) {
    Document d = new Document("patientId", patientId).append("channel", channel)
        .append("direction", "in").append("kind", kind).append("at", Date.from(at));
    d.putAll(fields);
    putOrigin(d, origin);
    insertIfAbsent(inboundId(inboxId), d);
  }

  public void outbound(String id, String patientId, String channel, Instant at,
      Effect.SendMessage m) {
    Document d = new Document("patientId", patientId).append("channel", channel)
        .append("direction", "out").append("kind", "message").append("at", Date.from(at))
        .append("text", m.text()).append("buttons", EffectCodec.buttons(m.buttons()))
        .append("questionToken", m.questionToken()).append("urgent", m.urgent());
    putOrigin(d, m.origin());
    insertIfAbsent(id, d);
  }

  /** A plain reply that did not come from a script (interceptors, the shell itself). */
  public void outboundText(String id, String patientId, String channel, Instant at, String text,
      List<List<Effect.Button>> buttons) {
    insertIfAbsent(id, new Document("patientId", patientId).append("channel", channel)
        .append("direction", "out").append("kind", "message").append("at", Date.from(at))
        .append("text", text).append("buttons", EffectCodec.buttons(buttons)));
  }

  /** Adds a structured answer to the inbound message that gave it (idempotent). */
  public void attachAnswer(String inboxId, Effect.RecordAnswer a) {
    col.updateOne(Filters.eq("_id", inboundId(inboxId)), Updates.addToSet("answers",
        new Document("variable", a.variable()).append("value", ValueCodec.encode(a.value()))
            .append("display", a.display())));
  }

  /** A patient's transcript in order. */
  public List<Document> forPatient(String patientId) {
    return col.find(Filters.eq("patientId", patientId)).sort(Sorts.ascending("order"))
        .into(new ArrayList<>());
  }

  private void insertIfAbsent(String id, Document d) {
    List<Bson> sets = new ArrayList<>();
    d.append("order", sequencer.next());
    d.forEach((k, v) -> sets.add(Updates.setOnInsert(k, v)));
    col.updateOne(Filters.eq("_id", id), Updates.combine(sets), new UpdateOptions().upsert(true));
  }

  private static void putOrigin(Document d, Effect.Origin o) {
    if (o != null) {
      d.append("scriptId", o.scriptId()).append("scriptVersion", o.scriptVersion())
          .append("stepId", o.stepId());
    }
  }
}
