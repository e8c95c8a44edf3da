package org.steady.store;

import com.mongodb.MongoException;
import com.mongodb.MongoSecurityException;
import com.mongodb.MongoTimeoutException;
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

  public StoreSchema(MongoDatabase db, StoreTarget target) {
    try {
      db.runCommand(new Document("ping", 1));
      ensure(db);
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

  static void ensure(MongoDatabase db) {
    List<String> existing = db.listCollectionNames().into(new ArrayList<>());
    for (String c :
        List.of(Collections.PATIENTS, Collections.SESSIONS, Collections.INBOX,
            Collections.TRANSCRIPTS, Collections.ANSWERS, Collections.OUTBOX,
            Collections.LOCAL_MESSAGES, Collections.SCRIPT_VERSIONS, Collections.COUNTERS)) {
      if (!existing.contains(c)) {
        try {
          db.createCollection(c);
        } catch (MongoException raced) {
          // another instance created it first
        }
      }
    }
    IndexOptions unique = new IndexOptions().unique(true);
    db.getCollection(Collections.PATIENTS)
        .createIndex(Indexes.ascending("channel", "chatId"), unique);
    db.getCollection(Collections.INBOX).createIndex(Indexes.ascending("status", "seq"));
    db.getCollection(Collections.INBOX)
        .createIndex(Indexes.ascending("channel", "chatId", "status", "seq"));
    db.getCollection(Collections.TRANSCRIPTS).createIndex(Indexes.ascending("patientId", "at"));
    db.getCollection(Collections.ANSWERS)
        .createIndex(Indexes.ascending("patientId", "variable", "at"));
    db.getCollection(Collections.OUTBOX)
        .createIndex(Indexes.compoundIndex(Indexes.ascending("status"),
            Indexes.descending("urgent"), Indexes.ascending("order")));
    db.getCollection(Collections.OUTBOX)
        .createIndex(Indexes.ascending("channel", "chatId", "status", "order"));
    db.getCollection(Collections.LOCAL_MESSAGES).createIndex(Indexes.ascending("chatId", "rev"));
    db.getCollection(Collections.LOCAL_MESSAGES)
        .createIndex(Indexes.ascending("chatId", "questionToken"));
    db.getCollection(Collections.SCRIPT_VERSIONS)
        .createIndex(Indexes.ascending("scriptId", "version"), unique);
    log.info("store schema ready");
  }
}
