package org.steady.store.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.steady.store.EmbeddedMongo;

/**
 * The embedded store's file stays near the size of its data however long the app writes. Each
 * commit (one per accepted message) writes a new chunk; without compaction the old chunks keep a
 * few live pages each (documents that are never changed again) and the file grows with every
 * write: a benchmark's file reached 306 MB, 7 % live. The chunks' retention time is zero here so
 * that the test need not wait 45 s for them.
 */
class FileGrowthTest {
  private static final int DOCS = 200;
  private static final int WRITES = 3_000;

  @TempDir Path tmp;

  @Test
  void aStoreWrittenAllDayKeepsItsFileNearTheSizeOfItsData() throws Exception {
    Path file = tmp.resolve("steady.mv");
    try (EmbeddedMongo store = EmbeddedMongo.start(file, Duration.ZERO);
        MongoClient client = MongoClients.create(store.uri())) {
      MongoCollection<Document> col = client.getDatabase("steady").getCollection("docs");
      MongoCollection<Document> log = client.getDatabase("steady").getCollection("log");
      List<Document> docs = new ArrayList<>();
      for (int d = 0; d < DOCS; d++) {
        docs.add(new Document("_id", "d" + d).append("n", -1).append("text", text(d)));
      }
      col.insertMany(docs);
      store.commit();
      for (int i = 0; i < WRITES; i++) {
        // like the app: a message changes a document that lives on (a session) and adds one
        // that is never changed again (a transcript line); each is committed at once, and once a
        // second the store maintains itself (here: every 25 messages)
        col.updateOne(Filters.eq("_id", "d" + i % DOCS),
            Updates.combine(Updates.set("n", i), Updates.set("text", text(i))));
        log.insertOne(new Document("_id", String.format("m%06d", i)).append("text", text(i)));
        store.commit();
        if (i % 25 == 0) {
          store.maintain();
        }
      }
      store.maintain();
      long size = Files.size(file);
      System.out.printf("FileGrowthTest: %d updates of %d documents and %d inserts of about %d"
          + " KB in all: file %d KB, chunks %d %% live%n", WRITES, DOCS, WRITES,
          WRITES * 430 / 1024, size / 1024, store.chunksFillRate());
      // without compaction: 25 MB, 9 % live; with it about 3.5 MB for 1.4 MB of documents
      assertThat(size).as("file size").isLessThan(6 * 1024 * 1024);
      assertThat(store.chunksFillRate()).as("live share of the chunks").isGreaterThan(30);
    }
    // compaction moved pages around: every document is still there in its last version
    try (EmbeddedMongo store = EmbeddedMongo.start(file);
        MongoClient client = MongoClients.create(store.uri())) {
      MongoCollection<Document> col = client.getDatabase("steady").getCollection("docs");
      assertThat(col.countDocuments()).isEqualTo(DOCS);
      assertThat(client.getDatabase("steady").getCollection("log").countDocuments())
          .isEqualTo(WRITES);
      for (int d = 0; d < DOCS; d++) {
        int last = WRITES - DOCS + d;
        Document doc = col.find(Filters.eq("_id", "d" + d)).first();
        assertThat(doc.getInteger("n")).isEqualTo(last);
        assertThat(doc.getString("text")).isEqualTo(text(last));
      }
    }
  }

  /** About 400 bytes that differ from one write to the next. */
  private static String text(int i) {
    return ("write " + i + " ").repeat(60).substring(0, 400);
  }
}
