package org.steady.store;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.springframework.stereotype.Component;
import org.steady.engine.Effect;

/**
 * The {@code transcripts} collection: every inbound and outbound message of a patient with time,
 * channel, direction, text or button, script id and version, step id and the structured answers
 * it gave. Ids are deterministic ({@code in:<inbox id>}, the outbox id for outbound), and writes
 * are insert-if-absent, so a replay never duplicates an entry. A step's entries (the message
 * and its replies) are written together.
 */
@Component
public class Transcripts {
  private static final int DUPLICATE_KEY = 11000;

  private final MongoCollection<Document> col;
  private final Sequencer sequencer;

  public Transcripts(MongoDatabase db, Sequencer sequencer) {
    this.col = db.getCollection(Collections.TRANSCRIPTS);
    this.sequencer = sequencer;
  }

  public static String inboundId(String inboxId) {
    return "in:" + inboxId;
  }

  /**
   * A person's message, not written yet: {@link #insertAll} writes it with the replies of the
   * same step, and {@link #addAnswer} puts the structured answers it gave on it first.
   * {@code fields} holds the kind-specific fields (text, button, command).
   */
  public Document inboundEntry(String inboxId, String patientId, String channel, Instant at,
      String kind, Document fields, Effect.Origin origin) {
    Document d = new Document("_id", inboundId(inboxId)).append("patientId", patientId)
        .append("channel", channel).append("direction", "in").append("kind", kind)
        .append("at", Date.from(at));
    d.putAll(fields);
    putOrigin(d, origin);
    return d.append("order", sequencer.next());
  }

  /** A message Steady sends, not written yet (see {@link #insertAll}). */
  public Document outboundEntry(String id, String patientId, String channel, Instant at,
      Effect.SendMessage m) {
    Document d = new Document("_id", id).append("patientId", patientId).append("channel", channel)
        .append("direction", "out").append("kind", "message").append("at", Date.from(at))
        .append("text", m.text()).append("buttons", EffectCodec.buttons(m.buttons()))
        .append("questionToken", m.questionToken()).append("urgent", m.urgent());
    putOrigin(d, m.origin());
    return d.append("order", sequencer.next());
  }

  /** Puts a structured answer on an inbound entry that is not written yet. */
  public static void addAnswer(Document inboundEntry, Effect.RecordAnswer a) {
    List<Document> answers = new ArrayList<>(inboundEntry.getList("answers", Document.class,
        List.of()));
    answers.add(answer(a));
    inboundEntry.put("answers", answers);
  }

  /**
   * Writes entries with one command; those already there (a replay) are left as they are, so a
   * step's transcript is written once however often it is replayed.
   */
  public void insertAll(List<Document> entries) {
    if (entries.isEmpty()) {
      return;
    }
    try {
      col.insertMany(entries, new InsertManyOptions().ordered(false));
    } catch (MongoBulkWriteException e) {
      if (e.getWriteErrors().stream().anyMatch(w -> w.getCode() != DUPLICATE_KEY)) {
        throw e;
      }
    }
  }

  /** A plain reply that did not come from a script (interceptors, the shell itself). */
  public void outboundText(String id, String patientId, String channel, Instant at, String text,
      List<List<Effect.Button>> buttons) {
    insertAll(List.of(new Document("_id", id).append("patientId", patientId)
        .append("channel", channel).append("direction", "out").append("kind", "message")
        .append("at", Date.from(at)).append("text", text)
        .append("buttons", EffectCodec.buttons(buttons)).append("order", sequencer.next())));
  }

  /** Adds a structured answer to the inbound message that gave it (idempotent). */
  public void attachAnswer(String inboxId, Effect.RecordAnswer a) {
    col.updateOne(Filters.eq("_id", inboundId(inboxId)), Updates.addToSet("answers", answer(a)));
  }

  private static Document answer(Effect.RecordAnswer a) {
    return new Document("variable", a.variable()).append("value", ValueCodec.encode(a.value()))
        .append("display", a.display());
  }

  /** A patient's transcript in order. */
  public List<Document> forPatient(String patientId) {
    return col.find(Filters.eq("patientId", patientId)).sort(Sorts.ascending("order"))
        .into(new ArrayList<>());
  }

  private static void putOrigin(Document d, Effect.Origin o) {
    if (o != null) {
      d.append("scriptId", o.scriptId()).append("scriptVersion", o.scriptVersion())
          .append("stepId", o.stepId());
    }
  }
}
