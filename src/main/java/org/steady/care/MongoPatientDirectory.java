package org.steady.care;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * {@link PatientDirectory} over the shell's {@code patients} collection ({@code _id} is
 * {@code <channel>:<chatId>}; {@code name}, {@code locale}, {@code zone}, {@code profile}).
 */
@Component
public class MongoPatientDirectory implements PatientDirectory {
  private final MongoCollection<Document> patients;

  public MongoPatientDirectory(MongoDatabase db) {
    this.patients = db.getCollection("patients");
  }

  @Override
  public Optional<Info> find(String patientId) {
    Document d = patients.find(Filters.eq("_id", patientId)).first();
    if (d == null) {
      return Optional.empty();
    }
    Map<String, Object> profile = new LinkedHashMap<>();
    Document p = d.get("profile", Document.class);
    if (p != null) {
      profile.putAll(p);
    }
    String locale = d.getString("locale");
    return Optional.of(new Info(patientId, d.getString("channel"), d.getString("chatId"),
        d.getString("name"), locale == null ? "en" : locale, zone(d.getString("zone")), profile));
  }

  private static ZoneId zone(String z) {
    try {
      return z == null ? ZoneId.of("UTC") : ZoneId.of(z);
    } catch (RuntimeException e) {
      return ZoneId.of("UTC");
    }
  }
}
