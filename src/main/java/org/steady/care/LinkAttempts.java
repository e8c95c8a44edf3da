package org.steady.care;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * Slows down guessing of invite codes: after {@link #MAX_FAILURES} wrong codes from one chat
 * within {@link #WINDOW}, that chat is refused for {@link #BLOCK} (collection
 * {@code care_link_attempts}, one document per chat).
 */
@Component
public class LinkAttempts {
  static final int MAX_FAILURES = 5;
  static final Duration WINDOW = Duration.ofMinutes(15);
  static final Duration BLOCK = Duration.ofMinutes(15);

  private final MongoCollection<Document> col;
  private final Clock clock;

  public LinkAttempts(MongoDatabase db, Clock clock) {
    this.col = db.getCollection("care_link_attempts");
    this.clock = clock;
  }

  public boolean blocked(String chatKey) {
    Document d = col.find(Filters.eq("_id", chatKey)).first();
    Date until = d == null ? null : d.getDate("blockedUntil");
    return until != null && until.toInstant().isAfter(clock.instant());
  }

  /** Counts one wrong code; returns true if the chat is now blocked. */
  public boolean failed(String chatKey) {
    Instant now = clock.instant();
    Document d = col.find(Filters.eq("_id", chatKey)).first();
    Date start = d == null ? null : d.getDate("windowStart");
    int count = d == null ? 0 : d.getInteger("failures", 0);
    if (start == null || start.toInstant().plus(WINDOW).isBefore(now)) {
      start = Date.from(now);
      count = 0;
    }
    count++;
    Document next = new Document("_id", chatKey).append("windowStart", start)
        .append("failures", count);
    boolean block = count >= MAX_FAILURES;
    if (block) {
      next.append("blockedUntil", Date.from(now.plus(BLOCK))).append("failures", 0)
          .append("windowStart", Date.from(now));
    }
    col.replaceOne(Filters.eq("_id", chatKey), next, new ReplaceOptions().upsert(true));
    return block;
  }
}
