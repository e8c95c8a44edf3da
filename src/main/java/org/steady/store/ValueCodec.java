package org.steady.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;

/**
 * Converts engine values (String, Double, Boolean, List, Map of String to value) to BSON and back.
 * Maps are stored as {@code {"_map": [{"k": key, "v": value}, ...]}} because their keys are
 * variable names such as {@code patient.name}, and dots are not safe in MongoDB field names.
 */
public final class ValueCodec {
  private ValueCodec() {}

  public static Object encode(Object value) {
    if (value == null || value instanceof String || value instanceof Boolean
        || value instanceof Double || value instanceof Long || value instanceof Integer) {
      return value;
    }
    if (value instanceof Number) {
      return ((Number) value).doubleValue();
    }
    if (value instanceof Instant) {
      return Date.from((Instant) value);
    }
    if (value instanceof List) {
      List<Object> out = new ArrayList<>();
      for (Object o : (List<?>) value) {
        out.add(encode(o));
      }
      return out;
    }
    if (value instanceof Map) {
      List<Document> pairs = new ArrayList<>();
      for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
        pairs.add(new Document("k", String.valueOf(e.getKey())).append("v", encode(e.getValue())));
      }
      return new Document("_map", pairs);
    }
    throw new IllegalArgumentException("unsupported value type " + value.getClass().getName());
  }

  public static Object decode(Object stored) {
    if (stored instanceof Date) {
      return ((Date) stored).toInstant();
    }
    if (stored instanceof List) {
      List<Object> out = new ArrayList<>();
      for (Object o : (List<?>) stored) {
        out.add(decode(o));
      }
      return out;
    }
    if (stored instanceof Document) {
      return decodeMap((Document) stored);
    }
    return stored;
  }

  /** Decodes a value written by {@link #encode} from a Map. */
  public static Map<String, Object> decodeMap(Object stored) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (!(stored instanceof Document)) {
      return out;
    }
    Object pairs = ((Document) stored).get("_map");
    if (pairs instanceof List) {
      for (Object p : (List<?>) pairs) {
        Document d = (Document) p;
        Object v = decode(d.get("v"));
        if (v != null) {
          out.put(d.getString("k"), v);
        }
      }
    }
    return out;
  }
}
