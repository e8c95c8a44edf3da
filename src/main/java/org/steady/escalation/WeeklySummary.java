package org.steady.escalation;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.bson.Document;
import org.springframework.stereotype.Component;
import org.steady.care.CareContact;
import org.steady.care.CareContacts;
import org.steady.care.PatientDirectory;
import org.steady.chat.Outbox;

/**
 * The weekly text summary for contacts the patient granted it to: check-ins done, mood and
 * symptom-score trend, escalations. Built from the {@code answers} collection (variables
 * {@code mood} and {@code symptom_score}) and {@code escalations}. One outbox id per contact and
 * ISO week, so several instances or a re-run send it once.
 */
@Component
public class WeeklySummary {
  private final CareContacts contacts;
  private final PatientDirectory directory;
  private final Escalations escalations;
  private final MongoCollection<Document> answers;
  private final Outbox outbox;
  private final Clock clock;

  public WeeklySummary(CareContacts contacts, PatientDirectory directory, Escalations escalations,
      MongoDatabase db, Outbox outbox, Clock clock) {
    this.contacts = contacts;
    this.directory = directory;
    this.escalations = escalations;
    this.answers = db.getCollection("answers");
    this.outbox = outbox;
    this.clock = clock;
  }

  /** Queues this week's summary to every contact with consent; returns how many. */
  public int sendAll() {
    Instant now = clock.instant();
    LocalDate today = LocalDate.ofInstant(now, java.time.ZoneOffset.UTC);
    String week = today.get(IsoFields.WEEK_BASED_YEAR) + "-W"
        + today.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
    int n = 0;
    for (CareContact c : contacts.withWeeklySummary()) {
      outbox.enqueue("weekly:" + c.id() + ":" + week, null, c.channel(), c.chatId(), "send",
          text(c.patientId(), now.minus(Duration.ofDays(7)), now), List.of(), null, false);
      n++;
    }
    return n;
  }

  String text(String patientId, Instant from, Instant to) {
    PatientDirectory.Info p = EscalationService.info(directory, patientId, null);
    TreeMap<LocalDate, Double> mood = new TreeMap<>();
    TreeMap<LocalDate, Double> symptoms = new TreeMap<>();
    Set<LocalDate> checkinDays = new TreeSet<>();
    for (Document a : answers.find(Filters.and(Filters.eq("patientId", patientId),
        Filters.gte("at", Date.from(from)), Filters.lt("at", Date.from(to))))
        .sort(Sorts.ascending("at"))) {
      LocalDate day = LocalDate.ofInstant(a.getDate("at").toInstant(), p.zone());
      if ("daily-checkin".equals(a.getString("scriptId"))) {
        checkinDays.add(day);
      }
      Object v = a.get("value");
      if (v instanceof Number && "mood".equals(a.getString("variable"))) {
        mood.put(day, ((Number) v).doubleValue());
        checkinDays.add(day);
      } else if (v instanceof Number && "symptom_score".equals(a.getString("variable"))) {
        symptoms.put(day, ((Number) v).doubleValue());
      }
    }
    List<Escalation> raised = escalations.forPatient(patientId, from, to).stream()
        .filter(e -> e.status() != Escalation.Status.SUPPRESSED).toList();
    StringBuilder b = new StringBuilder("Weekly summary for ").append(p.displayName())
        .append(" (last 7 days)\nCheck-ins done: ").append(checkinDays.size()).append(" of 7")
        .append("\nMood (higher is better): ").append(series(mood))
        .append("\nWithdrawal symptom score (lower is better): ").append(series(symptoms))
        .append("\nAlerts: ").append(alerts(raised));
    return b.toString();
  }

  private static String series(TreeMap<LocalDate, Double> byDay) {
    if (byDay.isEmpty()) {
      return "no answers";
    }
    List<String> parts = new ArrayList<>();
    byDay.forEach((d, v) -> parts.add(d.getDayOfWeek().getDisplayName(java.time.format.TextStyle.SHORT, java.util.Locale.ENGLISH) + " "
        + fmt(v)));
    double first = byDay.firstEntry().getValue();
    double last = byDay.lastEntry().getValue();
    String trend = byDay.size() < 2 ? "" : last > first ? " (rising)" : last < first
        ? " (falling)" : " (steady)";
    return String.join(", ", parts) + trend;
  }

  private static String alerts(List<Escalation> raised) {
    long urgent = raised.stream().filter(e -> e.severity().name().equals("URGENT")).count();
    long concern = raised.stream().filter(e -> e.severity().name().equals("CONCERN")).count();
    long info = raised.size() - urgent - concern;
    return raised.isEmpty() ? "none" : urgent + " urgent, " + concern + " concern, " + info + " info";
  }

  private static String fmt(double v) {
    return v == Math.rint(v) ? String.valueOf((long) v) : String.format("%.1f", v);
  }
}
