package org.steady.care;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

/**
 * The {@code care_contacts} collection. Each state change is one conditional single-document
 * update (the store has no transactions), so a stale button or a replay changes nothing.
 */
@Component
public class CareContacts {
  private final MongoCollection<Document> col;
  private final Clock clock;

  public CareContacts(MongoDatabase db, Clock clock) {
    this.col = db.getCollection("care_contacts");
    this.clock = clock;
    col.createIndex(Indexes.ascending("patientId", "status", "order"));
    col.createIndex(Indexes.ascending("channel", "chatId"));
  }

  /** Creates a contact awaiting their role; a second call with the same id is a no-op. */
  public CareContact createPending(String id, String patientId, String channel, String chatId,
      String name) {
    Bson insert = Updates.combine(Updates.setOnInsert("patientId", patientId),
        Updates.setOnInsert("channel", channel), Updates.setOnInsert("chatId", chatId),
        Updates.setOnInsert("name", name),
        Updates.setOnInsert("status", CareContact.Status.AWAITING_ROLE.name()),
        Updates.setOnInsert("order", 0), Updates.setOnInsert("sharesAnswers", false),
        Updates.setOnInsert("weeklySummary", false),
        Updates.setOnInsert("createdAt", Date.from(clock.instant())));
    col.updateOne(Filters.eq("_id", id), insert, new UpdateOptions().upsert(true));
    return byId(id).orElseThrow();
  }

  public Optional<CareContact> byId(String id) {
    return Optional.ofNullable(col.find(Filters.eq("_id", id)).first()).map(CareContact::from);
  }

  /** Active contacts of a patient, in alert order. */
  public List<CareContact> active(String patientId) {
    return col.find(Filters.and(Filters.eq("patientId", patientId),
            Filters.eq("status", CareContact.Status.ACTIVE.name())))
        .sort(Sorts.ascending("order", "_id")).map(CareContact::from).into(new ArrayList<>());
  }

  /** Active links where this chat is the contact. */
  public List<CareContact> activeForChat(String channel, String chatId) {
    return col.find(Filters.and(Filters.eq("channel", channel), Filters.eq("chatId", chatId),
            Filters.eq("status", CareContact.Status.ACTIVE.name())))
        .map(CareContact::from).into(new ArrayList<>());
  }

  public List<CareContact> withWeeklySummary() {
    return col.find(Filters.and(Filters.eq("status", CareContact.Status.ACTIVE.name()),
        Filters.eq("weeklySummary", true))).map(CareContact::from).into(new ArrayList<>());
  }

  public boolean setRole(String id, CareContact.Role role) {
    return transition(id, CareContact.Status.AWAITING_ROLE, CareContact.Status.AWAITING_APPROVAL,
        Updates.set("role", role.wire()));
  }

  /** The patient confirmed: the contact becomes active, last in the alert order. */
  public boolean approve(String id, String patientId) {
    int next = active(patientId).stream().mapToInt(CareContact::order).max().orElse(0) + 1;
    return transition(id, CareContact.Status.AWAITING_APPROVAL, CareContact.Status.ACTIVE,
        Updates.combine(Updates.set("order", next),
            Updates.set("linkedAt", Date.from(clock.instant()))));
  }

  public boolean decline(String id) {
    return transition(id, CareContact.Status.AWAITING_APPROVAL, CareContact.Status.DECLINED,
        Updates.set("closedAt", Date.from(clock.instant())));
  }

  public boolean unlink(String id) {
    return transition(id, CareContact.Status.ACTIVE, CareContact.Status.UNLINKED,
        Updates.set("closedAt", Date.from(clock.instant())));
  }

  public boolean setConsent(String id, String field, boolean value) {
    if (!field.equals("sharesAnswers") && !field.equals("weeklySummary")) {
      throw new IllegalArgumentException("unknown consent " + field);
    }
    return col.updateOne(Filters.and(Filters.eq("_id", id),
            Filters.eq("status", CareContact.Status.ACTIVE.name())),
        Updates.set(field, value)).getModifiedCount() > 0;
  }

  /** Swaps a contact with the one before it in the alert order. */
  public boolean moveUp(String id) {
    CareContact c = byId(id).orElse(null);
    if (c == null || !c.active()) {
      return false;
    }
    List<CareContact> all = active(c.patientId());
    int i = all.indexOf(c);
    if (i <= 0) {
      return false;
    }
    CareContact before = all.get(i - 1);
    col.updateOne(Filters.eq("_id", c.id()), Updates.set("order", before.order()));
    col.updateOne(Filters.eq("_id", before.id()), Updates.set("order", c.order()));
    return true;
  }

  private boolean transition(String id, CareContact.Status from, CareContact.Status to,
      Bson more) {
    return col.updateOne(Filters.and(Filters.eq("_id", id), Filters.eq("status", from.name())),
        Updates.combine(Updates.set("status", to.name()), more)).getModifiedCount() > 0;
  }
}
