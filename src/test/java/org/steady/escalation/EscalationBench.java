package org.steady.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.steady.app.SteadyApplication;
import org.steady.care.CareContact;
import org.steady.care.CareContacts;
import org.steady.chat.ChannelSender;
import org.steady.chat.Inbound;
import org.steady.chat.InboundHandler;
import org.steady.engine.Effect;
import org.steady.engine.Engine;
import org.steady.engine.Input;
import org.steady.engine.PatientText;
import org.steady.engine.Severity;
import org.steady.store.Patients;

/**
 * With 100,000 check-in messages queued in the outbox (for a channel whose sender takes 20 ms a
 * message, about Telegram's bulk pace), N patients each send an urgent answer through the inbox.
 * Measured: time from {@link InboundHandler#accept} to the crisis message and to the first alert
 * being marked sent by the relay (p50/p99/max), and how late the re-escalation to the second
 * contact was beyond its timeout (step taken, and alert sent). Real clock, embedded store on a
 * temp dir, whole app context. Prints figures and writes target/bench/escalation.txt; asserts
 * only that the work was done. Run: {@code mvn -Pbench test -Dtest=EscalationBench}.
 */
class EscalationBench {
  static final int BACKLOG = Integer.getInteger("bench.backlog", 100_000);
  static final int URGENT = Integer.getInteger("bench.urgent", 10);
  /** When the bench channel's sender delivered each outbox id (no polling of the store). */
  static final Map<String, Long> DELIVERED = new java.util.concurrent.ConcurrentHashMap<>();
  static final Duration ACK_TIMEOUT = Duration.ofSeconds(3);

  /** Raises an urgent escalation for the text "urgent", then says one line. */
  @TestConfiguration(proxyBeanMethods = false)
  static class BenchConfig {
    @Bean
    Engine engine() {
      return (state, input, ctx) -> {
        List<Effect> out = new ArrayList<>();
        if (input instanceof Input.Text
            && ((Input.Text) input).text().value().equals("urgent")) {
          out.add(new Effect.RaiseEscalation(Severity.URGENT, "Safety answer: self-harm",
              "red_flag:self_harm", Map.of(), null));
        }
        out.add(new Effect.SendMessage("ok", List.of(), null, false, null));
        return new Engine.Step(state, out);
      };
    }

    @Bean
    ChannelSender benchSender() {
      return new ChannelSender() {
        @Override
        public String channel() {
          return "bench";
        }

        @Override
        public Result deliver(Outgoing message) {
          DELIVERED.putIfAbsent(message.id(), System.currentTimeMillis());
          return Result.sent(message.id());
        }
      };
    }

    @Bean
    ChannelSender slowBulkSender() {
      return new ChannelSender() {
        @Override
        public String channel() {
          return "bulk";
        }

        @Override
        public Result deliver(Outgoing message) {
          try {
            Thread.sleep(20);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return Result.sent(message.id());
        }
      };
    }
  }

  @Test
  void urgentAnswerToCrisisAndAlertWithAFullOutbox() throws Exception {
    Path dir = Files.createTempDirectory("steady-escalation-bench-");
    try (ConfigurableApplicationContext app = new SpringApplicationBuilder(
        SteadyApplication.class, BenchConfig.class).run("--server.port=0",
            "--steady.data-dir=" + dir.resolve("data"),
            "--steady.conversations-dir=src/test/resources/testdata/valid",
            "--steady.escalation.tick=1s",
            "--steady.escalation.urgent-ack-timeout=" + ACK_TIMEOUT.toMillis() + "ms")) {
      MongoDatabase db = app.getBean(MongoDatabase.class);
      MongoCollection<Document> outbox = db.getCollection("outbox");
      long t0 = System.nanoTime();
      seedBacklog(outbox);
      long seedMs = Duration.ofNanos(System.nanoTime() - t0).toMillis();
      Patients patients = app.getBean(Patients.class);
      CareContacts contacts = app.getBean(CareContacts.class);
      for (int i = 0; i < URGENT; i++) {
        patients.findOrCreate("bench", "bp" + i, "P" + i, "en");
        link(contacts, "bk" + i + "a", "bp" + i, "bc" + i + "a");
        link(contacts, "bk" + i + "b", "bp" + i, "bc" + i + "b");
      }
      InboundHandler inbox = app.getBean(InboundHandler.class);
      List<Double> crisis = new ArrayList<>();
      List<Double> alert = new ArrayList<>();
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < URGENT; i++) {
        String ext = "bench-" + i;
        long start = System.currentTimeMillis();
        inbox.accept(new Inbound("bench", "bp" + i, ext, Inbound.Kind.TEXT,
            new PatientText("urgent"), null, "", null, "P" + i, "en", Instant.now()));
        String id = "bench:" + ext + ":0";
        ids.add(id);
        crisis.add((double) (delivered("crisis:" + id) - start));
        alert.add((double) (delivered("alert:" + id + ":0") - start));
        Thread.sleep(100);
      }
      long backlogLeft = outbox.countDocuments(Filters.and(Filters.eq("channel", "bulk"),
          Filters.eq("status", "pending")));
      List<Double> stepLate = new ArrayList<>();
      List<Double> sentLate = new ArrayList<>();
      Escalations escalations = app.getBean(Escalations.class);
      for (String id : ids) {
        long second = delivered("alert:" + id + ":1");
        Escalation e = escalations.byId(id).orElseThrow();
        long firstQueued = time(e, "alert_queued");
        long due = firstQueued + ACK_TIMEOUT.toMillis();
        stepLate.add((double) (time(e, "re_escalated") - due));
        sentLate.add((double) (second - due));
      }
      List<String> lines = List.of(
          String.format(Locale.ROOT, "backlog: %,d check-in messages seeded in %d ms; %,d still"
              + " pending after the urgent answers; store: %s", BACKLOG, seedMs, backlogLeft,
              System.getProperty("bench.store", "embedded (mongo-java-server, H2 file)")),
          stats("answer -> crisis message sent", crisis),
          stats("answer -> first alert sent", alert),
          stats("re-escalation step late by", stepLate) + " (tick 1 s)",
          stats("second alert sent late by", sentLate));
      Path out = Path.of("target", "bench", "escalation.txt");
      Files.createDirectories(out.getParent());
      Files.writeString(out, String.join(System.lineSeparator(), lines) + System.lineSeparator());
      System.out.println("== EscalationBench (" + Runtime.getRuntime().availableProcessors()
          + " cores, " + URGENT + " urgent answers) ==");
      lines.forEach(System.out::println);
      assertThat(crisis).hasSize(URGENT);
    }
  }

  private static void seedBacklog(MongoCollection<Document> outbox) {
    Date now = new Date();
    List<Document> batch = new ArrayList<>();
    for (int i = 0; i < BACKLOG; i++) {
      batch.add(new Document("_id", "checkin-" + i).append("patientId", "bulk:" + i)
          .append("channel", "bulk").append("chatId", String.valueOf(i)).append("kind", "send")
          .append("text", "Time for your daily check-in").append("buttons", List.of())
          .append("questionToken", null).append("urgent", false).append("order", (long) -i - 1)
          .append("createdAt", now).append("nextAttemptAt", now).append("status", "pending")
          .append("attempts", 0).append("leaseUntil", new Date(0)));
      if (batch.size() == 1000) {
        outbox.insertMany(batch);
        batch.clear();
      }
    }
  }

  private static void link(CareContacts contacts, String id, String patientChat, String chat) {
    contacts.createPending(id, "bench:" + patientChat, "bench", chat, "C " + chat);
    contacts.setRole(id, CareContact.Role.FAMILY);
    contacts.approve(id, "bench:" + patientChat);
  }

  private static long time(Escalation e, String type) {
    return e.timeline().stream().filter(d -> type.equals(d.getString("type"))).findFirst()
        .orElseThrow(() -> new AssertionError("no " + type + " in " + e.id()))
        .getDate("at").getTime();
  }

  private static long delivered(String id) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(300).toNanos();
    while (System.nanoTime() < deadline) {
      Long at = DELIVERED.get(id);
      if (at != null) {
        return at;
      }
      Thread.sleep(1);
    }
    throw new AssertionError("outbox entry " + id + " not delivered within 300 s");
  }

  private static String stats(String name, List<Double> ms) {
    List<Double> s = new ArrayList<>(ms);
    Collections.sort(s);
    return String.format(Locale.ROOT, "%-32s p50 %.0f ms, p99 %.0f ms, max %.0f ms (n=%d)", name,
        pct(s, 50), pct(s, 99), s.get(s.size() - 1), s.size());
  }

  private static double pct(List<Double> sorted, int p) {
    int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(i, sorted.size() - 1)));
  }
}
