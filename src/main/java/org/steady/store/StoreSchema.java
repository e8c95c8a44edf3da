package org.steady.store;

import com.mongodb.MongoException;
import com.mongodb.MongoSecurityException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Creates the collections and their indexes at start-up. Idempotent: an existing collection or
 * index with the same definition is left alone. This is also the first round trip to the
 * store, so an unreachable MongoDB is reported here as one sentence.
 */
@Component
public class StoreSchema {
  private static final Logger log = LoggerFactory.getLogger(StoreSchema.class);
  /** Revision records of the local chat, written by earlier versions; derived data only. */
  private static final String LEGACY_LOCAL_REVS = "local_revs";

  public StoreSchema(MongoDatabase db, StoreTarget target) {
    try {
      db.runCommand(new Document("ping", 1));
      ensure(db);
      log.info("store schema ready ({})", target.embedded() ? "embedded" : target.hosts());
    } catch (MongoTimeoutException e) {
      throw new StoreUnreachableException(
          "Cannot reach MongoDB at " + target.hosts() + " within "
              + target.timeoutSeconds() + " seconds: check MONGODB_URI and that the server runs.",
          e);
    } catch (MongoSecurityException e) {
      throw new StoreUnreachableException(
          "MongoDB at " + target.hosts() + " refused the credentials given in MONGODB_URI.", e);
    }
  }

  /**
   * Creates the collections and the indexes their queries need, on a real MongoDB and on the
   * embedded store alike (whose storage engine, {@link org.steady.store.embedded}, has real
   * secondary indexes).
   */
  static void ensure(MongoDatabase db) {
    List<String> existing = db.listCollectionNames().into(new ArrayList<>());
    for (String c :
        List.of(Collections.PATIENTS, Collections.SESSIONS, Collections.INBOX,
            Collections.TRANSCRIPTS, Collections.ANSWERS, Collections.OUTBOX,
            Collections.OUTBOX_URGENT, Collections.OUTBOX_DONE, Collections.LOCAL_MESSAGES,
            Collections.SCRIPT_VERSIONS, Collections.COUNTERS)) {
      if (!existing.contains(c)) {
        try {
          db.createCollection(c);
        } catch (MongoException raced) {
          // another instance created it first
        }
      }
    }
    if (existing.contains(LEGACY_LOCAL_REVS)) {
      db.getCollection(LEGACY_LOCAL_REVS).drop(); // the local chat reads by index now
    }
    db.getCollection(Collections.SCRIPT_VERSIONS).createIndex(
        Indexes.ascending("scriptId", "version"), new IndexOptions().unique(true));
    db.getCollection(Collections.PATIENTS).createIndex(Indexes.ascending("channel", "createdAt"));
    db.getCollection(Collections.INBOX).createIndex(Indexes.ascending("status", "seq"));
    db.getCollection(Collections.TRANSCRIPTS).createIndex(Indexes.ascending("patientId", "order"));
    db.getCollection(Collections.ANSWERS)
        .createIndex(Indexes.ascending("patientId", "variable", "at"));
    for (String lane : List.of(Collections.OUTBOX, Collections.OUTBOX_URGENT)) {
      db.getCollection(lane).createIndex(Indexes.ascending("status", "order"));
      db.getCollection(lane).createIndex(Indexes.ascending("channel", "chatId"));
    }
    db.getCollection(Collections.OUTBOX)
        .createIndex(Indexes.ascending("channel", "chatId", "status", "order"));
    db.getCollection(Collections.OUTBOX_DONE).createIndex(Indexes.ascending("patientId"));
  }

  /**
   * Drops an index that an earlier version created and that is no longer needed (it only cost
   * writes). Absent is fine; so is another instance dropping it first.
   */
  public static void dropIndex(MongoCollection<Document> col, String name) {
    for (Document index : col.listIndexes()) {
      if (name.equals(index.getString("name"))) {
        try {
          col.dropIndex(name);
        } catch (MongoException raced) {
          // gone already
        }
        return;
      }
    }
  }
}
