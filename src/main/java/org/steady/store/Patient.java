package org.steady.store;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import org.bson.Document;

/**
 * A patient as stored. {@code id} is {@code <channel>:<chatId>}; {@code profile} holds what
 * scripts saved into {@code patient.<field>} (name, timezone, checkin_time, locale, ...).
 */
public record Patient(
    String id,
    String channel,
    String chatId,
    String name,
    String locale,
    String zone,
    Map<String, Object> profile,
    boolean unreachable,
    Instant createdAt) {

  public Patient {
    profile = profile == null ? Map.of() : Map.copyOf(profile);
  }

  public static String idFor(String channel, String chatId) {
    return channel + ":" + chatId;
  }

  public ZoneId zoneId() {
    try {
      return zone == null ? ZoneId.of("UTC") : ZoneId.of(zone);
    } catch (RuntimeException e) {
      return ZoneId.of("UTC");
    }
  }

  static Patient from(Document d) {
    java.util.Date created = d.getDate("createdAt");
    return new Patient(d.getString("_id"), d.getString("channel"), d.getString("chatId"),
        d.getString("name"), d.getString("locale"), d.getString("zone"),
        profile(d.get("profile", Document.class)), d.getBoolean("unreachable", false),
        created == null ? null : created.toInstant());
  }

  private static Map<String, Object> profile(Document d) {
    Map<String, Object> out = new java.util.LinkedHashMap<>();
    if (d != null) {
      d.forEach((k, v) -> {
        Object value = ValueCodec.decode(v);
        if (value != null) {
          out.put(k, value);
        }
      });
    }
    return out;
  }
}
