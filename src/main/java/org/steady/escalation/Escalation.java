package org.steady.escalation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.steady.engine.Severity;

/**
 * One escalation as stored in {@code escalations}. {@code id} is the effect id that raised it
 * (idempotent); {@code ref} is a short id for button data ({@code ack:<ref>}). {@code targets}
 * is the alert order fixed when it was raised (contacts, then the staff chat); {@code step} is
 * how many of them were alerted; {@code nextActionAt} is when the next one is due (null: nothing
 * more to do).
 */
public record Escalation(
    String id,
    String ref,
    String patientId,
    Severity severity,
    String reason,
    String rule,
    Map<String, Object> evidence,
    Status status,
    Instant raisedAt,
    int step,
    @Nullable Instant nextActionAt,
    List<Target> targets,
    @Nullable String acknowledgedBy,
    List<Document> timeline) {

  public enum Status {
    /** alerting or waiting for an acknowledgement */
    OPEN,
    ACKNOWLEDGED,
    CLOSED,
    /** the same reason was raised within the dedup window: recorded, no alert */
    SUPPRESSED,
    /** severity info: recorded for the summary, no alert */
    NOTED
  }

  /** Someone to alert: a care contact or the staff chat. */
  public record Target(String kind, @Nullable String contactId, String channel, String chatId) {
    boolean staff() {
      return "staff".equals(kind);
    }

    Document toDocument() {
      return new Document("kind", kind).append("contactId", contactId).append("channel", channel)
          .append("chatId", chatId);
    }

    static Target from(Document d) {
      return new Target(d.getString("kind"), d.getString("contactId"), d.getString("channel"),
          d.getString("chatId"));
    }
  }

  /** True if {@code channel/chatId} is a target that was already alerted. */
  public int alertedIndexOf(String channel, String chatId) {
    for (int i = 0; i < Math.min(step, targets.size()); i++) {
      Target t = targets.get(i);
      if (t.channel().equals(channel) && t.chatId().equals(chatId)) {
        return i;
      }
    }
    return -1;
  }

  @SuppressWarnings("unchecked")
  static Escalation from(Document d) {
    List<Target> targets = new ArrayList<>();
    for (Document t : d.getList("targets", Document.class, List.of())) {
      targets.add(Target.from(t));
    }
    java.util.Date next = d.getDate("nextActionAt");
    Document ev = d.get("evidence", Document.class);
    return new Escalation(d.getString("_id"), d.getString("ref"), d.getString("patientId"),
        Severity.fromWire(d.getString("severity")), d.getString("reason"), d.getString("rule"),
        ev == null ? Map.of() : new java.util.LinkedHashMap<>(ev),
        Status.valueOf(d.getString("status")), d.getDate("raisedAt").toInstant(),
        d.getInteger("step", 0), next == null ? null : next.toInstant(), targets,
        d.getString("acknowledgedBy"), d.getList("timeline", Document.class, List.of()));
  }
}
