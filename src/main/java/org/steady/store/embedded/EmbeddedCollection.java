package org.steady.store.embedded;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.h2.mvstore.MVMap;

/**
 * An H2 collection that answers a query from the index that narrows it most (upstream takes the
 * first index that accepts the query, and accepts only exact key matches), and scans only when no
 * index helps.
 */
final class EmbeddedCollection extends H2Collection {
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
