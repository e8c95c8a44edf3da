package org.steady.schedule;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The admin API's JSON as text for a person at a terminal. A plan is shown as staff typed it:
 *
 * <pre>
 * Taper plan for telegram:123456
 * Prescriber: Dr A. Example
 * Entered by: nurse B
 *
 * START       MEDICATION  DOSE (AS WRITTEN)
 * 2026-12-01  diazepam    9 mg a day
 * </pre>
 *
 * Patients are listed without their names: a name is the patient's own text, and terminal
 * output ends up in scrollback and screen shares.
 */
final class TaperPlanTables {
  private static final DateTimeFormatter MINUTES =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private TaperPlanTables() {}

  /** {@code title} is followed by the patient id, e.g. "Taper plan for". */
  static String plan(String title, JsonNode plan) {
    StringBuilder sb = new StringBuilder();
    sb.append(title).append(' ').append(text(plan, "patientId", "?")).append('\n');
    sb.append("Prescriber: ").append(text(plan, "prescriber", "(not given)")).append('\n');
    sb.append("Entered by: ").append(text(plan, "enteredBy", "(not given)")).append("\n\n");
    boolean notes = false;
    for (JsonNode s : plan.path("steps")) {
      notes |= s.path("note").isString();
    }
    List<List<String>> rows = new ArrayList<>();
    rows.add(notes ? List.of("START", "MEDICATION", "DOSE (AS WRITTEN)", "NOTE")
        : List.of("START", "MEDICATION", "DOSE (AS WRITTEN)"));
    for (JsonNode s : plan.path("steps")) {
      List<String> row = new ArrayList<>(List.of(text(s, "start", ""), text(s, "medication", ""),
          text(s, "dose", "")));
      if (notes) {
        row.add(text(s, "note", ""));
      }
      rows.add(row);
    }
    return sb.append(table(rows)).toString();
  }

  static String patients(JsonNode list, boolean onlyUnreachable) {
    if (list.isEmpty()) {
      return onlyUnreachable ? "No unreachable patients.\n" : "No patients yet.\n";
    }
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("ID", "CHANNEL", "LOCALE", "ZONE", "CREATED", "STATUS"));
    for (JsonNode p : list) {
      rows.add(List.of(text(p, "id", "?"), text(p, "channel", "-"), text(p, "locale", "-"),
          text(p, "zone", "-"), minutes(raw(p, "createdAt")), status(p)));
    }
    int n = list.size();
    return table(rows) + n + (onlyUnreachable ? " unreachable" : "")
        + (n == 1 ? " patient" : " patients") + ", newest first.\n";
  }

  private static String status(JsonNode p) {
    List<String> parts = new ArrayList<>();
    if (p.path("unreachable").asBoolean(false)) {
      parts.add("unreachable since " + minutes(raw(p, "unreachableSince")));
    }
    if (p.path("stopped").asBoolean(false)) {
      parts.add("stopped (sent /stop)");
    }
    return parts.isEmpty() ? "active" : String.join(", ", parts);
  }

  /** Columns padded to their widest cell, two spaces apart; the first row is the header. */
  static String table(List<List<String>> rows) {
    int[] width = new int[rows.get(0).size()];
    for (List<String> row : rows) {
      for (int c = 0; c < row.size(); c++) {
        width[c] = Math.max(width[c], row.get(c).length());
      }
    }
    StringBuilder sb = new StringBuilder();
    for (List<String> row : rows) {
      StringBuilder line = new StringBuilder();
      for (int c = 0; c < row.size(); c++) {
        line.append(c == row.size() - 1 ? row.get(c)
            : String.format("%-" + width[c] + "s  ", row.get(c)));
      }
      sb.append(line.toString().stripTrailing()).append('\n');
    }
    return sb.toString();
  }

  /**
   * Text as typed, except that control characters are written as visible {@code \\uXXXX}
   * escapes: stored text must not move the cursor, clear the screen or break a table row.
   */
  static String visible(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    s.codePoints().forEach(cp -> {
      if (Character.isISOControl(cp)) {
        sb.append(String.format("\\u%04x", cp));
      } else {
        sb.appendCodePoint(cp);
      }
    });
    return sb.toString();
  }

  private static String text(JsonNode node, String field, String absent) {
    String v = raw(node, field);
    return v == null ? absent : visible(v);
  }

  private static @Nullable String raw(JsonNode node, String field) {
    JsonNode v = node.path(field);
    return v.isString() ? v.stringValue() : null;
  }

  private static String minutes(@Nullable String instant) {
    if (instant == null) {
      return "-";
    }
    try {
      return MINUTES.format(Instant.parse(instant));
    } catch (DateTimeParseException e) {
      return visible(instant);
    }
  }
}
