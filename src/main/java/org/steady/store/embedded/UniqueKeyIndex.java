package org.steady.store.embedded;

import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.Map;
import org.h2.mvstore.MVMap;

/**
 * A unique index (the {@code _id} index of every collection among them) in an MVStore map from
 * key to document position, ordered by {@link KeyOrder}. Besides the upstream lookups (the query
 * has exactly the index's fields) it serves any query that pins every key field to one or a few
 * values, e.g. {@code {_id: x, version: 3}} or {@code {$and: [{_id: x}, {status: "new"}]}}.
 */
final class UniqueKeyIndex extends AbstractUniqueIndex<Object> implements Planned {
  /** Above any secondary index's score: at most one document per looked-up key. */
  private static final int UNIQUE = 1_000;

  private final MVMap<KeyValue, Object> map;
  private final List<String> fields;

  UniqueKeyIndex(MVMap<KeyValue, Object> map, String name, List<IndexKey> keys, boolean sparse) {
    super(name, keys, sparse);
    this.map = map;
    this.fields = List.copyOf(keys());
  }

  @Override
  public int score(QueryTerms terms) {
    if (isSparse()) {
      return 0; // a sparse index leaves out documents without the field
    }
    return Planned.prefixes(fields, terms).get(0).size() == fields.size() ? UNIQUE : 0;
  }

  @Override
  public synchronized Iterable<Object> positions(QueryTerms terms) {
    List<Object> found = new ArrayList<>();
    for (List<Object> key : Planned.prefixes(fields, terms)) {
      Object position = map.get(new KeyValue(key));
      if (position != null && !found.contains(position)) {
        found.add(position);
      }
    }
    return found;
  }

  /** At most one document per pinned key; the order of several keys is not kept. */
  @Override
  public Set<KeyValue> getKeyValues(Document document) {
    Set<KeyValue> plain = Planned.plainKeyValues(fields, document);
    return plain != null ? plain : super.getKeyValues(document);
  }

  @Override
  public boolean ordered(QueryTerms terms, Document orderBy) {
    return Planned.prefixes(fields, terms).size() == 1;
  }

  @Override
  protected Object removeDocument(KeyValue keyValue) {
    return map.remove(keyValue);
  }

  @Override
  protected boolean putKeyPosition(KeyValue keyValue, Object position) {
    return map.putIfAbsent(keyValue, Missing.ofNullable(position)) == null;
  }

  @Override
  protected Iterable<Map.Entry<KeyValue, Object>> getIterable() {
    return map.entrySet();
  }

  @Override
  protected Object getPosition(KeyValue keyValue) {
    return map.get(keyValue);
  }

  @Override
  public long getCount() {
    return map.sizeAsLong();
  }

  @Override
  public boolean isEmpty() {
    return map.isEmpty();
  }

  @Override
  public long getDataSize() {
    return getCount();
  }
}
