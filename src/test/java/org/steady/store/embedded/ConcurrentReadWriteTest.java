package org.steady.store.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoClientSettings;
import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.steady.store.EmbeddedMongo;

/**
 * A document being updated while others read it: every read gets one whole version of it. The
 * upstream update code changes the stored document object in place, which readers may still be
 * encoding into their reply after the collection's lock is released (a
 * ConcurrentModificationException on the server, or a document with half of an update).
 */
class ConcurrentReadWriteTest {
  @TempDir Path tmp;

  @Test
  void readersNeverSeeAHalfUpdatedDocument() throws Exception {
    try (EmbeddedMongo store = EmbeddedMongo.start(tmp.resolve("steady.mv"));
        MongoClient client = MongoClients.create(MongoClientSettings.builder()
            .applyConnectionString(new ConnectionString(store.uri()))
            .applyToSocketSettings(s -> s.readTimeout(5, TimeUnit.SECONDS))
            .retryReads(false).build())) {
      MongoCollection<Document> col = client.getDatabase("steady").getCollection("docs");
      col.insertOne(new Document("_id", "d").append("a", 0).append("b", 0));
      AtomicBoolean done = new AtomicBoolean();
      AtomicInteger reads = new AtomicInteger();
      ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
      List<Thread> readers = new ArrayList<>();
      for (int r = 0; r < 3; r++) {
        Thread t = new Thread(() -> {
          while (!done.get()) {
            try {
              Document d = col.find(Filters.eq("_id", "d")).first();
              reads.incrementAndGet();
              if (!d.get("a").equals(d.get("b")) || d.containsKey("odd") != (d.getInteger("a") % 2 == 1)) {
                problems.add("torn read " + d.toJson());
              }
            } catch (RuntimeException e) {
              problems.add(e.getClass().getSimpleName() + ": " + e.getMessage());
            }
          }
        });
        readers.add(t);
        t.start();
      }
      long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(1500);
      for (int i = 1; System.nanoTime() < end; i++) {
        // each update changes both fields and adds or removes a third one, in one document write
        if (i % 2 == 1) {
          col.updateOne(Filters.eq("_id", "d"), Updates.combine(Updates.set("a", i),
              Updates.set("b", i), Updates.set("odd", true)));
        } else {
          col.findOneAndUpdate(Filters.eq("_id", "d"), Updates.combine(Updates.set("a", i),
              Updates.set("b", i), Updates.unset("odd")),
              new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        }
      }
      done.set(true);
      for (Thread t : readers) {
        t.join();
      }
      assertThat(reads.get()).isPositive();
      assertThat(problems).as("problems in %d reads", reads.get()).isEmpty();
    }
  }
}
