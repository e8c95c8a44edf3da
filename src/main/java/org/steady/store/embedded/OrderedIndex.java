package org.steady.store.embedded;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import org.h2.mvstore.MVMap;
import org.jspecify.annotations.Nullable;

/**
 * A secondary (non-unique) index, which upstream leaves out: an MVStore map whose keys are the
 * indexed values followed by the document's position ({@code _id}), in {@link KeyOrder}, so one
 * document per key and a walk from the first matching key to the last finds them all. It is
 * written in the same commit as the documents, so it needs no rebuild at start-up.
 *
 * <p>A query is served from its equality and {@code $in} terms on the leading fields, then a
 * range on the next field if it has one: {@code {status: "pending", order: {$lte: 5}}} on
 * {@code (status, order)} walks only the pending entries up to 5. Like MongoDB's multikey
 * indexes, an array is indexed under each of its elements.
 */
final class OrderedIndex extends Index<Object> implements Planned {
  private static final ValueComparator VALUES = ValueComparator.asc();

  private final MVMap<KeyValue, Boolean> map;
  private final List<String> fields;

  OrderedIndex(MVMap<KeyValue, Boolean> map, String name, List<IndexKey> keys, boolean sparse) {
    super(name, keys, sparse);
    this.map = map;
    this.fields = List.copyOf(keys());
  }

  /** Two points per field pinned to values, one for a range after them. */
  @Override
  public int score(QueryTerms terms) {
    int pinned = Planned.prefixes(fields, terms).get(0).size();
    boolean range = pinned < fields.size() && terms.range(fields.get(pinned)) != null;
    return 2 * pinned + (range ? 1 : 0);
  }

  /**
   * One pinned prefix is walked lazily in key order, so a sorted query with a limit reads only
   * as far as it needs; several ({@code $in}) are collected first.
   */
  @Override
  public Iterable<Object> positions(QueryTerms terms) {
    List<List<Object>> prefixes = Planned.prefixes(fields, terms);
    if (prefixes.size() == 1) {
      return () -> walk(prefixes.get(0), rangeAfter(prefixes.get(0), terms));
    }
    Set<Object> found = new LinkedHashSet<>();
    for (List<Object> prefix : prefixes) {
      walk(prefix, rangeAfter(prefix, terms)).forEachRemaining(found::add);
    }
    return found;
  }

  /**
   * True when one prefix is pinned and the sort asks, ascending, for the fields that follow it
   * in the index (the walk's order), e.g. {@code {status: "pending"}} sorted by {@code order} on
   * {@code (status, order)}.
   */
  @Override
  public boolean ordered(QueryTerms terms, Document orderBy) {
    List<List<Object>> prefixes = Planned.prefixes(fields, terms);
    if (prefixes.size() != 1 || orderBy.isEmpty()) {
      return prefixes.size() == 1;
    }
    int next = prefixes.get(0).size();
    for (Map.Entry<String, Object> sort : orderBy.entrySet()) {
      if (next >= fields.size() || !fields.get(next).equals(sort.getKey())
          || !(sort.getValue() instanceof Number) || ((Number) sort.getValue()).intValue() != 1) {
        return false;
      }
      next++;
    }
    return true;
  }

  private QueryTerms.@Nullable Range rangeAfter(List<Object> prefix, QueryTerms terms) {
    return prefix.size() < fields.size() ? terms.range(fields.get(prefix.size())) : null;
  }

  /**
   * The positions under {@code prefix} whose next value lies in {@code range}, in key order,
   * each once (a multikey document appears under several keys).
   */
  private Iterator<Object> walk(List<Object> prefix, QueryTerms.@Nullable Range range) {
    List<Object> start = new ArrayList<>(prefix);
    if (range != null) {
      start.add(range.lower() != null ? range.lower() : range.bracket().least);
    }
    Iterator<KeyValue> keys = map.keyIterator(new KeyValue(start));
    Set<Object> seen = new HashSet<>();
    return new Iterator<>() {
      private @Nullable Object next = advance();

      private @Nullable Object advance() {
        while (keys.hasNext()) {
          KeyValue key = keys.next();
          if (!startsWith(key, prefix)
              || range != null && beyond(key.get(prefix.size()), range)) {
            return null;
          }
          Object position = key.get(key.size() - 1);
          if (seen.add(position)) {
            return position;
          }
        }
        return null;
      }

      @Override
      public boolean hasNext() {
        return next != null;
      }

      @Override
      public Object next() {
        if (next == null) {
          throw new NoSuchElementException();
        }
        Object current = next;
        next = advance();
        return current;
      }
    };
  }

  private static boolean startsWith(KeyValue key, List<Object> prefix) {
    for (int i = 0; i < prefix.size(); i++) {
      if (VALUES.compare(key.get(i), prefix.get(i)) != 0) {
        return false;
      }
    }
    return true;
  }

  private static boolean beyond(@Nullable Object value, QueryTerms.Range range) {
    return QueryTerms.Bracket.of(value) != range.bracket()
        || range.upper() != null && VALUES.compare(value, range.upper()) > 0;
  }

  @Override
  public Set<KeyValue> getKeyValues(Document document) {
    Set<KeyValue> plain = Planned.plainKeyValues(fields, document);
    return plain != null ? plain : super.getKeyValues(document);
  }

  @Override
  public Object getPosition(Document document) {
    return null; // not unique: a document's position comes from the _id index
  }

  @Override
  public void checkAdd(Document document, MongoCollection<Object> collection) {
    // a non-unique index refuses nothing
  }

  @Override
  public synchronized void add(Document document, Object position,
      MongoCollection<Object> collection) {
    for (KeyValue values : getKeyValues(document)) {
      map.put(entry(values, position), Boolean.TRUE);
    }
  }

  /** Removes the document's keys; its position is its {@code _id}, as in every collection here. */
  @Override
  public synchronized Object remove(Document document) {
    Object position = document.get("_id");
    for (KeyValue values : getKeyValues(document)) {
      map.remove(entry(values, position));
    }
    return position;
  }

  @Override
  public void checkUpdate(Document oldDocument, Document newDocument,
      MongoCollection<Object> collection) {
    // a non-unique index refuses nothing
  }

  @Override
  public synchronized void updateInPlace(Document oldDocument, Document newDocument,
      Object position, MongoCollection<Object> collection) {
    Set<KeyValue> before = getKeyValues(oldDocument);
    Set<KeyValue> after = getKeyValues(newDocument);
    if (before.equals(after)) {
      return;
    }
    for (KeyValue values : before) {
      map.remove(entry(values, position));
    }
    for (KeyValue values : after) {
      map.put(entry(values, position), Boolean.TRUE);
    }
  }

  /**
   * Not used: {@link EmbeddedCollection} asks {@link #score} and {@link #positions} instead, so the
   * upstream query path never picks this index.
   */
  @Override
  public boolean canHandle(Document query) {
    return false;
  }

  @Override
  public Iterable<Object> getPositions(Document query) {
    return positions(QueryTerms.of(query));
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

  @Override
  public void drop() {
    map.clear();
  }

  private static KeyValue entry(KeyValue values, Object position) {
    List<Object> key = new ArrayList<>(values.size() + 1);
    values.forEach(key::add);
    key.add(position);
    return new KeyValue(key);
  }
}
