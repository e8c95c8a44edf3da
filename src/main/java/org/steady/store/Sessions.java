package org.steady.store;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.springframework.stereotype.Component;
import org.steady.engine.ConversationState;
import org.steady.engine.Effect;

/**
 * The {@code sessions} collection: one document per patient with the conversation state, an
 * optimistic {@code version}, and the last applied input with its effects. Saving the state and
 * the effects in one document is what makes a replay safe: if the shell crashed after the save,
 * the replay finds {@code lastInboxId} equal to its own id and re-applies the stored effects
 * instead of running the engine again. The save is a compare-and-set on {@code version}.
 */
@Component
public class Sessions {
  private final MongoCollection<Document> col;
  private final Clock clock;

  public Sessions(MongoDatabase db, Clock clock) {
    this.col = db.getCollection(Collections.SESSIONS);
    this.clock = clock;
  }

  /** A loaded session; {@code version} 0 means none stored yet. */
  public record Session(
      String patientId,
      ConversationState state,
      long version,
      String lastInboxId,
      List<Effect> lastEffects,
      Effect.Origin lastInputOrigin) {}

  public Session load(String patientId) {
    Document d = col.find(Filters.eq("_id", patientId)).first();
    if (d == null) {
      return new Session(patientId, ConversationState.idle(), 0, null, List.of(), null);
    }
    Number v = d.get("version", Number.class);
    return new Session(patientId, StateCodec.decode(d.get("state", Document.class)),
        v == null ? 0 : v.longValue(), d.getString("lastInboxId"),
        EffectCodec.decodeAll(d.getList("lastEffects", Document.class, List.of())),
        EffectCodec.origin(new Document("origin", d.get("lastInputOrigin"))));
  }

  /**
   * Saves the state if nobody saved since {@code expected} was loaded.
   *
   * @return false on a version conflict (reload and run again)
   */
  public boolean save(Session expected, ConversationState next, String inboxId,
      List<Effect> effects, Effect.Origin inputOrigin) {
    Document fields = new Document("state", StateCodec.encode(next))
        .append("version", expected.version() + 1).append("lastInboxId", inboxId)
        .append("lastEffects", EffectCodec.encodeAll(effects))
        .append("lastInputOrigin", EffectCodec.origin(inputOrigin))
        .append("updatedAt", Date.from(clock.instant()));
    if (expected.version() == 0) {
      try {
        col.insertOne(new Document("_id", expected.patientId()).append("state", fields.get("state"))
            .append("version", 1L).append("lastInboxId", inboxId)
            .append("lastEffects", fields.get("lastEffects"))
            .append("lastInputOrigin", fields.get("lastInputOrigin"))
            .append("updatedAt", fields.get("updatedAt")));
        return true;
      } catch (MongoWriteException e) {
        if (e.getError().getCode() == 11000) {
          return false;
        }
        throw e;
      }
    }
    Document set = new Document("$set", fields);
    return col.updateOne(Filters.and(Filters.eq("_id", expected.patientId()),
        Filters.eq("version", expected.version())), set).getMatchedCount() == 1;
  }

  /** Forget the conversation (e.g. the patient deleted their data). */
  public void delete(String patientId) {
    col.deleteOne(Filters.eq("_id", patientId));
  }
}
