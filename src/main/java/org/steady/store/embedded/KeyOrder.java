package org.steady.store.embedded;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.ValueComparator;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

/**
 * How index keys ({@link KeyValue}s) are ordered and stored in the MVStore: element by element in
 * BSON value order ({@link ValueComparator}, the order MongoDB sorts in), a shorter key before
 * the longer keys it is a prefix of. Strings, numbers, dates and booleans are written compactly;
 * anything else falls back to H2's object serialisation.
 */
final class KeyOrder extends BasicDataType<KeyValue> {
  static final KeyOrder INSTANCE = new KeyOrder();

  private static final ValueComparator VALUES = ValueComparator.asc();
  private static final ObjectDataType OTHER = new ObjectDataType();
  private static final byte NULL = 0;
  private static final byte STRING = 1;
  private static final byte DOUBLE = 2;
  private static final byte LONG = 3;
  private static final byte INSTANT = 4;
  private static final byte TRUE = 5;
  private static final byte FALSE = 6;
  private static final byte OTHER_TYPE = 7;

  private KeyOrder() {}

  @Override
  public int compare(KeyValue a, KeyValue b) {
    int n = Math.min(a.size(), b.size());
    for (int i = 0; i < n; i++) {
      int c = compareValues(a.get(i), b.get(i));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.size(), b.size());
  }

  /** BSON order; ids and dates, the usual keys, without the general type dispatch. */
  private static int compareValues(Object a, Object b) {
    if (a instanceof String && b instanceof String) {
      return ((String) a).compareTo((String) b);
    } else if (a instanceof Instant && b instanceof Instant) {
      return ((Instant) a).compareTo((Instant) b);
    }
    return VALUES.compare(a, b);
  }

  @Override
  public int getMemory(KeyValue key) {
    int bytes = 48;
    for (Object v : key) {
      bytes += v instanceof String ? 48 + 2 * ((String) v).length() : 24;
    }
    return bytes;
  }

  @Override
  public void write(WriteBuffer buff, KeyValue key) {
    buff.putVarInt(key.size());
    for (Object v : key) {
      if (v == null) {
        buff.put(NULL);
      } else if (v instanceof String) {
        String s = (String) v;
        buff.put(STRING).putVarInt(s.length()).putStringData(s, s.length());
      } else if (v instanceof Double) {
        buff.put(DOUBLE).putDouble((Double) v);
      } else if (v instanceof Long) {
        buff.put(LONG).putLong((Long) v);
      } else if (v instanceof Instant) {
        Instant t = (Instant) v;
        buff.put(INSTANT).putLong(t.getEpochSecond()).putInt(t.getNano());
      } else if (v instanceof Boolean) {
        buff.put((Boolean) v ? TRUE : FALSE);
      } else {
        buff.put(OTHER_TYPE);
        OTHER.write(buff, v);
      }
    }
  }

  @Override
  public KeyValue read(ByteBuffer buff) {
    int n = DataUtils.readVarInt(buff);
    List<Object> values = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      byte tag = buff.get();
      switch (tag) {
        case NULL -> values.add(null);
        case STRING -> values.add(DataUtils.readString(buff, DataUtils.readVarInt(buff)));
        case DOUBLE -> values.add(buff.getDouble());
        case LONG -> values.add(buff.getLong());
        case INSTANT -> values.add(Instant.ofEpochSecond(buff.getLong(), buff.getInt()));
        case TRUE -> values.add(Boolean.TRUE);
        case FALSE -> values.add(Boolean.FALSE);
        case OTHER_TYPE -> values.add(OTHER.read(buff));
        default -> throw new IllegalStateException("unknown index key tag " + tag);
      }
    }
    return new KeyValue(values);
  }

  @Override
  public KeyValue[] createStorage(int size) {
    return new KeyValue[size];
  }
}
