package org.steady.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.steady.app.EchoEngineConfig;
import org.steady.app.LocalChatClient;
import org.steady.app.SteadyApplication;
import org.steady.store.Patients;

/** The taper-plan command line against the whole app in this JVM, over real HTTP. */
@SpringBootTest(classes = SteadyApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"steady.data-dir=${java.io.tmpdir}/steady-it-${random.uuid}",
        "steady.conversations-dir=src/test/resources/testdata/valid",
        "steady.admin-token=cli-admin-token"})
@Import(EchoEngineConfig.class)
class TaperPlanCliIT {
  @LocalServerPort int port;
  @Autowired TaperPlans plans;
  @Autowired Patients patients;
  @TempDir Path tmp;

  private String url() {
    return "http://127.0.0.1:" + port;
  }

  private Map<String, String> env() {
    return Map.of("STEADY_ADMIN_TOKEN", "cli-admin-token", "STEADY_URL", url());
  }

  private String newPatient(String name) {
    return new LocalChatClient(port).createPatient(
        "{\"name\":\"" + name + "\",\"start\":false}");
  }

  @Test
  void staffSetAPlanStepByStepAndShowIt() {
    String id = "local:" + newPatient("Ana");

    TaperPlanRun set = TaperPlanRun.run(env(), "set", id, "--prescriber", "Dr A. Example",
        "--entered-by", "nurse B", "--step", "2030-01-15,diazepam,8 mg a day",
        "--step", "2030-01-01,diazepam,9 mg a day, split 5 + 4");
    TaperPlanRun show = TaperPlanRun.run(Map.of("STEADY_ADMIN_TOKEN", "cli-admin-token"),
        "show", id, "--url", url());

    assertThat(set.code()).as(set.err()).isZero();
    assertThat(show.code()).as(show.err()).isZero();
    assertThat(set.out())
        .isEqualTo(show.out().replace("Taper plan for", "Stored the taper plan for"));
    assertThat(show.out()).isEqualTo(String.join("\n",
        "Taper plan for " + id,
        "Prescriber: Dr A. Example",
        "Entered by: nurse B",
        "",
        "START       MEDICATION  DOSE (AS WRITTEN)",
        "2030-01-01  diazepam    9 mg a day, split 5 + 4",
        "2030-01-15  diazepam    8 mg a day",
        ""));
    TaperPlan stored = plans.find(id).orElseThrow();
    assertThat(stored.steps()).extracting(TaperPlan.Step::dose)
        .containsExactly("9 mg a day, split 5 + 4", "8 mg a day");
  }

  @Test
  void staffSetAPlanFromAFileAndTheApiJudgesIt() throws Exception {
    String id = "local:" + newPatient("Ben");
    Path good = Files.writeString(tmp.resolve("plan.json"), "{\"prescriber\":\"Dr Example\","
        + "\"steps\":[{\"start\":\"2030-02-01\",\"medication\":\"oxazepam\",\"dose\":\"10 mg\","
        + "\"note\":\"at night\"}]}");
    Path bad = Files.writeString(tmp.resolve("bad.json"),
        "{\"steps\":[{\"start\":\"soon\",\"medication\":\"x\",\"dose\":\"y\"}]}");

    TaperPlanRun set = TaperPlanRun.run(env(), "set", id, "--file", good.toString());
    TaperPlanRun refused = TaperPlanRun.run(env(), "set", id, "--file", bad.toString());

    assertThat(set.code()).as(set.err()).isZero();
    assertThat(set.out()).contains("Prescriber: Dr Example", "Entered by: (not given)",
        "2030-02-01  oxazepam    10 mg              at night");
    assertThat(refused.code()).isEqualTo(1);
    assertThat(refused.sentence()).isEqualTo("Steady refused the plan in " + bad
        + " (400): step 1: \"start\" must be a date like 2026-12-01");
    assertThat(plans.find(id).orElseThrow().steps()).extracting(TaperPlan.Step::medication)
        .containsExactly("oxazepam");
  }

  @Test
  void staffListPatientsWithoutTheirNames() {
    String reachable = newPatient("Carla Privatename");
    String blocked = newPatient("Dora Privatename");
    patients.setUnreachable("local", blocked, true);

    TaperPlanRun all = TaperPlanRun.run(env(), "patients");
    TaperPlanRun unreachable = TaperPlanRun.run(env(), "patients", "--unreachable");

    assertThat(all.code()).as(all.err()).isZero();
    assertThat(all.out()).startsWith("ID ").contains("local:" + reachable, "local:" + blocked)
        .doesNotContain("Privatename");
    assertThat(unreachable.out()).contains("local:" + blocked, "unreachable since ")
        .doesNotContain("local:" + reachable).endsWith("1 unreachable patient, newest first.\n");
  }

  @Test
  void refusalsAreOneSentenceEach() {
    String id = "local:" + newPatient("Eva");
    Map<String, String> wrongToken = Map.of("STEADY_ADMIN_TOKEN", "not-it", "STEADY_URL", url());

    TaperPlanRun denied = TaperPlanRun.run(wrongToken, "show", id);
    TaperPlanRun unknown = TaperPlanRun.run(env(), "set", "local:nobody",
        "--step", "2030-01-01,diazepam,9 mg");
    TaperPlanRun unknownShow = TaperPlanRun.run(env(), "show", "local:nobody");
    TaperPlanRun noPlan = TaperPlanRun.run(env(), "show", id);
    TaperPlanRun noToken = TaperPlanRun.run(Map.of("STEADY_URL", url()), "show", id);

    assertThat(denied.code()).isEqualTo(1);
    assertThat(denied.sentence()).isEqualTo("Steady at " + url() + " refused the admin token"
        + " (401); set STEADY_ADMIN_TOKEN to the token the app was started with");
    assertThat(unknown.code()).isEqualTo(1);
    assertThat(unknown.sentence()).isEqualTo("there is no patient with id local:nobody (404);"
        + " list patients with: java -jar steady.jar taper-plan patients");
    assertThat(unknownShow.sentence()).isEqualTo(unknown.sentence());
    assertThat(noPlan.sentence()).startsWith("patient " + id + " has no taper plan yet (404)");
    assertThat(noToken.code()).isEqualTo(1);
    assertThat(noToken.sentence()).startsWith("set STEADY_ADMIN_TOKEN to the app's admin token");
    for (TaperPlanRun r : new TaperPlanRun[] {denied, unknown, unknownShow, noPlan, noToken}) {
      assertThat(r.err().lines()).hasSize(1);
      assertThat(r.out()).isEmpty();
    }
    assertThat(plans.find("local:nobody")).isEmpty();
  }
}
