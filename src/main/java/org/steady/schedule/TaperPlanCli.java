package org.steady.schedule;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.steady.console.AdminTokenFilter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code steady.jar taper-plan show|set|patients}: staff enter and read a patient's taper plan
 * from a terminal, for example
 *
 * <pre>
 * export STEADY_ADMIN_TOKEN=...
 * java -jar steady.jar taper-plan set telegram:123456 --prescriber "Dr A. Example" \
 *   --step 2026-12-01,diazepam,"9 mg a day" --step 2026-12-15,diazepam,"8 mg a day"
 * </pre>
 *
 * It is a client of the running app's admin API, not a second way into the store, so whatever
 * the API checks and records applies to both; it starts no Spring. The token comes only from the
 * environment: a command-line argument would show in {@code ps}. Problems are one sentence on
 * stderr with exit code 1; bad usage exits 2 with the usage text.
 */
public final class TaperPlanCli {
  static final String DEFAULT_URL = "http://localhost:8080";
  static final String LIST_HINT = "java -jar steady.jar taper-plan patients";

  private TaperPlanCli() {}

  /** Something went wrong that the person at the terminal can act on; the message says what. */
  static final class Failure extends RuntimeException {
    Failure(String sentence) {
      super(sentence, null, false, false);
    }
  }

  public static int run(String[] args, PrintStream out, PrintStream err) {
    return run(args, System.getenv(), out, err);
  }

  static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
    TaperPlanArgs a;
    try {
      a = TaperPlanArgs.parse(args);
    } catch (TaperPlanArgs.Usage e) {
      err.println("taper-plan: " + e.getMessage());
      err.println(TaperPlanArgs.USAGE);
      return 2;
    }
    if (a.help()) {
      out.println(TaperPlanArgs.USAGE);
      return 0;
    }
    try {
      out.print(perform(a, env));
      return 0;
    } catch (Failure e) {
      err.println("taper-plan: " + e.getMessage());
      return 1;
    }
  }

  private static String perform(TaperPlanArgs a, Map<String, String> env) {
    String body = a.action().equals("set") ? plan(a) : null;
    AdminApi api = new AdminApi(base(a, env), token(env));
    String id = a.patientId();
    switch (a.action()) {
      case "show":
        JsonNode plan = ok(api.get(AdminApi.planPath(id)), api, id, null);
        return TaperPlanTables.plan("Taper plan for", plan);
      case "set":
        JsonNode stored = ok(api.put(AdminApi.planPath(id), body), api, id, a.file());
        JsonNode next = stored.path("nextCheckin");
        return TaperPlanTables.plan("Stored the taper plan for", stored)
            + (next.isString() ? "\nNext check-in: " + next.stringValue() + "\n" : "");
      case "patients":
        String query = a.unreachable() ? "?unreachable=true" : "";
        return TaperPlanTables.patients(ok(api.get("/api/admin/patients" + query), api, null,
            null), a.unreachable());
      default:
        throw new IllegalStateException("unhandled taper-plan action " + a.action());
    }
  }

  /** The JSON to PUT: the file as it is, or the {@code --step}s in the order given. */
  static String plan(TaperPlanArgs a) {
    if (a.file() != null) {
      return read(a.file());
    }
    ObjectNode plan = AdminApi.JSON.createObjectNode();
    if (a.prescriber() != null) {
      plan.put("prescriber", a.prescriber());
    }
    if (a.enteredBy() != null) {
      plan.put("enteredBy", a.enteredBy());
    }
    ArrayNode steps = plan.putArray("steps");
    for (int i = 0; i < a.steps().size(); i++) {
      // the dose is everything after the second comma, commas and all
      String[] parts = a.steps().get(i).split(",", 3);
      if (parts.length < 3 || parts[0].isBlank() || parts[1].isBlank() || parts[2].isBlank()) {
        throw new Failure("--step " + (i + 1) + ": expected DATE,MEDICATION,DOSE, for example"
            + " --step 2026-12-01,diazepam,\"9 mg a day\"");
      }
      steps.addObject().put("start", parts[0].strip()).put("medication", parts[1].strip())
          .put("dose", parts[2].strip());
    }
    return plan.toString();
  }

  private static String read(String file) {
    try {
      return Files.readString(Path.of(file));
    } catch (NoSuchFileException e) {
      throw new Failure("there is no file " + file);
    } catch (IOException e) {
      throw new Failure("cannot read " + file + " as UTF-8 text (" + e.getClass().getSimpleName()
          + ")");
    }
  }

  static URI base(TaperPlanArgs a, Map<String, String> env) {
    if (a.url() != null) {
      return TaperPlanArgs.httpUri(a.url());
    }
    String fromEnv = env.get("STEADY_URL");
    if (fromEnv == null || fromEnv.isBlank()) {
      return URI.create(DEFAULT_URL);
    }
    URI u = TaperPlanArgs.httpUri(fromEnv);
    if (u == null) {
      throw new Failure("STEADY_URL must look like " + DEFAULT_URL + ", not " + fromEnv);
    }
    return u;
  }

  static String token(Map<String, String> env) {
    String t = env.get("STEADY_ADMIN_TOKEN");
    if (t == null || t.isBlank()) {
      throw new Failure("set STEADY_ADMIN_TOKEN to the app's admin token first; it is read from"
          + " the environment only, so that it never shows in ps");
    }
    return t.strip();
  }

  /** The body of a 200, or a Failure that says what the status means here. */
  static JsonNode ok(AdminApi.Reply r, AdminApi api, @Nullable String patientId,
      @Nullable String file) {
    String error = r.text("error");
    String code = r.text("code");
    String why = error == null ? "" : ": " + TaperPlanTables.visible(error);
    if (r.status() == 200 && !r.body().isMissingNode()) {
      return r.body();
    } else if (r.status() == 200) {
      throw new Failure(api.base() + " answered without JSON; is it Steady's address?");
    } else if (r.status() == 401) {
      throw new Failure("Steady at " + api.base() + " refused the admin token (401); set"
          + " STEADY_ADMIN_TOKEN to the token the app was started with");
    } else if (r.status() == 404 && TaperPlanController.UNKNOWN_PATIENT.equals(code)) {
      throw new Failure("there is no patient with id " + patientId + " (404); list patients"
          + " with: " + LIST_HINT);
    } else if (r.status() == 404 && TaperPlanController.NO_PLAN.equals(code)) {
      throw new Failure("patient " + patientId + " has no taper plan yet (404); enter one with:"
          + " java -jar steady.jar taper-plan set " + patientId + " --step DATE,MEDICATION,DOSE");
    } else if (r.status() == 404 && AdminTokenFilter.OFF.equals(code)) {
      throw new Failure("the admin API is off in Steady at " + api.base() + " (404); start the"
          + " app with STEADY_ADMIN_TOKEN set");
    } else if (r.status() == 400) {
      throw new Failure("Steady refused the plan" + (file == null ? "" : " in " + file)
          + " (400)" + why);
    }
    throw new Failure("Steady at " + api.base() + " answered " + r.status()
        + (error == null ? " without saying why; is it Steady's address?" : why));
  }
}
