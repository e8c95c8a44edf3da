package org.steady.escalation;

import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bson.Document;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.steady.store.Durability;
import org.steady.store.OutboxEntries;

/**
 * Staff view of escalations with their whole timeline, behind the admin token filter that
 * guards {@code /api/admin/**}. {@code id} is the escalation id or its short ref.
 */
@RestController
@RequestMapping("/api/admin/escalations")
class EscalationAdminController {
  private static final List<String> STATUSES =
      List.of("open", "acknowledged", "closed", "suppressed", "noted");

  private final Escalations escalations;
  private final OutboxEntries outbox;
  private final Durability durability;
  private final java.time.Clock clock;

  EscalationAdminController(Escalations escalations, OutboxEntries outbox,
      Durability durability, java.time.Clock clock) {
    this.escalations = escalations;
    this.outbox = outbox;
    this.durability = durability;
    this.clock = clock;
  }

  @GetMapping
  ResponseEntity<Object> list(@RequestParam(required = false) String status,
      @RequestParam(defaultValue = "100") int limit) {
    if (status != null && !STATUSES.contains(status.toLowerCase(Locale.ROOT))) {
      return ResponseEntity.badRequest().body(Map.of("error",
          "unknown status '" + status + "'; use one of " + STATUSES));
    }
    List<Object> out = new ArrayList<>();
    for (Document d : escalations.list(
        status == null ? null : status.toUpperCase(Locale.ROOT), Math.max(1, Math.min(limit, 1000)))) {
      out.add(json(d));
    }
    return ResponseEntity.ok(out);
  }

  @GetMapping("/{id}")
  ResponseEntity<Object> one(@PathVariable String id) {
    Document d = escalations.raw(id);
    if (d == null) {
      return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", "no escalation " + id));
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> out = (Map<String, Object>) json(d);
    out.put("deliveries", deliveries(d));
    return ResponseEntity.ok(out);
  }

  /** Staff close an escalation once it is dealt with; it stays in the record. */
  @PostMapping("/{id}/close")
  ResponseEntity<Object> close(@PathVariable String id) {
    Document d = escalations.raw(id);
    if (d == null) {
      return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", "no escalation " + id));
    }
    String realId = d.getString("_id");
    if (!escalations.close(realId, Escalations.event(clock.instant(), "closed", null, "by staff"))) {
      return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("error", "already closed"));
    }
    durability.commit();
    return ResponseEntity.ok(json(escalations.raw(realId)));
  }

  /** What became of each message the timeline queued: pending, sent (with time), failed. */
  private List<Object> deliveries(Document d) {
    List<Object> out = new ArrayList<>();
    for (Document ev : d.getList("timeline", Document.class, List.of())) {
      String detail = ev.getString("detail");
      int at = detail == null ? -1 : detail.indexOf("outbox ");
      if (at < 0) {
        continue;
      }
      String id = detail.substring(at + 7).split(";")[0].trim();
      Document entry = outbox.get(id);
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("outboxId", id);
      m.put("status", entry == null ? "unknown" : entry.getString("status"));
      if (entry != null) {
        m.put("attempts", entry.get("attempts"));
        m.put("sentAt", json(entry.get("sentAt")));
        m.put("lastError", entry.get("lastError"));
      }
      out.add(m);
    }
    return out;
  }

  /** BSON to plain JSON values: dates as ISO-8601 strings, {@code _id} as {@code id}. */
  static Object json(Object v) {
    if (v instanceof Document) {
      Map<String, Object> m = new LinkedHashMap<>();
      ((Document) v).forEach((k, x) -> m.put(k.equals("_id") ? "id" : k, json(x)));
      return m;
    }
    if (v instanceof List) {
      List<Object> l = new ArrayList<>();
      for (Object x : (List<?>) v) {
        l.add(json(x));
      }
      return l;
    }
    if (v instanceof Date) {
      return ((Date) v).toInstant().toString();
    }
    return v;
  }
}
