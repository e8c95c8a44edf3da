package org.steady.store.embedded;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.h2.mvstore.MVMap;

/**
 * An H2 collection that answers a query from the index that narrows it most (upstream takes the
 * first index that accepts the query, and accepts only exact key matches), and scans only when no
 * index helps.
 *
 * <p>Stored documents are never changed in place. Upstream's update applies the change to the
 * document object it read from the map and puts that same object back; but a find's reply may
 * still be encoding that object on a network thread after the collection's lock was released, and
 * the map's page cache hands it to every reader. The reader then failed (a
 * ConcurrentModificationException closed its connection, and the driver dropped its whole pool)
 * or sent half an update. So an update or find-and-modify works on its own deep copy, which
 * replaces the stored object.
 */
final class EmbeddedCollection extends H2Collection {
  /** Set while this thread updates: documents read from the map are copies it may change. */
  private static final ThreadLocal<Boolean> WRITING = ThreadLocal.withInitial(() -> false);

  private final LongAdder documentsRead;

  EmbeddedCollection(MongoDatabase database, String collectionName, CollectionOptions options,
      MVMap<Object, Document> dataMap, MVMap<String, Object> metaMap,
      CursorRegistry cursorRegistry, LongAdder documentsRead) {
    super(database, collectionName, options, dataMap, metaMap, cursorRegistry);
    this.documentsRead = documentsRead;
  }

  /**
   * Upstream keeps a running total of the collection's BSON size, which means encoding each
   * document twice on every update; only collStats would show it.
   */
  @Override
  protected boolean tracksDataSize() {
    return false;
  }

  @Override
  public synchronized Document updateDocuments(Document selector, Document updateQuery,
      ArrayFilters arrayFilters, boolean isMulti, boolean isUpsert, Oplog oplog) {
    return onCopies(() -> super.updateDocuments(selector, updateQuery, arrayFilters, isMulti,
        isUpsert, oplog));
  }

  @Override
  public synchronized Document findAndModify(Document query) {
    return onCopies(() -> super.findAndModify(query));
  }

  /** Runs a write with {@link #getDocument} handing out copies (nested writes included). */
  private static Document onCopies(Supplier<Document> write) {
    boolean outer = !WRITING.get();
    WRITING.set(true);
    try {
      return write.get();
    } finally {
      if (outer) {
        WRITING.set(false);
      }
    }
  }

  @Override
  protected Document getDocument(Object position) {
    Document stored = super.getDocument(position);
    return stored != null && WRITING.get() ? stored.cloneDeeply() : stored;
  }

  @Override
  protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip,
      int limit, int batchSize, Document fieldSelector) {
    QueryTerms terms = QueryTerms.of(query);
    Planned best = null;
    int bestScore = 0;
    for (Index<Object> index : getIndexes()) {
      if (index instanceof Planned) {
        int score = ((Planned) index).score(terms);
        if (score > bestScore) {
          best = (Planned) index;
          bestScore = score;
        }
      }
    }
    if (best == null) {
      return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
    }
    Document sort = orderBy == null ? new Document() : orderBy;
    if (!best.ordered(terms, sort)) {
      return matchDocuments(query, best.positions(terms), orderBy, numberToSkip, limit,
          batchSize, fieldSelector);
    }
    // already in the asked order: no sort, and the walk stops at the limit
    return matchDocumentsFromStream(query, documents(best.positions(terms)), numberToSkip, limit,
        batchSize, null, fieldSelector);
  }

  /** A scan: reads every document of the collection. */
  @Override
  protected QueryResult matchDocuments(Document query, Document orderBy, int numberToSkip,
      int limit, int batchSize, Document fieldSelector) {
    documentsRead.add(count());
    return super.matchDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
  }

  /** As upstream, but a position whose document is gone is skipped rather than failing. */
  @Override
  protected QueryResult matchDocuments(Document query, Iterable<Object> positions,
      Document orderBy, int numberToSkip, int limit, int batchSize, Document fieldSelector) {
    return matchDocumentsFromStream(documents(positions), query, orderBy, numberToSkip, limit,
        batchSize, fieldSelector);
  }

  private Stream<Document> documents(Iterable<Object> positions) {
    return StreamSupport.stream(positions.spliterator(), false).map(this::getDocument)
        .filter(Objects::nonNull).peek(d -> documentsRead.increment());
  }
}
