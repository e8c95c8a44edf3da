package org.steady.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

/** The {@code patients} collection. Keyed by channel and chat; creation is an idempotent upsert. */
@Component
public class Patients {
  private final MongoCollection<Document> col;
  private final Clock clock;

  public Patients(MongoDatabase db, Clock clock) {
    this.col = db.getCollection(Collections.PATIENTS);
    this.clock = clock;
  }

  public Optional<Patient> find(String channel, String chatId) {
    return Optional.ofNullable(col.find(Filters.eq("_id", Patient.idFor(channel, chatId))).first())
        .map(Patient::from);
  }

  public Optional<Patient> byId(String id) {
    return Optional.ofNullable(col.find(Filters.eq("_id", id)).first()).map(Patient::from);
  }

  /** Finds the patient or creates them with the given name and locale (both may be null). */
  public Patient findOrCreate(String channel, String chatId, String name, String locale) {
    String loc = locale == null || locale.isBlank() ? "en" : normaliseLocale(locale);
    Bson insert = Updates.combine(
        Updates.setOnInsert("channel", channel), Updates.setOnInsert("chatId", chatId),
        Updates.setOnInsert("name", name), Updates.setOnInsert("locale", loc),
        Updates.setOnInsert("unreachable", false),
        Updates.setOnInsert("createdAt", Date.from(clock.instant())));
    Document d = col.findOneAndUpdate(Filters.eq("_id", Patient.idFor(channel, chatId)), insert,
        new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
    return Patient.from(d);
  }

  public List<Patient> inChannel(String channel) {
    return col.find(Filters.eq("channel", channel)).sort(Sorts.ascending("createdAt"))
        .map(Patient::from).into(new ArrayList<>());
  }

  /**
   * Stores a profile value a script saved. {@code name}, {@code locale} and {@code timezone} also
   * update the patient's top-level fields that channels use.
   */
  public void updateProfile(String patientId, String field, Object value) {
    String key = field.replace('.', '_').replace('$', '_');
    List<Bson> sets = new ArrayList<>();
    sets.add(Updates.set("profile." + key, ValueCodec.encode(value)));
    if (value instanceof String) {
      if (key.equals("name")) {
        sets.add(Updates.set("name", value));
      } else if (key.equals("locale")) {
        sets.add(Updates.set("locale", normaliseLocale((String) value)));
      } else if (key.equals("timezone")) {
        sets.add(Updates.set("zone", value));
      }
    }
    col.updateOne(Filters.eq("_id", patientId), Updates.combine(sets));
  }

  /** Marks whether sending to them fails for good (they blocked the bot), and since when. */
  public void setUnreachable(String channel, String chatId, boolean unreachable) {
    col.updateOne(Filters.eq("_id", Patient.idFor(channel, chatId)), Updates.combine(
        Updates.set("unreachable", unreachable),
        Updates.set("unreachableSince", unreachable ? Date.from(clock.instant()) : null)));
  }

  /**
   * The staff view of patients, newest first: who they are and whether Steady can reach them.
   * {@code onlyUnreachable} lists those who blocked the bot, so staff can reach out otherwise.
   */
  public List<Document> forStaff(boolean onlyUnreachable, int limit) {
    Bson filter = onlyUnreachable ? Filters.eq("unreachable", true) : new Document();
    return col.find(filter).sort(Sorts.descending("createdAt")).limit(limit)
        .projection(new Document("profile", 0)).into(new ArrayList<>());
  }

  /**
   * A patient who sent /stop gets nothing unsolicited (check-ins, reminders, taper reminders)
   * until they send /start again; what they write themselves is still answered.
   */
  public void setStopped(String patientId, boolean stopped) {
    col.updateOne(Filters.eq("_id", patientId), Updates.set("stopped", stopped));
  }

  public boolean isStopped(String patientId) {
    Document d = col.find(Filters.eq("_id", patientId))
        .projection(new Document("stopped", 1)).first();
    return d != null && d.getBoolean("stopped", false);
  }

  public boolean isUnreachable(String channel, String chatId) {
    Document d = col.find(Filters.eq("_id", Patient.idFor(channel, chatId)))
        .projection(new Document("unreachable", 1)).first();
    return d != null && d.getBoolean("unreachable", false);
  }

  /** Every patient who blocked the bot (for the outbox relay, when it starts leading). */
  public Set<String> unreachable() {
    Set<String> found = new HashSet<>();
    col.find(Filters.eq("unreachable", true)).projection(new Document("_id", 1))
        .forEach(d -> found.add(d.getString("_id")));
    return found;
  }

  /** Which of these patient ids belong to people who blocked the bot. */
  public Set<String> unreachable(Collection<String> patientIds) {
    Set<String> found = new HashSet<>();
    if (!patientIds.isEmpty()) {
      col.find(Filters.and(Filters.in("_id", patientIds), Filters.eq("unreachable", true)))
          .projection(new Document("_id", 1)).forEach(d -> found.add(d.getString("_id")));
    }
    return found;
  }

  /** "es-MX" and "ES" become "es". */
  public static String normaliseLocale(String languageCode) {
    String l = languageCode.trim().toLowerCase(java.util.Locale.ROOT);
    int dash = l.indexOf('-');
    return dash > 0 ? l.substring(0, dash) : l.isEmpty() ? "en" : l;
  }
}
