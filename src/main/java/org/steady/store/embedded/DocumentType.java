package org.steady.store.embedded;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Collection;
import java.util.Map;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

/**
 * How documents are stored in the MVStore: as BSON, the encoding they arrive in, behind a tag
 * byte that H2's own object encoding never uses. Upstream stores them with H2's default type,
 * which Java-serialises every document of a page each time the page is written (every commit
 * that touches it) or read back, and that was most of what a commit cost. A value without the
 * tag was written by an earlier version and is read the old way, so an existing file needs no
 * conversion: its pages move to BSON as they are written again.
 */
final class DocumentType extends BasicDataType<Object> {
  static final DocumentType INSTANCE = new DocumentType();

  /** Above every tag {@link ObjectDataType} writes (its largest is 119). */
  private static final byte BSON = (byte) 0xB5;
  private static final ObjectDataType LEGACY = new ObjectDataType();

  private DocumentType() {}

  @Override
  public int getMemory(Object value) {
    return 48 + estimate(value);
  }

  private static int estimate(Object value) {
    if (value instanceof String) {
      return 40 + 2 * ((String) value).length();
    } else if (value instanceof Map) {
      int bytes = 64;
      for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
        bytes += 40 + 2 * e.getKey().toString().length() + estimate(e.getValue());
      }
      return bytes;
    } else if (value instanceof Collection) {
      int bytes = 48;
      for (Object o : (Collection<?>) value) {
        bytes += 8 + estimate(o);
      }
      return bytes;
    }
    return 24;
  }

  @Override
  public void write(WriteBuffer buff, Object value) {
    if (!(value instanceof Document)) {
      LEGACY.write(buff, value);
      return;
    }
    ByteBuf bson = Unpooled.buffer(256);
    try {
      BsonEncoder.encodeDocument((Document) value, bson);
      buff.put(BSON).put(bson.array(), bson.arrayOffset() + bson.readerIndex(),
          bson.readableBytes());
    } finally {
      bson.release();
    }
  }

  @Override
  public Object read(ByteBuffer buff) {
    if (buff.get(buff.position()) != BSON) {
      return LEGACY.read(buff);
    }
    buff.get(); // the tag
    int length = buff.duplicate().order(ByteOrder.LITTLE_ENDIAN).getInt();
    ByteBuffer bson = buff.slice();
    bson.limit(length);
    buff.position(buff.position() + length);
    return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bson));
  }

  @Override
  public Object[] createStorage(int size) {
    return new Object[size];
  }
}
