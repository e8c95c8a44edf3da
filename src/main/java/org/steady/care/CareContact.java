package org.steady.care;

import java.time.Instant;
import java.util.Locale;
import org.bson.Document;
import org.jspecify.annotations.Nullable;

/**
 * A care contact of one patient. Alerts always go to an {@link Status#ACTIVE} contact; the
 * answers behind an alert only if {@code sharesAnswers}; the weekly summary only if
 * {@code weeklySummary}. Both start false: the patient chooses.
 *
 * @param order position in the alert order, 1 first (0 while not yet confirmed)
 */
public record CareContact(
    String id,
    String patientId,
    String channel,
    String chatId,
    @Nullable String name,
    @Nullable Role role,
    Status status,
    int order,
    boolean sharesAnswers,
    boolean weeklySummary,
    Instant createdAt) {

  /** Who the contact is to the patient. */
  public enum Role {
    CLINICIAN("clinician"), FAMILY("family member"), PEER("peer supporter");

    private final String label;

    Role(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }

    public String wire() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public enum Status { AWAITING_ROLE, AWAITING_APPROVAL, ACTIVE, DECLINED, UNLINKED }

  public String displayName() {
    return name == null || name.isBlank() ? "Contact " + id : name;
  }

  public boolean active() {
    return status == Status.ACTIVE;
  }

  static CareContact from(Document d) {
    String role = d.getString("role");
    return new CareContact(d.getString("_id"), d.getString("patientId"), d.getString("channel"),
        d.getString("chatId"), d.getString("name"),
        role == null ? null : Role.valueOf(role.toUpperCase(Locale.ROOT)),
        Status.valueOf(d.getString("status")), d.getInteger("order", 0),
        d.getBoolean("sharesAnswers", false), d.getBoolean("weeklySummary", false),
        d.getDate("createdAt").toInstant());
  }
}
