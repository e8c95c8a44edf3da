package org.steady.schedule;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A patient's taper plan exactly as the prescriber wrote it: dated steps whose medication and
 * dose are free text. Steady stores and repeats these words; it never parses, computes, changes
 * or suggests a dose.
 *
 * @param steps ordered by start date, dates unique
 * @param prescriber who wrote the plan (free text, may be null)
 * @param enteredBy staff member who entered it (free text, may be null)
 */
record TaperPlan(List<Step> steps, String prescriber, String enteredBy) {
  static final int MAX_STEPS = 200;
  static final int MAX_TEXT = 300;

  TaperPlan {
    steps = List.copyOf(steps);
  }

  /** One step: from {@code start} (the patient's local date) take what {@code dose} says. */
  record Step(LocalDate start, String medication, String dose, String note) {
    Step {
      Objects.requireNonNull(start, "start");
      Objects.requireNonNull(medication, "medication");
      Objects.requireNonNull(dose, "dose");
    }

    /** The words of the plan, e.g. "diazepam: 9 mg a day (8 + 1)". */
    String words() {
      return medication + ": " + dose + (note == null || note.isBlank() ? "" : " (" + note + ")");
    }

    Map<String, Object> toMap() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("start", start.toString());
      m.put("medication", medication);
      m.put("dose", dose);
      if (note != null) {
        m.put("note", note);
      }
      return m;
    }
  }

  Optional<Step> startingOn(LocalDate date) {
    return steps.stream().filter(s -> s.start().equals(date)).findFirst();
  }

  List<LocalDate> starts() {
    return steps.stream().map(Step::start).toList();
  }

  Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    List<Object> list = new ArrayList<>();
    steps.forEach(s -> list.add(s.toMap()));
    m.put("steps", list);
    m.put("prescriber", prescriber);
    m.put("enteredBy", enteredBy);
    return m;
  }
}
