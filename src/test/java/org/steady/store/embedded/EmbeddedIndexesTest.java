package org.steady.store.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded store's own indexes, through the real driver: secondary indexes answer equality,
 * {@code $in} and range filters (also under {@code $and}) with exactly the documents a scan
 * finds while reading only the candidates; unique indexes still refuse duplicates; both survive a
 * restart; and a file written by upstream's H2 backend opens with its unique indexes rebuilt.
 */
class EmbeddedIndexesTest {
  private static final Instant T = Instant.parse("2026-12-01T08:00:00Z");

  @TempDir Path tmp;

  @Test
  void anIndexedQueryFindsWhatAScanFindsForRandomDocumentsAndFilters() {
    withStore(tmp.resolve("a.mv"), (backend, db) -> {
      MongoCollection<Document> indexed = db.getCollection("indexed");
      MongoCollection<Document> plain = db.getCollection("plain");
      indexed.createIndex(Indexes.ascending("status", "order"));
      indexed.createIndex(Indexes.ascending("dueAt"));
      Random random = new Random(7);
      for (int i = 0; i < 600; i++) {
        Document d = randomDocument(random, i);
        indexed.insertOne(new Document(d));
        plain.insertOne(new Document(d));
      }
      for (int i = 0; i < 200; i += 3) { // updates and deletes must keep the index in step
        Bson id = Filters.eq("_id", "d" + i);
        Document change = randomDocument(random, i);
        change.remove("_id");
        indexed.replaceOne(id, change);
        plain.replaceOne(id, change);
        indexed.deleteOne(Filters.eq("_id", "d" + (i + 1)));
        plain.deleteOne(Filters.eq("_id", "d" + (i + 1)));
      }
      for (int q = 0; q < 300; q++) {
        Bson filter = randomFilter(random);
        assertThat(ids(indexed, filter)).as("filter %s", filter.toBsonDocument())
            .isEqualTo(ids(plain, filter));
        assertThat(firstOrders(indexed, filter)).as("sorted filter %s", filter.toBsonDocument())
            .isEqualTo(firstOrders(plain, filter));
      }
    });
  }

  @Test
  void aRangeOnAnIndexedFieldReadsOnlyTheDocumentsInTheRange() {
    withStore(tmp.resolve("b.mv"), (backend, db) -> {
      MongoCollection<Document> schedules = db.getCollection("schedules");
      schedules.createIndex(Indexes.ascending("nextDueAt"));
      List<Document> docs = new ArrayList<>();
      for (int i = 0; i < 5_000; i++) {
        Document d = new Document("_id", "p" + i);
        if (i % 10 != 0) { // some patients have no check-in time, so nothing is due for them
          d.append("nextDueAt", Date.from(T.plusSeconds(60L * (i % 1_000))));
        }
        docs.add(d);
      }
      schedules.insertMany(docs);

      long before = backend.documentsRead();
      List<Document> due = schedules.find(Filters.lte("nextDueAt", Date.from(T.plusSeconds(120))))
          .sort(Sorts.ascending("nextDueAt")).into(new ArrayList<>());
      long read = backend.documentsRead() - before;

      assertThat(due).hasSize(10); // minutes 1 and 2 of each thousand; minute 0 has no time
      assertThat(due).isSortedAccordingTo(
          (a, b) -> a.getDate("nextDueAt").compareTo(b.getDate("nextDueAt")));
      assertThat(read).isEqualTo(due.size());
    });
  }

  @Test
  void aSortedQueryWithALimitOnTheIndexOrderReadsOnlyUpToTheLimit() {
    withStore(tmp.resolve("f.mv"), (backend, db) -> {
      MongoCollection<Document> outbox = db.getCollection("outbox");
      outbox.createIndex(Indexes.ascending("status", "order"));
      List<Document> docs = new ArrayList<>();
      for (int i = 0; i < 3_000; i++) {
        docs.add(new Document("_id", "o" + i).append("status", i % 3 == 0 ? "sent" : "pending")
            .append("order", (long) (3_000 - i)).append("nextAttemptAt", Date.from(T)));
      }
      outbox.insertMany(docs);

      long before = backend.documentsRead();
      List<Document> first = outbox.find(Filters.and(Filters.eq("status", "pending"),
              Filters.lte("nextAttemptAt", Date.from(T))))
          .sort(Sorts.ascending("order")).limit(5).into(new ArrayList<>());

      assertThat(first).extracting(d -> d.getLong("order")).containsExactly(1L, 2L, 4L, 5L, 7L);
      assertThat(backend.documentsRead() - before).isEqualTo(5);
    });
  }

  @Test
  void filtersThatPinTheIdAreServedByTheIdIndexWhateverElseTheyAsk() {
    withStore(tmp.resolve("c.mv"), (backend, db) -> {
      MongoCollection<Document> sessions = db.getCollection("sessions");
      for (int i = 0; i < 2_000; i++) {
        sessions.insertOne(new Document("_id", "s" + i).append("version", i % 5));
      }
      long before = backend.documentsRead();
      long matched = sessions.updateOne(
          Filters.and(Filters.eq("_id", "s1234"), Filters.eq("version", 4)),
          Updates.set("version", 5)).getMatchedCount();
      long missed = sessions.updateOne(
          Filters.and(Filters.eq("_id", "s1233"), Filters.eq("version", 4)),
          Updates.set("version", 5)).getMatchedCount();
      List<Document> some = sessions.find(Filters.in("_id", "s1", "s2", "nobody"))
          .into(new ArrayList<>());

      assertThat(matched).isEqualTo(1);
      assertThat(missed).isZero();
      assertThat(some).extracting(d -> d.getString("_id")).containsExactlyInAnyOrder("s1", "s2");
      assertThat(backend.documentsRead() - before).isEqualTo(4);
    });
  }

  @Test
  void uniqueIndexesStillRefuseDuplicates() {
    withStore(tmp.resolve("d.mv"), (backend, db) -> {
      MongoCollection<Document> versions = db.getCollection("versions");
      versions.createIndex(Indexes.ascending("scriptId", "version"),
          new IndexOptions().unique(true));
      versions.insertOne(new Document("_id", 1).append("scriptId", "a").append("version", 1));
      versions.insertOne(new Document("_id", 2).append("scriptId", "a").append("version", 2));

      assertThatThrownBy(() -> versions.insertOne(new Document("_id", 1)))
          .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
      assertThatThrownBy(() -> versions.insertOne(
          new Document("_id", 3).append("scriptId", "a").append("version", 2L)))
          .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
    });
  }

  @Test
  void indexesAreKeptInTheFileAndServeQueriesAfterARestart() {
    Path file = tmp.resolve("e.mv");
    withStore(file, (backend, db) -> {
      MongoCollection<Document> outbox = db.getCollection("outbox");
      outbox.createIndex(Indexes.ascending("status", "order"));
      for (int i = 0; i < 1_000; i++) {
        outbox.insertOne(new Document("_id", "o" + i).append("status", i < 990 ? "sent" : "pending")
            .append("order", (long) i));
      }
    });
    withStore(file, (backend, db) -> {
      MongoCollection<Document> outbox = db.getCollection("outbox");
      outbox.createIndex(Indexes.ascending("status", "order")); // as every start-up does
      long before = backend.documentsRead();
      List<Document> pending = outbox.find(Filters.eq("status", "pending"))
          .sort(Sorts.ascending("order")).into(new ArrayList<>());

      assertThat(pending).hasSize(10);
      assertThat(pending.get(0).getString("_id")).isEqualTo("o990");
      assertThat(backend.documentsRead() - before).isEqualTo(10);
      assertThat(outbox.find(Filters.eq("_id", "o5")).first()).isNotNull();
    });
  }

  @Test
  void aFileWrittenByTheUpstreamBackendOpensWithItsIndexesRebuilt() {
    Path file = tmp.resolve("legacy.mv");
    H2Backend legacy = new H2Backend(file.toString());
    MongoServer old = new MongoServer(legacy);
    try (MongoClient client = MongoClients.create(old.bindAndGetConnectionString())) {
      MongoCollection<Document> patients = client.getDatabase("steady").getCollection("patients");
      patients.createIndex(Indexes.ascending("chatId"), new IndexOptions().unique(true));
      for (int i = 0; i < 300; i++) {
        patients.insertOne(new Document("_id", "local:p" + i).append("chatId", "p" + i));
      }
    } finally {
      old.shutdown();
    }

    withStore(file, (backend, db) -> {
      MongoCollection<Document> patients = db.getCollection("patients");
      assertThat(patients.find(Filters.eq("_id", "local:p250")).first())
          .extracting(d -> d.get("chatId")).isEqualTo("p250");
      assertThat(patients.countDocuments()).isEqualTo(300);
      assertThatThrownBy(() -> patients.insertOne(
          new Document("_id", "local:other").append("chatId", "p7")))
          .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
      patients.updateOne(Filters.eq("_id", "local:p3"), Updates.set("name", "Ana"));
      patients.insertOne(new Document("_id", "local:new").append("chatId", "new")
          .append("at", Date.from(T)).append("tags", List.of("a", "b")));
    });
    withStore(file, (backend, db) -> { // pages now hold documents in both encodings
      MongoCollection<Document> patients = db.getCollection("patients");
      assertThat(patients.countDocuments()).isEqualTo(301);
      assertThat(patients.find(Filters.eq("_id", "local:p3")).first().getString("name"))
          .isEqualTo("Ana");
      Document fresh = patients.find(Filters.eq("_id", "local:new")).first();
      assertThat(fresh.getDate("at")).isEqualTo(Date.from(T));
      assertThat(fresh.getList("tags", String.class)).containsExactly("a", "b");
      assertThat(patients.find(Filters.eq("_id", "local:p299")).first()).isNotNull();
    });
  }

  private void withStore(Path file, StoreUse use) {
    EmbeddedBackend backend = EmbeddedBackend.open(file);
    MongoServer server = new MongoServer(backend);
    try (MongoClient client = MongoClients.create(server.bindAndGetConnectionString())) {
      use.accept(backend, client.getDatabase("steady"));
      backend.commit();
    } finally {
      server.shutdown();
    }
  }

  private interface StoreUse {
    void accept(EmbeddedBackend backend, com.mongodb.client.MongoDatabase db);
  }

  private static Document randomDocument(Random r, int i) {
    Document d = new Document("_id", "d" + i);
    int kind = r.nextInt(10);
    if (kind < 6) {
      d.append("status", List.of("new", "pending", "sent", "failed").get(r.nextInt(4)));
    } else if (kind < 8) {
      d.append("status", r.nextInt(3)); // another type in the same field
    } else if (kind == 8) {
      d.append("status", null);
    } // else: no status at all
    if (r.nextInt(8) > 0) {
      d.append("order", r.nextBoolean() ? (Object) (long) r.nextInt(50) : r.nextInt(50) + 0.5);
    }
    int due = r.nextInt(6);
    if (due < 4) {
      d.append("dueAt", Date.from(T.plusSeconds(r.nextInt(100) * 60L)));
    } else if (due == 4) {
      d.append("dueAt", List.of(Date.from(T), Date.from(T.plusSeconds(6_000)))); // multikey
    }
    return d;
  }

  private static Bson randomFilter(Random r) {
    List<Bson> parts = new ArrayList<>();
    int n = 1 + r.nextInt(3);
    for (int i = 0; i < n; i++) {
      switch (r.nextInt(7)) {
        case 0 -> parts.add(Filters.eq("status", List.of("new", "pending", "sent").get(r.nextInt(3))));
        case 1 -> parts.add(Filters.in("status", "pending", "failed", 1));
        case 2 -> parts.add(Filters.lte("order", r.nextInt(50)));
        case 3 -> parts.add(Filters.gt("order", (long) r.nextInt(50)));
        case 4 -> parts.add(Filters.lte("dueAt", Date.from(T.plusSeconds(r.nextInt(100) * 60L))));
        case 5 -> parts.add(Filters.and(Filters.gte("dueAt", Date.from(T.plusSeconds(1_200))),
            Filters.lt("dueAt", Date.from(T.plusSeconds(3_000)))));
        default -> parts.add(Filters.ne("status", "sent"));
      }
    }
    return parts.size() == 1 ? parts.get(0) : Filters.and(parts);
  }

  /** The sort keys of the first few by {@code order} (ties may pick other documents). */
  private static List<Object> firstOrders(MongoCollection<Document> col, Bson filter) {
    return col.find(filter).sort(Sorts.ascending("order")).limit(7)
        .map(d -> d.get("order") == null ? null : ((Number) d.get("order")).doubleValue())
        .into(new ArrayList<>());
  }

  private static List<String> ids(MongoCollection<Document> col, Bson filter) {
    return col.find(filter).sort(Sorts.ascending("_id")).map(d -> d.getString("_id"))
        .into(new ArrayList<>());
  }
}
