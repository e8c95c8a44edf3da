package org.steady.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.model.Filters;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
import org.steady.store.InboxStore;
import org.steady.store.OutboxEntries;
import org.steady.testing.Await;
import org.steady.testing.MutableClock;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The schedules issue's "done when", end to end: the whole app with the shipped conversations in
 * local mode. Anna (Europe/Berlin) and Ben (America/New_York) set up 08:00 check-ins through
 * onboarding; the clock walks in 30-minute steps over the days around the US change (8 March
 * 2026) and, after a jump, the EU change (29 March). The ticker's own schedule is an hour of real
 * time, so it never runs by itself: the test ticks it after every step and waits until the inbox
 * and outbox are drained, so each message's {@code at} is the simulated time it was sent.
 *
 * <p>Every check-in day each patient gets exactly one check-in at 08:00 local, the reminder at
 * 10:00 (the script's {@code wait.after: PT2H}) and the give-up at 12:00, unless they answered.
 * Ben answers on 7 March, so his run of missed days starts again and the concern escalation
 * comes after the third missed day after it (10 March), not on 8 March.
 */
class DailyCheckinDstE2E {
  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-03-06T00:00:00Z"));
  static final String ADMIN_TOKEN = "dst-e2e-admin-token";
  static final Duration STEP = Duration.ofMinutes(30);

  static final String CHECKIN = "it's time for today's check-in";
  static final String REMINDER = "Just checking in - no rush.";
  static final String GAVE_UP = "No need to reply now. I'll check in again tomorrow";

  @TempDir Path tmp;

  private LocalChatClient chat;
  private ScheduleTicker ticker;
  private InboxStore inbox;
  private OutboxEntries outbox;

  @TestConfiguration(proxyBeanMethods = false)
  static class Wiring {
    @Bean
    @Primary
    Clock testClock() {
      return CLOCK;
    }
  }

  @Test
  void berlinAndNewYorkGetOneCheckInAtEightLocalAcrossTheirDstChangesWithRemindersAndMissedDays() {
    long t0 = System.nanoTime();
    try (ConfigurableApplicationContext app = new SpringApplicationBuilder(
        SteadyApplication.class, Wiring.class).run("--server.port=0",
            "--steady.data-dir=" + tmp.resolve("data"), "--steady.conversations-dir=conversations",
            "--steady.schedule.tick=1h", "--steady.schedule.missed-days-escalation=3",
            "--steady.admin-token=" + ADMIN_TOKEN)) {
      int port = ((WebServerApplicationContext) app).getWebServer().getPort();
      chat = new LocalChatClient(port);
      ticker = app.getBean(ScheduleTicker.class);
      inbox = app.getBean(InboxStore.class);
      outbox = app.getBean(OutboxEntries.class);

      String anna = onboard("Anna", "Berlin", "Europe/Berlin");
      String ben = onboard("Ben", "New York", "America/New_York");

      // Ben's DST change (Sunday 8 March); he answers on 7 March, misses 6 and 8-10 March
      walkTo(Instant.parse("2026-03-07T13:00:00Z"));
      answerCheckin(ben);
      walkTo(Instant.parse("2026-03-11T00:00:00Z"));
      List<String> annaDays = new ArrayList<>(List.of("2026-03-06", "2026-03-07", "2026-03-08",
          "2026-03-09", "2026-03-10"));
      List<String> benMissed = new ArrayList<>(List.of("2026-03-06", "2026-03-08", "2026-03-09",
          "2026-03-10"));
      assertDays(ben, NEW_YORK, benMissed, List.of("2026-03-07"));
      assertDays(anna, BERLIN, annaDays, List.of());
      assertThat(missedDayEscalations(port, ben)).as("Ben's missed-day escalations")
          .containsExactly("missed:local:" + ben + ":2026-03-10@2026-03-10T16:00:00Z");
      assertThat(missedDayEscalations(port, anna)).as("Anna's missed-day escalations")
          .containsExactly("missed:local:" + anna + ":2026-03-08@2026-03-08T11:00:00Z");

      // down until 05:00 in Berlin on 27 March (midnight in New York): nothing is caught up;
      // then Anna's DST change (Sunday 29 March)
      CLOCK.set(Instant.parse("2026-03-27T04:00:00Z"));
      tickAndSettle();
      walkTo(Instant.parse("2026-03-31T00:00:00Z"));
      List<String> after = List.of("2026-03-27", "2026-03-28", "2026-03-29", "2026-03-30");
      annaDays.addAll(after);
      benMissed.addAll(after);
      assertDays(anna, BERLIN, annaDays, List.of());
      assertDays(ben, NEW_YORK, benMissed, List.of("2026-03-07"));
      assertThat(inbox.count(InboxStore.FAILED)).as("inbox events that failed").isZero();
    }
    System.out.println("E2E: DST walk took "
        + Duration.ofNanos(System.nanoTime() - t0).toMillis() + " ms");
  }

  /** Onboarding as a patient does it, answering the zone and time questions by typing. */
  private String onboard(String name, String place, String zoneId) {
    String id = chat.createPatient("{\"name\":\"" + name + "\",\"locale\":\"en\"}");
    chat.press(id, button(chat.awaitMessage(id, m -> text(m).contains("happy to go ahead")),
        "I agree"));
    chat.awaitMessage(id, m -> text(m).contains("What would you like me to call you"));
    chat.say(id, name);
    chat.press(id, button(chat.awaitMessage(id, m -> text(m).contains("Which language")),
        "English"));
    chat.awaitMessage(id, m -> text(m).contains("Where are you"));
    chat.say(id, place);
    chat.awaitMessage(id, m -> text(m).contains("What time of day"));
    chat.say(id, "08:00");
    chat.awaitMessage(id, m -> text(m).contains("every day at 08:00 (" + zoneId + ")"));
    settle();
    return id;
  }

  /** Today's check-in answered by typing, the way a patient may instead of pressing. */
  private void answerCheckin(String patient) {
    chat.awaitMessage(patient, m -> text(m).contains("How is your mood today"));
    for (String answer : new String[] {"7", "Well", "2", "None of these", "No", "Yes", "No",
        "Not now"}) {
      chat.say(patient, answer);
    }
    chat.awaitMessage(patient, m -> text(m).contains("Thank you for checking in"));
    settle();
  }

  private void walkTo(Instant end) {
    while (CLOCK.instant().isBefore(end)) {
      CLOCK.advance(STEP);
      tickAndSettle();
    }
  }

  private void tickAndSettle() {
    ticker.tick();
    settle();
  }

  /**
   * Waits until everything the tick started has been processed and delivered, so the next clock
   * move cannot change the time a message is stamped with. The inbox entry is marked processed
   * only after its outbox entries are written, hence the order of the two checks.
   */
  private void settle() {
    Await.until("inbox processed and outbox delivered at " + CLOCK.instant(),
        () -> inbox.count(InboxStore.NEW) == 0
            && outbox.count(Filters.eq("status", OutboxEntries.PENDING)) == 0);
  }

  /** Local date → local times of the patient's outgoing messages containing {@code marker}. */
  private Map<String, List<String>> timesOf(String patient, ZoneId zone, String marker) {
    Map<String, List<String>> out = new TreeMap<>();
    for (JsonNode m : chat.messages(patient)) {
      if (m.get("direction").asString().equals("out") && text(m).contains(marker)) {
        ZonedDateTime at = Instant.parse(m.get("at").asString()).atZone(zone);
        out.computeIfAbsent(at.toLocalDate().toString(), d -> new ArrayList<>())
            .add(at.toLocalTime().toString());
      }
    }
    return out;
  }

  /**
   * One check-in at 08:00 local on each of {@code missed} and {@code answered} (and on no other
   * day), and on each missed day the reminder at 10:00 and the give-up at 12:00.
   */
  private void assertDays(String patient, ZoneId zone, List<String> missed,
      List<String> answered) {
    List<String> all = new ArrayList<>(missed);
    all.addAll(answered);
    assertThat(timesOf(patient, zone, CHECKIN)).as("check-ins").isEqualTo(at(all, "08:00"));
    assertThat(timesOf(patient, zone, REMINDER)).as("reminders").isEqualTo(at(missed, "10:00"));
    assertThat(timesOf(patient, zone, GAVE_UP)).as("give-ups").isEqualTo(at(missed, "12:00"));
  }

  private static Map<String, List<String>> at(List<String> dates, String time) {
    Map<String, List<String>> out = new TreeMap<>();
    for (String d : dates) {
      out.put(d, List.of(time));
    }
    return out;
  }

  /** The patient's missed-day escalations from the admin API, as {@code id@raisedAt}. */
  private static List<String> missedDayEscalations(int port, String patient) {
    HttpRequest get = HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + port + "/api/admin/escalations"))
        .header("Authorization", "Bearer " + ADMIN_TOKEN).GET().build();
    try {
      HttpResponse<String> r = HttpClient.newHttpClient().send(get,
          HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).isEqualTo(200);
      List<String> out = new ArrayList<>();
      for (JsonNode e : JsonMapper.builder().build().readTree(r.body())) {
        if (e.get("rule").asString().equals("schedule:missed_days")
            && e.get("patientId").asString().endsWith(patient)) {
          assertThat(e.get("severity").asString()).isEqualTo("concern");
          out.add(e.get("id").asString() + "@" + e.get("raisedAt").asString());
        }
      }
      return out;
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String button(JsonNode message, String label) {
    for (JsonNode row : message.get("buttons")) {
      for (JsonNode b : row) {
        if (b.get("label").asString().equals(label)) {
          return b.get("data").asString();
        }
      }
    }
    throw new AssertionError("no button '" + label + "' in " + message);
  }

  private static String text(JsonNode m) {
    return m.get("text") == null || m.get("text").isNull() ? "" : m.get("text").asString();
  }
}
