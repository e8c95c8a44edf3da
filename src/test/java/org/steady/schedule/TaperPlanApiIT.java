package org.steady.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.steady.app.EchoEngineConfig;
import org.steady.app.LocalChatClient;
import org.steady.app.SteadyApplication;

/** The taper-plan admin API in the whole app, behind the admin token. */
@SpringBootTest(classes = SteadyApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"steady.data-dir=${java.io.tmpdir}/steady-it-${random.uuid}",
        "steady.conversations-dir=src/test/resources/testdata/valid",
        "steady.admin-token=test-admin-token"})
@Import(EchoEngineConfig.class)
class TaperPlanApiIT {
  private static final String PLAN = "{\"prescriber\":\"Dr Example\",\"steps\":["
      + "{\"start\":\"2030-01-15\",\"medication\":\"diazepam\",\"dose\":\"8 mg a day\"},"
      + "{\"start\":\"2030-01-01\",\"medication\":\"diazepam\",\"dose\":\"9 mg a day (5 + 4)\"}]}";

  @LocalServerPort int port;
  @Autowired MongoDatabase db;
  private final HttpClient http = HttpClient.newHttpClient();

  private HttpResponse<String> call(String method, String path, String token, String body)
      throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .header("Content-Type", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void staffStoreAndReadAPlanInThePrescribersWords() throws Exception {
    String id = "local:" + new LocalChatClient(port).createPatient("{\"start\":false}");
    String path = "/api/admin/patients/" + id + "/taper-plan";

    assertThat(call("PUT", path, null, PLAN).statusCode()).isEqualTo(401);
    // the servlet container routes these to the admin API too: they must not slip past the token
    for (String disguised : new String[] {path.replace("/api/admin/", "/api/admin;x/"),
        path.replace("/api/admin/", "/api/%61dmin/"), "/" + path}) {
      assertThat(call("PUT", disguised, null, PLAN).statusCode()).as(disguised).isEqualTo(401);
      assertThat(call("GET", disguised, null, null).statusCode()).as(disguised).isEqualTo(401);
    }
    assertThat(call("PUT", path, "wrong", PLAN).statusCode()).isEqualTo(401);
    HttpResponse<String> put = call("PUT", path, "test-admin-token", PLAN);
    assertThat(put.statusCode()).isEqualTo(200);
    HttpResponse<String> get = call("GET", path, "test-admin-token", null);
    assertThat(get.statusCode()).isEqualTo(200);
    assertThat(get.body()).contains("9 mg a day (5 + 4)", "Dr Example");
    assertThat(get.body().indexOf("2030-01-01")).isLessThan(get.body().indexOf("2030-01-15"));
    Document schedule = db.getCollection("schedules").find(Filters.eq("_id", id)).first();
    assertThat(schedule.getList("watchStarts", String.class))
        .containsExactly("2030-01-01", "2030-01-15");
  }

  @Test
  void badPlansAndUnknownPatientsGetClearErrors() throws Exception {
    String id = "local:" + new LocalChatClient(port).createPatient("{\"start\":false}");
    String path = "/api/admin/patients/" + id + "/taper-plan";
    HttpResponse<String> bad = call("PUT", path, "test-admin-token",
        "{\"steps\":[{\"start\":\"soon\",\"medication\":\"x\",\"dose\":\"y\"}]}");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("\"error\"", "step 1", "start");
    HttpResponse<String> notJson = call("PUT", path, "test-admin-token", "{steps:");
    assertThat(notJson.statusCode()).isEqualTo(400);
    assertThat(notJson.body()).contains("\"error\"");
    String nobody = "/api/admin/patients/local:nobody/taper-plan";
    HttpResponse<String> unknown = call("PUT", nobody, "test-admin-token", PLAN);
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.body()).contains("\"code\":\"unknown_patient\"");
    HttpResponse<String> unknownGet = call("GET", nobody, "test-admin-token", null);
    assertThat(unknownGet.statusCode()).isEqualTo(404);
    assertThat(unknownGet.body()).contains("no patient with id local:nobody", "unknown_patient");
    HttpResponse<String> none = call("GET", path, "test-admin-token", null);
    assertThat(none.statusCode()).isEqualTo(404);
    assertThat(none.body()).contains("no taper plan", "\"code\":\"no_taper_plan\"");
  }
}
