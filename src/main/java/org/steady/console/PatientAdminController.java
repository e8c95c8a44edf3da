package org.steady.console;

import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.steady.store.Patients;

/**
 * {@code GET /api/admin/patients}: the patients staff look after, newest first, with whether
 * Steady can still reach them. A patient who blocked the bot is {@code "unreachable": true} with
 * the time it was noticed; nothing more is sent to them, so staff need to see it and reach out
 * another way. {@code ?unreachable=true} lists only those. Behind the admin token.
 *
 * <pre>[{"id":"telegram:42","name":"Ana","channel":"telegram","locale":"en",
 *   "zone":"Europe/Madrid","unreachable":true,"unreachableSince":"2026-12-02T08:00:00Z",
 *   "stopped":false,"createdAt":"2026-11-20T09:12:00Z"}]</pre>
 */
@RestController
class PatientAdminController {
  private final Patients patients;

  PatientAdminController(Patients patients) {
    this.patients = patients;
  }

  @GetMapping("/api/admin/patients")
  List<Map<String, Object>> list(@RequestParam(defaultValue = "false") boolean unreachable,
      @RequestParam(defaultValue = "500") int limit) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Document d : patients.forStaff(unreachable, Math.max(1, Math.min(limit, 5000)))) {
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("id", d.getString("_id"));
      p.put("name", d.getString("name"));
      p.put("channel", d.getString("channel"));
      p.put("locale", d.getString("locale"));
      p.put("zone", d.getString("zone"));
      p.put("unreachable", d.getBoolean("unreachable", false));
      p.put("unreachableSince", instant(d.getDate("unreachableSince")));
      p.put("stopped", d.getBoolean("stopped", false));
      p.put("createdAt", instant(d.getDate("createdAt")));
      out.add(p);
    }
    return out;
  }

  private static @Nullable String instant(@Nullable Date d) {
    return d == null ? null : d.toInstant().toString();
  }
}
