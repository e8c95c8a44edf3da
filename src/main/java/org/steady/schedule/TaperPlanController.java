package org.steady.schedule;

import com.mongodb.client.model.Updates;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.steady.chat.PatientRef;

/**
 * Staff enter a patient's taper plan as the prescriber wrote it (behind the admin token, see
 * {@code org.steady.console.AdminTokenFilter}):
 *
 * <pre>
 * curl -X PUT -H "Authorization: Bearer $STEADY_ADMIN_TOKEN" -H 'Content-Type: application/json' \
 *   -d '{"prescriber":"Dr Example","steps":[{"start":"2026-12-01","medication":"diazepam",
 *        "dose":"9 mg a day"}]}' http://localhost:8080/api/admin/patients/telegram:123/taper-plan
 * </pre>
 *
 * Errors answer {@code {"error": "..."}} naming the step and field. A 404 also carries a
 * {@code "code"} ({@value #UNKNOWN_PATIENT} or {@value #NO_PLAN}) for callers that branch on it,
 * such as the {@code taper-plan} command line.
 */
@RestController
class TaperPlanController {
  static final String UNKNOWN_PATIENT = "unknown_patient";
  static final String NO_PLAN = "no_taper_plan";

  private final TaperPlans plans;
  private final PatientProfiles patients;
  private final Schedules schedules;

  TaperPlanController(TaperPlans plans, PatientProfiles patients, Schedules schedules) {
    this.plans = plans;
    this.patients = patients;
    this.schedules = schedules;
  }

  @PutMapping("/api/admin/patients/{id}/taper-plan")
  ResponseEntity<Map<String, Object>> put(@PathVariable("id") String id,
      @RequestBody(required = false) Object body) {
    Optional<PatientRef> ref = patients.ref(id);
    if (ref.isEmpty()) {
      return unknownPatient(id);
    }
    TaperPlan plan;
    try {
      plan = TaperPlanReader.read(body);
    } catch (TaperPlanReader.Invalid e) {
      return error(HttpStatus.BAD_REQUEST, e.getMessage());
    }
    plans.save(id, plan);
    ScheduleDoc doc = schedules.change(ref.get(), Updates.set("watchStarts",
        plan.starts().stream().map(Object::toString).toList()));
    Map<String, Object> out = new LinkedHashMap<>(plan.toMap());
    out.put("patientId", id);
    out.put("nextCheckin", doc.nextDueAt() == null ? null : doc.nextDueAt().toString());
    return ResponseEntity.ok(out);
  }

  @GetMapping("/api/admin/patients/{id}/taper-plan")
  ResponseEntity<Map<String, Object>> get(@PathVariable("id") String id) {
    if (patients.ref(id).isEmpty()) {
      return unknownPatient(id);
    }
    return plans.json(id).map(m -> {
      Map<String, Object> out = new LinkedHashMap<>(m);
      out.put("patientId", id);
      return ResponseEntity.ok(out);
    }).orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND)
        .body(Map.of("error", "no taper plan for patient " + id, "code", NO_PLAN)));
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
    return error(HttpStatus.BAD_REQUEST, "the body is not valid JSON");
  }

  private static ResponseEntity<Map<String, Object>> unknownPatient(String id) {
    return ResponseEntity.status(HttpStatus.NOT_FOUND)
        .body(Map.of("error", "no patient with id " + id, "code", UNKNOWN_PATIENT));
  }

  private static ResponseEntity<Map<String, Object>> error(HttpStatus status, String message) {
    return ResponseEntity.status(status).body(Map.of("error", message));
  }
}
