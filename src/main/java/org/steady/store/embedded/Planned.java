package org.steady.store.embedded;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** An index that can say how well it serves a query and find the documents' positions. */
interface Planned {
  /** Bounds the lookups one query makes: more combinations of {@code $in} values scan instead. */
  int MAX_PREFIXES = 256;

  /** How much the index narrows a query with these terms: 0 when it cannot serve it at all. */
  int score(QueryTerms terms);

  /**
   * Positions of every document that can match, possibly read lazily as the caller iterates; the
   * caller still runs the whole query.
   */
  Iterable<Object> positions(QueryTerms terms);

  /**
   * Whether {@link #positions} come in the order {@code orderBy} asks for, so the caller need not
   * sort and can stop reading at the limit.
   */
  boolean ordered(QueryTerms terms, Document orderBy);

  /**
   * The index key of a document whose indexed fields are plain top-level values: the common
   * case, without upstream's path parsing for every field of every write. Null when a field is
   * a path, an array or a sub-document (upstream's multikey rules apply then).
   */
  static @Nullable Set<KeyValue> plainKeyValues(List<String> fields, Document document) {
    List<Object> values = new ArrayList<>(fields.size());
    for (String field : fields) {
      Object value = document.get(field);
      if (field.indexOf('.') >= 0 || value instanceof Collection || value instanceof Map) {
        return null;
      }
      values.add(QueryTerms.normalize(value));
    }
    return Set.of(new KeyValue(values));
  }

  /**
   * The leading key values the terms pin down: every combination of the allowed values of the
   * first keys, as far as the terms give values and {@link #MAX_PREFIXES} allows.
   */
  static List<List<Object>> prefixes(List<String> keys, QueryTerms terms) {
    List<List<Object>> prefixes = new ArrayList<>();
    prefixes.add(List.of());
    for (String key : keys) {
      List<Object> values = terms.points(key);
      if (values == null || prefixes.size() * values.size() > MAX_PREFIXES) {
        break;
      }
      List<List<Object>> longer = new ArrayList<>();
      for (List<Object> p : prefixes) {
        for (Object v : values) {
          List<Object> q = new ArrayList<>(p);
          q.add(v);
          longer.add(q);
        }
      }
      prefixes = longer;
    }
    return prefixes;
  }
}
