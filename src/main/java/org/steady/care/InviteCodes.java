package org.steady.care;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * One-time invite codes ({@code care_invites}). A code is 10 characters from
 * {@link ShortIds#ALPHABET}, valid 24 hours, redeemable once. Only its SHA-256 is stored, so a
 * leaked database does not leak usable codes; an index on {@code expiresAt} lets MongoDB drop
 * old codes a week after they expired (kept that long to answer "expired" rather than "unknown").
 */
@Component
public class InviteCodes {
  public static final int LENGTH = 10;
  static final Duration VALID_FOR = Duration.ofHours(24);

  private final MongoCollection<Document> col;
  private final Clock clock;

  public InviteCodes(MongoDatabase db, Clock clock) {
    this.col = db.getCollection("care_invites");
    this.clock = clock;
    col.createIndex(Indexes.ascending("expiresAt"),
        new IndexOptions().expireAfter(TimeUnit.DAYS.toSeconds(7), TimeUnit.SECONDS));
  }

  /** The outcome of redeeming a code. {@code patientId} is set only for {@link Status#OK}. */
  public record Redemption(Status status, String patientId) {}

  /** {@code OWN}: the patient sent their own code; it stays valid for the person it is for. */
  public enum Status { OK, MALFORMED, UNKNOWN, USED, EXPIRED, OWN }

  /** Creates a new code for the patient; returns it in plain text (shown once). */
  public String create(String patientId) {
    String code = ShortIds.random(LENGTH);
    Instant now = clock.instant();
    col.insertOne(new Document("_id", ShortIds.sha256Hex(code)).append("patientId", patientId)
        .append("createdAt", Date.from(now)).append("expiresAt", Date.from(now.plus(VALID_FOR))));
    return code;
  }

  /** True if {@code s} has the shape of a code (so "/start CODE" is a link, not onboarding). */
  public static boolean looksLikeCode(String s) {
    String n = normalise(s);
    if (n.length() != LENGTH) {
      return false;
    }
    for (int i = 0; i < n.length(); i++) {
      if (ShortIds.ALPHABET.indexOf(n.charAt(i)) < 0) {
        return false;
      }
    }
    return true;
  }

  /** Uses the code once, atomically: of two simultaneous redemptions only one succeeds. */
  public Redemption redeem(String code, String redeemedBy) {
    if (!looksLikeCode(code)) {
      return new Redemption(Status.MALFORMED, null);
    }
    String hash = ShortIds.sha256Hex(normalise(code));
    Date now = Date.from(clock.instant());
    Document d = col.findOneAndUpdate(
        Filters.and(Filters.eq("_id", hash), Filters.eq("usedAt", null),
            Filters.gt("expiresAt", now), Filters.ne("patientId", redeemedBy)),
        Updates.combine(Updates.set("usedAt", now), Updates.set("usedBy", redeemedBy)));
    if (d != null) {
      return new Redemption(Status.OK, d.getString("patientId"));
    }
    Document existing = col.find(Filters.eq("_id", hash)).first();
    if (existing == null) {
      return new Redemption(Status.UNKNOWN, null);
    }
    if (redeemedBy.equals(existing.getString("patientId")) && existing.get("usedAt") == null
        && existing.getDate("expiresAt").after(now)) {
      return new Redemption(Status.OWN, existing.getString("patientId"));
    }
    return new Redemption(existing.get("usedAt") != null ? Status.USED : Status.EXPIRED, null);
  }

  static String normalise(String s) {
    return s.trim().replace("-", "").replace(" ", "").toUpperCase(Locale.ROOT);
  }
}
