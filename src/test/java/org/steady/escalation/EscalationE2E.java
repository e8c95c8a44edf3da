package org.steady.escalation;

import org.steady.testing.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.steady.app.LocalChatClient;
import org.steady.app.SteadyApplication;
import tools.jackson.databind.JsonNode;

/**
 * The whole app with the shipped conversations, driven through the local chat API by three local
 * chats: a patient and two care contacts. The patient links both with invite codes, then writes a
 * message about self-harm in the middle of onboarding; they get crisis resources within a second,
 * the first contact gets an alert with buttons, and after 15 minutes without acknowledgement the
 * second contact does. The second contact acknowledges and the first is told.
 */
class EscalationE2E {
  static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));

  @TempDir Path tmp;

  @TestConfiguration(proxyBeanMethods = false)
  static class Wiring {
    // the app's own engine (ScriptEngine over the live catalog) runs the shipped scripts
    @Bean
    @Primary
    Clock testClock() {
      return CLOCK;
    }
  }

  @Test
  void selfHarmMessageGivesCrisisResourcesAndAlertsContactsInOrder() {
    try (ConfigurableApplicationContext app = new SpringApplicationBuilder(
        SteadyApplication.class, Wiring.class).run("--server.port=0",
            "--steady.data-dir=" + tmp.resolve("data"), "--steady.conversations-dir=conversations",
            "--steady.escalation.tick=100ms")) {
      LocalChatClient chat = new LocalChatClient(
          ((WebServerApplicationContext) app).getWebServer().getPort());
      String patient = chat.createPatient("{\"name\":\"Ana\",\"locale\":\"en\"}");
      String first = chat.createPatient("{\"name\":\"Cara\",\"start\":false}");
      String second = chat.createPatient("{\"name\":\"Dan\",\"start\":false}");
      chat.awaitMessage(patient, m -> m.get("direction").asString().equals("out"));
      link(chat, patient, first, "clinician");
      link(chat, patient, second, "family");

      long t0 = System.nanoTime();
      chat.say(patient, "honestly I want to kill myself");
      JsonNode crisis = chat.awaitMessage(patient, m -> text(m).contains("local emergency")
          || text(m).contains("988"));
      long crisisMs = Duration.ofNanos(System.nanoTime() - t0).toMillis();
      System.out.println("E2E: self-harm message -> crisis resources shown in " + crisisMs + " ms");
      assertThat(crisis.get("direction").asString()).isEqualTo("out");

      JsonNode alert = chat.awaitMessage(first, m -> text(m).startsWith("Steady alert"));
      assertThat(text(alert)).contains("Ana").contains("urgent");
      assertThat(alert.get("buttons").get(0)).hasSize(2);
      assertThat(chat.messages(second)).noneMatch(m -> text(m).startsWith("Steady alert"));

      CLOCK.advance(Duration.ofMinutes(15));
      JsonNode again = chat.awaitMessage(second, m -> text(m).startsWith("Steady alert"));
      assertThat(text(again)).contains("earlier contact has not acknowledged");

      chat.press(second, data(again, 0));
      chat.awaitMessage(second, m -> text(m).contains("acknowledgement is recorded"));
      chat.awaitMessage(first, m -> text(m).contains("Dan (family member) has acknowledged"));
    }
  }

  /**
   * The issue's own case: the daily check-in's direct safety question answered "Yes" with the
   * button. Crisis resources reach the patient, the first contact is alerted with buttons, and
   * with no acknowledgement the second contact is alerted after the configured 15 minutes.
   */
  @Test
  void safetyQuestionAnsweredYesGivesCrisisResourcesAndReEscalatesWithoutAck() {
    try (ConfigurableApplicationContext app = new SpringApplicationBuilder(
        SteadyApplication.class, Wiring.class).run("--server.port=0",
            "--steady.data-dir=" + tmp.resolve("data2"), "--steady.conversations-dir=conversations",
            "--steady.escalation.tick=100ms")) {
      LocalChatClient chat = new LocalChatClient(
          ((WebServerApplicationContext) app).getWebServer().getPort());
      String patient = chat.createPatient("{\"name\":\"Ana\",\"locale\":\"en\",\"start\":false}");
      String first = chat.createPatient("{\"name\":\"Cara\",\"start\":false}");
      String second = chat.createPatient("{\"name\":\"Dan\",\"start\":false}");
      link(chat, patient, first, "clinician");
      link(chat, patient, second, "peer");

      chat.say(patient, "/checkin");
      // typed answers, as a patient may type instead of pressing (docs/examples/daily-checkin.inputs)
      for (String answer : new String[] {"6", "Poorly", "7", "Shaking or trembling, Headache",
          "Moderate", "Severe", "Some", "Yes"}) {
        chat.say(patient, answer);
      }
      JsonNode safety = chat.awaitMessage(patient, m -> text(m).contains("thoughts of harming"));
      String yes = null;
      for (JsonNode row : safety.get("buttons")) {
        for (JsonNode b : row) {
          if (b.get("label").asString().equals("Yes")) {
            yes = b.get("data").asString();
          }
        }
      }
      assertThat(yes).as("the safety question offers a Yes button").isNotNull();
      long t0 = System.nanoTime();
      chat.press(patient, yes);
      chat.awaitMessage(patient, m -> text(m).contains("local emergency") || text(m).contains("988"));
      System.out.println("E2E: safety question Yes -> crisis resources shown in "
          + Duration.ofNanos(System.nanoTime() - t0).toMillis() + " ms");
      JsonNode alert = chat.awaitMessage(first, m -> text(m).startsWith("Steady alert"));
      assertThat(text(alert)).contains("Ana").contains("urgent").contains("self-harm");
      assertThat(alert.get("buttons").get(0)).hasSize(2);
      assertThat(chat.messages(second)).noneMatch(m -> text(m).startsWith("Steady alert"));

      CLOCK.advance(Duration.ofMinutes(15));
      JsonNode again = chat.awaitMessage(second, m -> text(m).startsWith("Steady alert"));
      assertThat(text(again)).contains("earlier contact has not acknowledged");
    }
  }

  private static void link(LocalChatClient chat, String patient, String contact, String role) {
    int before = invites(chat, patient).size();
    chat.say(patient, "/invite");
    chat.awaitMessage(patient, m -> invites(chat, patient).size() > before);
    java.util.List<JsonNode> all = invites(chat, patient);
    Matcher code = Pattern.compile("/link ([A-Z0-9]{10})").matcher(text(all.get(all.size() - 1)));
    assertThat(code.find()).isTrue();
    chat.say(contact, "/link " + code.group(1));
    JsonNode ask = chat.awaitMessage(contact, m -> text(m).contains("How do you support"));
    String roleData = null;
    for (JsonNode row : ask.get("buttons")) {
      if (row.get(0).get("data").asString().endsWith(":" + role)) {
        roleData = row.get(0).get("data").asString();
      }
    }
    chat.press(contact, roleData);
    String contactId = contactIdOf(roleData);
    JsonNode approve = chat.awaitMessage(patient, m -> text(m).contains("used your invite")
        && m.get("buttons").size() > 0 && data(m, 0).contains(contactId));
    chat.press(patient, data(approve, 0));
    chat.awaitMessage(contact, m -> text(m).contains("You are now a care contact for Ana"));
  }

  private static java.util.List<JsonNode> invites(LocalChatClient chat, String patient) {
    java.util.List<JsonNode> out = new java.util.ArrayList<>();
    for (JsonNode m : chat.messages(patient)) {
      if (m.get("direction").asString().equals("out") && text(m).contains("one-time code")) {
        out.add(m);
      }
    }
    return out;
  }

  private static String contactIdOf(String roleData) {
    return roleData.split(":")[1];
  }

  private static String data(JsonNode m, int index) {
    return m.get("buttons").get(0).get(index).get("data").asString();
  }

  private static String text(JsonNode m) {
    return m.get("text") == null || m.get("text").isNull() ? "" : m.get("text").asString();
  }
}
