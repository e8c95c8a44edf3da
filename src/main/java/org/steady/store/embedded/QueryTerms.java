package org.steady.store.embedded;

import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What a query asks of its top-level fields, in the two forms an index can serve: a set of
 * values (equality, {@code $eq}, {@code $in}) or a range ({@code $gt}, {@code $gte}, {@code $lt},
 * {@code $lte}) of one BSON type. Conditions under {@code $and} count too. Anything else
 * ({@code $ne}, {@code $exists}, {@code null}, a regular expression, ...) is left to the matcher.
 *
 * <p>Every term is implied by the query, so an index that returns the documents satisfying some
 * of the terms returns a superset of the answer; the collection still runs the whole query on
 * each document it reads.
 */
final class QueryTerms {
  /** Values a range can cover: one BSON type, walked from its smallest value when unbounded. */
  enum Bracket {
    NUMBER(Double.NEGATIVE_INFINITY), STRING(""), DATE(Instant.MIN), BOOLEAN(Boolean.FALSE);

    final Object least;

    Bracket(Object least) {
      this.least = least;
    }

    static @Nullable Bracket of(@Nullable Object v) {
      if (v instanceof Number) {
        return NUMBER;
      } else if (v instanceof String) {
        return STRING;
      } else if (v instanceof Instant) {
        return DATE;
      } else if (v instanceof Boolean) {
        return BOOLEAN;
      }
      return null;
    }
  }

  /** Values of one type between {@code lower} and {@code upper} (inclusive; null is open). */
  record Range(Bracket bracket, @Nullable Object lower, @Nullable Object upper) {}

  private final Map<String, List<Object>> points = new HashMap<>();
  private final Map<String, Range> ranges = new HashMap<>();

  private QueryTerms() {}

  static QueryTerms of(Document query) {
    QueryTerms terms = new QueryTerms();
    terms.collect(query);
    return terms;
  }

  /** The values the field must take one of, or null if the query does not say. */
  @Nullable List<Object> points(String field) {
    return points.get(field);
  }

  @Nullable Range range(String field) {
    return ranges.get(field);
  }

  private void collect(Document query) {
    for (Map.Entry<String, Object> e : query.entrySet()) {
      String field = e.getKey();
      Object value = e.getValue();
      if (field.equals("$and") && value instanceof Collection) {
        for (Object part : (Collection<?>) value) {
          if (part instanceof Document) {
            collect((Document) part);
          }
        }
      } else if (!field.startsWith("$")) {
        condition(field, value);
      }
    }
  }

  private void condition(String field, Object value) {
    if (value instanceof Document && isOperators((Document) value)) {
      operators(field, (Document) value);
    } else if (scalar(value)) {
      points.putIfAbsent(field, List.of(normalize(value)));
    }
  }

  private void operators(String field, Document ops) {
    Object lower = null;
    Object upper = null;
    for (Map.Entry<String, Object> op : ops.entrySet()) {
      Object v = op.getValue();
      switch (op.getKey()) {
        case "$eq" -> {
          if (scalar(v)) {
            points.putIfAbsent(field, List.of(normalize(v)));
          }
        }
        case "$in" -> in(field, v);
        case "$gt", "$gte" -> lower = Bracket.of(v) != null ? normalize(v) : lower;
        case "$lt", "$lte" -> upper = Bracket.of(v) != null ? normalize(v) : upper;
        default -> {
          // narrows nothing an index can use; the matcher applies it
        }
      }
    }
    if (lower != null && upper != null && Bracket.of(lower) != Bracket.of(upper)) {
      upper = null; // either bound alone is implied by the query
    }
    Object bound = lower != null ? lower : upper;
    if (bound != null) {
      ranges.putIfAbsent(field, new Range(Bracket.of(bound), lower, upper));
    }
  }

  private void in(String field, @Nullable Object v) {
    if (!(v instanceof Collection)) {
      return;
    }
    List<Object> values = new ArrayList<>();
    for (Object o : (Collection<?>) v) {
      if (!scalar(o)) {
        return; // null, a regular expression or an array in $in: leave it to the matcher
      }
      Object n = normalize(o);
      if (!values.contains(n)) {
        values.add(n);
      }
    }
    points.putIfAbsent(field, List.copyOf(values));
  }

  private static boolean isOperators(Document d) {
    return !d.isEmpty() && d.keySet().iterator().next().startsWith("$");
  }

  /** A value whose equality an index key can stand for. */
  private static boolean scalar(@Nullable Object v) {
    return v instanceof String || v instanceof Number || v instanceof Boolean
        || v instanceof Instant || v instanceof ObjectId || v instanceof UUID;
  }

  /** As the server normalises index keys: numbers compare as doubles, -0.0 as 0.0. */
  static @Nullable Object normalize(@Nullable Object v) {
    if (Missing.isNullOrMissing(v)) {
      return null;
    }
    if (v instanceof Long && (long) (double) (Long) v != (Long) v) {
      return v;
    }
    if (v instanceof Number) {
      double d = ((Number) v).doubleValue();
      return d == -0.0 ? 0.0 : d;
    }
    return v;
  }
}
