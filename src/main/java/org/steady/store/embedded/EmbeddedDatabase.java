package org.steady.store.embedded;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractSynchronizedMongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import org.h2.mvstore.FileStore;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * One database in the MVStore file, laid out as upstream's {@code H2Database} lays it out (data
 * in {@code databases.<ns>}, sizes in {@code meta.<ns>}), so files written by earlier versions
 * open unchanged. Indexes live in maps of their own names: {@code <ns>._unique_<name>} and
 * {@code <ns>._ordered_<name>}. Upstream's unique index maps ({@code <ns>._index_<name>}), whose
 * keys are ordered by serialised bytes, are dropped when found and rebuilt from the documents in
 * the new order, once.
 */
final class EmbeddedDatabase extends AbstractSynchronizedMongoDatabase<Object> {
  static final String DATA_PREFIX = "databases.";
  private static final String META_PREFIX = "meta.";

  private final MVStore store;
  private final LongAdder documentsRead;

  EmbeddedDatabase(String name, MVStore store, CursorRegistry cursors, LongAdder documentsRead) {
    super(name, cursors);
    this.store = store;
    this.documentsRead = documentsRead;
    initializeNamespacesAndIndexes();
  }

  @Override
  protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName,
      List<IndexKey> keys, boolean sparse) {
    dropLegacyIndex(collectionName, indexName);
    MVMap<KeyValue, Object> map = store.openMap(indexMap(collectionName, "_unique_", indexName),
        new MVMap.Builder<KeyValue, Object>().keyType(KeyOrder.INSTANCE));
    return new UniqueKeyIndex(map, indexName, keys, sparse);
  }

  @Override
  protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName,
      List<IndexKey> keys, boolean sparse) {
    MVMap<KeyValue, Boolean> map = store.openMap(indexMap(collectionName, "_ordered_", indexName),
        new MVMap.Builder<KeyValue, Boolean>().keyType(KeyOrder.INSTANCE));
    return new OrderedIndex(map, indexName, keys, sparse);
  }

  @Override
  protected void dropIndex(MongoCollection<Object> collection, String indexName) {
    super.dropIndex(collection, indexName);
    for (String kind : List.of("_unique_", "_ordered_")) {
      String map = indexMap(collection.getCollectionName(), kind, indexName);
      if (store.hasMap(map)) {
        store.removeMap(map);
      }
    }
  }

  private void dropLegacyIndex(String collectionName, String indexName) {
    String legacy = indexMap(collectionName, "_index_", indexName);
    if (store.hasMap(legacy)) {
      store.removeMap(legacy);
    }
  }

  private String indexMap(String collectionName, String kind, String indexName) {
    return getFullCollectionNamespace(collectionName) + "." + kind + indexName;
  }

  @Override
  protected MongoCollection<Object> openOrCreateCollection(String collectionName,
      CollectionOptions options) {
    String ns = getFullCollectionNamespace(collectionName);
    MVMap<Object, Document> data = store.openMap(DATA_PREFIX + ns,
        new MVMap.Builder<Object, Document>().valueType(DocumentType.INSTANCE));
    MVMap<String, Object> meta = store.openMap(META_PREFIX + ns);
    return new EmbeddedCollection(this, collectionName, options, data, meta, cursorRegistry,
        documentsRead);
  }

  @Override
  public void dropCollection(String collectionName, Oplog oplog) {
    super.dropCollection(collectionName, oplog);
    String ns = getFullCollectionNamespace(collectionName);
    store.removeMap(store.openMap(DATA_PREFIX + ns));
    store.removeMap(store.openMap(META_PREFIX + ns));
  }

  @Override
  public void moveCollection(MongoDatabase oldDatabase, MongoCollection<?> collection,
      String newCollectionName) {
    super.moveCollection(oldDatabase, collection, newCollectionName);
    String from = collection.getFullName();
    String to = getFullCollectionNamespace(newCollectionName);
    store.renameMap(store.openMap(DATA_PREFIX + from), DATA_PREFIX + to);
    store.renameMap(store.openMap(META_PREFIX + from), META_PREFIX + to);
  }

  @Override
  protected long getStorageSize() {
    FileStore<?> file = store.getFileStore();
    return file == null ? 0 : file.size();
  }

  @Override
  protected long getFileSize() {
    return getStorageSize();
  }
}
