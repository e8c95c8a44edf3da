package org.steady.schedule;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a taper plan from a JSON body ({@code {"prescriber": "...", "enteredBy": "...",
 * "steps": [{"start": "2026-12-01", "medication": "diazepam", "dose": "9 mg a day"}]}}) and
 * says exactly what is wrong when it cannot: which step, which field. Dose text is kept as typed.
 */
final class TaperPlanReader {
  private TaperPlanReader() {}

  /** A plan that cannot be stored; the message names the step and field. */
  static final class Invalid extends RuntimeException {
    Invalid(String message) {
      super(message, null, false, false);
    }
  }

  static TaperPlan read(Object body) {
    if (!(body instanceof Map)) {
      throw new Invalid("the body must be a JSON object with a \"steps\" list");
    }
    Map<?, ?> m = (Map<?, ?>) body;
    Object steps = m.get("steps");
    if (!(steps instanceof List) || ((List<?>) steps).isEmpty()) {
      throw new Invalid("\"steps\" must be a non-empty list of {start, medication, dose}");
    }
    List<?> list = (List<?>) steps;
    if (list.size() > TaperPlan.MAX_STEPS) {
      throw new Invalid("a plan has at most " + TaperPlan.MAX_STEPS + " steps");
    }
    List<TaperPlan.Step> out = new ArrayList<>();
    Set<LocalDate> seen = new HashSet<>();
    for (int i = 0; i < list.size(); i++) {
      TaperPlan.Step s = step(list.get(i), i + 1);
      if (!seen.add(s.start())) {
        throw new Invalid("step " + (i + 1) + ": another step already starts on " + s.start());
      }
      out.add(s);
    }
    out.sort((a, b) -> a.start().compareTo(b.start()));
    return new TaperPlan(out, optional(m, "prescriber", "plan"), optional(m, "enteredBy", "plan"));
  }

  private static TaperPlan.Step step(Object o, int n) {
    if (!(o instanceof Map)) {
      throw new Invalid("step " + n + " must be an object {start, medication, dose}");
    }
    Map<?, ?> m = (Map<?, ?>) o;
    String start = required(m, "start", n);
    LocalDate date;
    try {
      date = LocalDate.parse(start);
    } catch (DateTimeParseException e) {
      throw new Invalid("step " + n + ": \"start\" must be a date like 2026-12-01");
    }
    return new TaperPlan.Step(date, required(m, "medication", n), required(m, "dose", n),
        optional(m, "note", "step " + n));
  }

  private static String required(Map<?, ?> m, String key, int n) {
    String v = optional(m, key, "step " + n);
    if (v == null || v.isBlank()) {
      throw new Invalid("step " + n + ": \"" + key + "\" is required");
    }
    return v.strip();
  }

  private static String optional(Map<?, ?> m, String key, String where) {
    Object v = m.get(key);
    if (v == null) {
      return null;
    }
    if (!(v instanceof String)) {
      throw new Invalid(where + ": \"" + key + "\" must be text");
    }
    String s = (String) v;
    if (s.length() > TaperPlan.MAX_TEXT) {
      throw new Invalid(where + ": \"" + key + "\" is longer than " + TaperPlan.MAX_TEXT
          + " characters");
    }
    return s;
  }
}
