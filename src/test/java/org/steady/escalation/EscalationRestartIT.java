package org.steady.escalation;

import org.steady.testing.Await;
import org.steady.testing.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.steady.app.EchoEngineConfig;
import org.steady.app.SteadyApplication;
import org.steady.care.CareContact;
import org.steady.care.CareContacts;
import org.steady.chat.ChannelSender;
import org.steady.chat.PatientRef;
import org.steady.engine.Effect;
import org.steady.engine.Severity;
import org.steady.store.Patients;

/**
 * The whole app over an embedded store in a temp dir: an urgent escalation queues crisis
 * resources and the first alert in the real outbox; after a restart over the same data dir the
 * re-escalation tick alerts the second contact, then the staff chat; staff read the timeline
 * through the admin API with the token. An alert whose channel fails is retried across a
 * restart until it is sent.
 */
class EscalationRestartIT {
  static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));
  static final String TOKEN = "test-admin-token-0123456789";

  @TempDir Path tmp;

  @TestConfiguration(proxyBeanMethods = false)
  static class TestClock {
    @Bean
    @Primary
    Clock testClock() {
      return CLOCK;
    }

    /** A channel whose first deliveries fail as a Bot API outage would. */
    @Bean
    ChannelSender flakySender() {
      return new ChannelSender() {
        @Override
        public String channel() {
          return "flaky";
        }

        @Override
        public Result deliver(Outgoing message) {
          return FAILURES_LEFT.getAndDecrement() > 0
              ? Result.retry(null, "simulated 502 Bad Gateway") : Result.sent(message.id());
        }
      };
    }
  }

  static final java.util.concurrent.atomic.AtomicInteger FAILURES_LEFT =
      new java.util.concurrent.atomic.AtomicInteger();

  @Test
  void alertSurvivesDeliveryFailuresAndARestart() throws Exception {
    String id = "local:f1:0";
    FAILURES_LEFT.set(2);
    try (ConfigurableApplicationContext app = start()) {
      app.getBean(Patients.class).findOrCreate("local", "pf", "Bo", "en");
      CareContacts contacts = app.getBean(CareContacts.class);
      contacts.createPending("kf", "local:pf", "flaky", "cf", "Flaky contact");
      contacts.setRole("kf", CareContact.Role.PEER);
      contacts.approve("kf", "local:pf");
      app.getBean(EscalationService.class).handle(new PatientRef("local:pf", "local", "pf", "en"),
          new Effect.RaiseEscalation(Severity.URGENT, "Safety answer", "red_flag:self_harm",
              Map.of(), null), id);
      MongoDatabase db = app.getBean(MongoDatabase.class);
      awaitField(db, "alert:" + id + ":0", "attempts", 1);
    }
    CLOCK.advance(Duration.ofMinutes(1));
    try (ConfigurableApplicationContext app = start()) {
      MongoDatabase db = app.getBean(MongoDatabase.class);
      awaitField(db, "alert:" + id + ":0", "attempts", 2);
      CLOCK.advance(Duration.ofMinutes(1));
      Document sent = awaitStatus(db, "alert:" + id + ":0", "sent");
      assertThat(sent.getString("chatId")).isEqualTo("cf");
      assertThat(sent.getInteger("attempts")).isEqualTo(2);
    }
  }

  private static void awaitField(MongoDatabase db, String id, String field, int atLeast) {
    Await.until(id + " reaches " + field + " " + atLeast, Duration.ofSeconds(20), () -> {
      Document d = outbox(db, id);
      return d != null && d.getInteger(field, 0) >= atLeast;
    });
  }

  private static Document awaitStatus(MongoDatabase db, String id, String status) {
    return Await.value(id + " is " + status, Duration.ofSeconds(20), () -> {
      Document d = outbox(db, id);
      return d != null && status.equals(d.getString("status")) ? d : null;
    });
  }

  @Test
  void reEscalationContinuesAfterRestartAndStaffSeeTheTimeline() throws Exception {
    String id = "local:e1:0";
    try (ConfigurableApplicationContext app = start()) {
      Patients patients = app.getBean(Patients.class);
      patients.findOrCreate("local", "p1", "Ana", "en");
      patients.updateProfile("local:p1", "timezone", "America/New_York");
      CareContacts contacts = app.getBean(CareContacts.class);
      link(contacts, "k1", "c1");
      link(contacts, "k2", "c2");
      app.getBean(EscalationService.class).handle(new PatientRef("local:p1", "local", "p1", "en"),
          new Effect.RaiseEscalation(Severity.URGENT, "Safety answer: thoughts of self-harm",
              "red_flag:self_harm", Map.of(), null), id);
      MongoDatabase db = app.getBean(MongoDatabase.class);
      assertThat(outbox(db, "crisis:" + id).getString("text")).contains("988");
      assertThat(outbox(db, "crisis:" + id).getBoolean("urgent")).isTrue();
      assertThat(await(db, "alert:" + id + ":0").getString("chatId")).isEqualTo("c1");
      assertThat(outbox(db, "alert:" + id + ":1")).isNull();
    }
    CLOCK.advance(Duration.ofMinutes(15));
    try (ConfigurableApplicationContext app = start()) {
      MongoDatabase db = app.getBean(MongoDatabase.class);
      Document second = await(db, "alert:" + id + ":1");
      assertThat(second.getString("chatId")).isEqualTo("c2");
      CLOCK.advance(Duration.ofMinutes(15));
      assertThat(await(db, "alert:" + id + ":2").getString("chatId")).isEqualTo("staff-room");

      int port = ((WebServerApplicationContext) app).getWebServer().getPort();
      HttpClient http = HttpClient.newHttpClient();
      HttpResponse<String> open = http.send(get(port, "/api/admin/escalations?status=open", TOKEN),
          HttpResponse.BodyHandlers.ofString());
      assertThat(open.statusCode()).isEqualTo(200);
      assertThat(open.body()).contains(id).contains("re_escalated");
      HttpResponse<String> one = http.send(get(port, "/api/admin/escalations/" + id, TOKEN),
          HttpResponse.BodyHandlers.ofString());
      assertThat(one.body()).contains("crisis_queued").contains("alert_queued")
          .contains("deliveries").contains("\"outboxId\":\"alert:" + id + ":1\"");
      assertThat(http.send(get(port, "/api/admin/escalations/" + id, "wrong"),
          HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
      assertThat(http.send(get(port, "/api/admin/escalations?status=bogus", TOKEN),
          HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(400);
    }
  }

  private static void link(CareContacts contacts, String id, String chat) {
    contacts.createPending(id, "local:p1", "local", chat, "Contact " + chat);
    contacts.setRole(id, CareContact.Role.FAMILY);
    contacts.approve(id, "local:p1");
  }

  private static HttpRequest get(int port, String path, String token) {
    return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Authorization", "Bearer " + token).GET().build();
  }

  private static Document outbox(MongoDatabase db, String id) {
    // alerts are urgent: they are kept in the outbox's priority lane
    for (String c : java.util.List.of("outbox_urgent", "outbox")) {
      Document d = db.getCollection(c).find(new Document("_id", id)).first();
      if (d != null) {
        return d;
      }
    }
    return null;
  }

  private static Document await(MongoDatabase db, String id) {
    return Await.value("an outbox entry " + id, Duration.ofSeconds(20), () -> outbox(db, id));
  }

  private ConfigurableApplicationContext start() {
    return new SpringApplicationBuilder(SteadyApplication.class, EchoEngineConfig.class,
        TestClock.class).run("--server.port=0", "--steady.data-dir=" + tmp.resolve("data"),
            "--steady.conversations-dir=src/test/resources/testdata/valid",
            "--steady.admin-token=" + TOKEN, "--steady.escalation.tick=100ms",
            "--steady.escalation.staff-chat.channel=local",
            "--steady.escalation.staff-chat.chat-id=staff-room");
  }
}
