package org.steady.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/** Argument parsing, the plan sent, and every error sentence of the taper-plan command line. */
class TaperPlanCliTest {
  private static final Map<String, String> TOKEN = Map.of("STEADY_ADMIN_TOKEN", "t0ken");
  private static final AdminApi API = new AdminApi(URI.create("http://steady.test:8080"), "t");

  @Test
  void parsesStepsInOrderWithPrescriberAndEnteredBy() {
    TaperPlanArgs a = TaperPlanArgs.parse(new String[] {"set", "telegram:1", "--prescriber",
        "Dr A. Example", "--step", "2026-12-01,diazepam,9 mg a day", "--entered-by", "nurse B",
        "--step", "2026-12-15,diazepam,8 mg a day", "--url", "http://10.0.0.5:9000/"});

    assertThat(a.action()).isEqualTo("set");
    assertThat(a.patientId()).isEqualTo("telegram:1");
    assertThat(a.steps()).containsExactly("2026-12-01,diazepam,9 mg a day",
        "2026-12-15,diazepam,8 mg a day");
    assertThat(a.prescriber()).isEqualTo("Dr A. Example");
    assertThat(a.enteredBy()).isEqualTo("nurse B");
    assertThat(TaperPlanCli.base(a, Map.of())).hasToString("http://10.0.0.5:9000");
  }

  @Test
  void keepsCommasInTheDoseAsWritten() {
    TaperPlanArgs a = TaperPlanArgs.parse(new String[] {"set", "p", "--step",
        "2026-12-01, diazepam ,9 mg a day, split 5 + 4"});

    JsonNode plan = AdminApi.JSON.readTree(TaperPlanCli.plan(a));

    assertThat(plan.path("steps").get(0).path("start").asString()).isEqualTo("2026-12-01");
    assertThat(plan.path("steps").get(0).path("medication").asString()).isEqualTo("diazepam");
    assertThat(plan.path("steps").get(0).path("dose").asString())
        .isEqualTo("9 mg a day, split 5 + 4");
    assertThat(plan.has("prescriber")).isFalse();
  }

  @Test
  void namesTheMalformedStepByPosition() {
    TaperPlanRun r = TaperPlanRun.run(TOKEN, "set", "p", "--step", "2026-12-01,diazepam,9 mg",
        "--step", "2026-12-15,diazepam");

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.sentence()).startsWith("--step 2: expected DATE,MEDICATION,DOSE");
    assertThat(r.err().lines()).hasSize(1);
    assertThat(r.out()).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "''|say what to do: show, set or patients",
      "list|unknown command list (expected show, set or patients)",
      "show|show needs a PATIENT_ID (list them with taper-plan patients)",
      "show --url http://x|show needs a PATIENT_ID (list them with taper-plan patients)",
      "set p|set needs --file PLAN.json or at least one --step DATE,MEDICATION,DOSE",
      "set p --file plan.json --step 2026-12-01,a,b|--file holds the whole plan: give either"
          + " --file or --step (with --prescriber and --entered-by), not both",
      "show p --step 2026-12-01,a,b|show does not take --step",
      "patients p|unexpected argument p",
      "show p --url|--url needs a value",
      "show p --url http://a --url http://b|--url is given twice",
      "show p --url localhost:8080|--url must look like http://localhost:8080, not localhost:8080",
      "show p --token abc|the admin token is read from STEADY_ADMIN_TOKEN only, never from the"
          + " command line, where ps would show it"})
  void badUsageExitsTwoWithTheUsage(String args, String sentence) {
    TaperPlanRun r = TaperPlanRun.run(TOKEN, args.isEmpty() ? new String[0] : args.split(" "));

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).startsWith("taper-plan: " + sentence + "\n")
        .endsWith(TaperPlanArgs.USAGE + "\n");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void helpPrintsTheUsageOnStdout() {
    TaperPlanRun r = TaperPlanRun.run(Map.of(), "set", "--help");

    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("taper-plan set PATIENT_ID --step DATE,MEDICATION,DOSE");
    assertThat(r.err()).isEmpty();
  }

  @Test
  void withoutATokenSaysWhereToPutIt() {
    TaperPlanRun r = TaperPlanRun.run(Map.of("STEADY_ADMIN_TOKEN", "  "), "patients");

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.sentence()).isEqualTo("set STEADY_ADMIN_TOKEN to the app's admin token first;"
        + " it is read from the environment only, so that it never shows in ps");
  }

  @Test
  void anAppThatIsNotRunningIsNamedByItsUrl() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Map<String, String> env = Map.of("STEADY_ADMIN_TOKEN", "t", "STEADY_URL",
        "http://127.0.0.1:" + port);

    TaperPlanRun r = TaperPlanRun.run(env, "show", "telegram:1");

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.sentence()).isEqualTo("Steady is not reachable at http://127.0.0.1:" + port
        + "; start it, or point --url or STEADY_URL at it");
  }

  @Test
  void aBadSteadyUrlIsOneSentence() {
    TaperPlanRun r = TaperPlanRun.run(Map.of("STEADY_ADMIN_TOKEN", "t", "STEADY_URL", "ftp://x"),
        "patients");

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.sentence()).isEqualTo("STEADY_URL must look like http://localhost:8080, not"
        + " ftp://x");
  }

  @Test
  void aMissingPlanFileIsOneSentence(@org.junit.jupiter.api.io.TempDir Path tmp) {
    String file = tmp.resolve("plan.json").toString();

    TaperPlanRun r = TaperPlanRun.run(TOKEN, "set", "p", "--file", file);

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.sentence()).isEqualTo("there is no file " + file);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "401|{\"error\":\"the admin token is not valid\"}|Steady at http://steady.test:8080 refused"
          + " the admin token (401); set STEADY_ADMIN_TOKEN to the token the app was started with",
      "404|{\"error\":\"no patient with id p\",\"code\":\"unknown_patient\"}|there is no patient"
          + " with id p (404); list patients with: java -jar steady.jar taper-plan patients",
      "404|{\"error\":\"no taper plan for patient p\",\"code\":\"no_taper_plan\"}|patient p has no"
          + " taper plan yet (404); enter one with: java -jar steady.jar taper-plan set p --step"
          + " DATE,MEDICATION,DOSE",
      "404|{\"error\":\"the admin API is off\",\"code\":\"admin_api_off\"}|the admin API is off in"
          + " Steady at http://steady.test:8080 (404); start the app with STEADY_ADMIN_TOKEN set",
      "400|{\"error\":\"step 2: \\\"start\\\" must be a date like 2026-12-01\"}|Steady refused the"
          + " plan in plan.json (400): step 2: \"start\" must be a date like 2026-12-01",
      "500|{\"error\":\"boom\"}|Steady at http://steady.test:8080 answered 500: boom",
      "404|<html>Not Found</html>|Steady at http://steady.test:8080 answered 404 without saying"
          + " why; is it Steady's address?"})
  void eachRefusalBecomesOneSentence(int status, String body, String sentence) {
    assertThatThrownBy(() -> TaperPlanCli.ok(reply(status, body), API, "p", "plan.json"))
        .isInstanceOf(TaperPlanCli.Failure.class).hasMessage(sentence);
  }

  @Test
  void aPlanIsATableOfTheStepsAsWritten() {
    JsonNode plan = AdminApi.JSON.readTree("{\"patientId\":\"telegram:1\",\"prescriber\":"
        + "\"Dr A. Example\",\"enteredBy\":null,\"steps\":["
        + "{\"start\":\"2026-12-01\",\"medication\":\"diazepam\",\"dose\":\"9 mg a day (5 + 4)\"},"
        + "{\"start\":\"2026-12-15\",\"medication\":\"oxazepam\",\"dose\":\"8 mg\\u001b[2J\","
        + "\"note\":\"with food\"}]}");

    String text = TaperPlanTables.plan("Taper plan for", plan);

    assertThat(text).isEqualTo(String.join("\n",
        "Taper plan for telegram:1",
        "Prescriber: Dr A. Example",
        "Entered by: (not given)",
        "",
        "START       MEDICATION  DOSE (AS WRITTEN)   NOTE",
        "2026-12-01  diazepam    9 mg a day (5 + 4)",
        "2026-12-15  oxazepam    8 mg\\u001b[2J       with food",
        ""));
  }

  @Test
  void patientsAreListedWithoutTheirNames() {
    JsonNode list = AdminApi.JSON.readTree("[{\"id\":\"telegram:42\",\"name\":\"Ana Private\","
        + "\"channel\":\"telegram\",\"locale\":\"es\",\"zone\":\"Europe/Madrid\","
        + "\"unreachable\":true,\"unreachableSince\":\"2026-12-02T08:00:31Z\",\"stopped\":false,"
        + "\"createdAt\":\"2026-11-20T09:12:00Z\"}]");

    String text = TaperPlanTables.patients(list, true);

    assertThat(text).doesNotContain("Ana").isEqualTo(String.join("\n",
        "ID           CHANNEL   LOCALE  ZONE           CREATED               STATUS",
        "telegram:42  telegram  es      Europe/Madrid  2026-11-20 09:12 UTC  unreachable since"
            + " 2026-12-02 08:00 UTC",
        "1 unreachable patient, newest first.",
        ""));
    assertThat(TaperPlanTables.patients(AdminApi.JSON.readTree("[]"), false))
        .isEqualTo("No patients yet.\n");
  }

  @Test
  void encodesThePatientIdAsOnePathSegment() {
    assertThat(AdminApi.planPath("telegram:123")).isEqualTo(
        "/api/admin/patients/telegram:123/taper-plan");
    assertThat(AdminApi.planPath("a/b?c é")).isEqualTo(
        "/api/admin/patients/a%2Fb%3Fc%20%C3%A9/taper-plan");
  }

  @Test
  void theCommandLineNeedsNoSpring() throws IOException {
    List<String> bad = new ArrayList<>();
    for (String name : List.of("TaperPlanCli", "TaperPlanArgs", "AdminApi", "TaperPlanTables")) {
      try (Stream<String> lines = Files.lines(Path.of("src/main/java/org/steady/schedule",
          name + ".java"))) {
        lines.filter(l -> l.startsWith("import ") && l.contains("springframework"))
            .forEach(l -> bad.add(name + ": " + l));
      }
    }
    assertThat(bad).isEmpty();
  }

  private static AdminApi.Reply reply(int status, String body) {
    JsonNode json;
    try {
      json = AdminApi.JSON.readTree(body);
    } catch (RuntimeException notJson) {
      json = MissingNode.getInstance();
    }
    return new AdminApi.Reply(status, json);
  }
}
