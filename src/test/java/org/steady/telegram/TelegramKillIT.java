package org.steady.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.steady.app.AppProcess;
import org.steady.app.SteadyMain;
import org.steady.store.EmbeddedMongo;
import org.steady.testing.Await;

/**
 * Telegram long polling, the app as a separate process running the shipped daily check-in,
 * killed with {@code kill -9} three times in the middle of one check-in and started again on
 * the same data each time. Each kill lands in a batch of typed answers sent in quick succession
 * (one getUpdates carries them all):
 *
 * <ol>
 *   <li>at the moment Telegram confirms the batch (the bot's next poll asks past it), with the
 *       engine still working through it: the confirmed updates must be in the inbox file
 *       already, and crash repair finishes them;
 *   <li>when the first reply is about to go out, the batch delivered but never confirmed (the
 *       intake may still be storing it): Telegram sends it again, and what was stored or applied
 *       already is not applied twice;
 *   <li>with the batch applied and its first replies delivered, the rest still in the outbox:
 *       they go out after the restart, once each.
 * </ol>
 *
 * Where in the engine's work a kill lands varies from run to run; the assertions hold wherever.
 * What the test does fix is that no kill falls between Telegram accepting a message and the relay
 * recording it as sent: Telegram has no idempotency key, so a message cut off there is sent again
 * (at least once is the best any sender can do). Before each batch the app is quiet (every reply
 * marked sent, read from its own store), and from then on the fake holds outbound calls
 * unanswered.
 */
class TelegramKillIT {
  private static final long CHAT = 4242;
  private static final String PATIENT = "telegram:" + CHAT;
  private static final Pattern STORE_URI =
      Pattern.compile("embedded store listening at (mongodb://\\S+)");
  /** Per step, once the app is up; shorter than the relay's 30 s lease, so a stall shows. */
  private static final Duration STEP = Duration.ofSeconds(15);

  @TempDir Path tmp;
  private FakeBotApi api;
  private final List<Integer> pushed = new ArrayList<>();
  private int runs;

  @BeforeEach
  void startApi() throws Exception {
    api = new FakeBotApi();
  }

  @AfterEach
  void stopApi() {
    api.close();
  }

  @Test
  void checkInKilledThreeTimesCompletesWithEveryAnswerAppliedOnce() throws Exception {
    AppProcess app = start();
    try {
      pushed.add(api.push(english(Updates.command(CHAT, "/checkin"))));
      press(awaitMessage("How is your mood today"), "7");
      press(awaitMessage("How did you sleep"), "Well");
      awaitMessage("How anxious");

      awaitQuiet(app);
      api.holdOutboundAfter(0);
      int batch1 = pushBatch("2", "none", "no");
      killWhen(app, () -> api.confirmedUpTo() >= batch1);
      Map<String, String> landed1 = inboxAfterKill(batch1, 3);
      assertThat(landed1.values()).as("confirmed updates are stored").hasSize(3);

      app = start();
      awaitMessage("planned dose taken");
      awaitQuiet(app);
      api.holdOutboundAfter(0);
      api.holdConfirmations();
      int batch2 = pushBatch("yes", "no");
      killWhen(app, () -> api.heldOutbound() > 0);
      assertThat(api.confirmedUpTo()).as("batch 2 never confirmed").isLessThan(batch2 - 1);
      inboxAfterKill(batch2, 2);

      app = start();
      awaitMessage("like a short idea");
      awaitQuiet(app);
      api.holdOutboundAfter(2);
      int batch3 = pushBatch("1", "show me");
      killWhen(app, () -> api.heldOutbound() > 0);
      inboxAfterKill(batch3, 2);

      app = start();
      awaitMessage("Thank you for checking in");
      Await.until("every answered question closed", STEP,
          () -> api.calls("editMessageReplyMarkup").size() >= 9);
      app.stop();
    } finally {
      app.close();
    }
    assertEachQuestionAskedAndClosedOnce();
    assertStoreHoldsEachUpdateAndAnswerOnce();
  }

  private void assertEachQuestionAskedAndClosedOnce() {
    List<String> texts = api.calls("sendMessage").stream()
        .filter(c -> String.valueOf(CHAT).equals(c.param("chat_id"))).map(c -> c.param("text"))
        .toList();
    assertThat(texts).doesNotHaveDuplicates().noneMatch(t -> t.contains("didn't catch that"));
    for (String q : List.of("Hi Ana, it's time", "How is your mood", "How did you sleep",
        "How anxious", "Tick all that apply", "cravings or urges", "planned dose taken",
        "harming yourself", "like a short idea", "Here is something that may help",
        "Thank you for checking in")) {
      assertThat(texts).filteredOn(t -> t.contains(q)).as(q).hasSize(1);
    }
    assertThat(texts).hasSize(12); // the 11 above and the coping idea itself
    assertThat(texts.get(texts.size() - 1)).contains("Thank you for checking in");
    List<String> closed = api.calls("editMessageReplyMarkup").stream()
        .map(c -> c.param("message_id")).toList();
    assertThat(closed).hasSize(9).doesNotHaveDuplicates();
  }

  private void assertStoreHoldsEachUpdateAndAnswerOnce() {
    onStore(db -> {
      List<Document> inbox = db.getCollection("inbox").find().into(new ArrayList<>());
      assertThat(inbox).extracting(d -> d.getString("_id"))
          .containsExactlyInAnyOrderElementsOf(pushed.stream().map(id -> "telegram:" + id)
              .toList());
      assertThat(inbox).extracting(d -> d.getString("status")).containsOnly("processed");

      List<Document> answers = db.getCollection("answers")
          .find(Filters.eq("patientId", PATIENT)).into(new ArrayList<>());
      assertThat(answers).extracting(d -> d.getString("variable")).containsExactlyInAnyOrder(
          "mood", "sleep", "anxiety", "symptoms", "symptom_score", "cravings", "dose_as_agreed",
          "safety", "wants_coping", "cope_general");
      assertThat(answers).extracting(d -> d.getString("variable") + "=" + d.get("value"))
          .contains("mood=7.0", "sleep=well", "anxiety=2.0", "cravings=none", "dose_as_agreed=yes",
              "safety=no", "wants_coping=yes");

      List<Document> transcript = db.getCollection("transcripts")
          .find(Filters.eq("patientId", PATIENT)).into(new ArrayList<>());
      assertThat(transcript).filteredOn(d -> "in".equals(d.getString("direction")))
          .extracting(d -> d.getString("_id")).containsExactlyInAnyOrderElementsOf(
              pushed.stream().map(id -> "in:telegram:" + id).toList());
      assertThat(transcript).filteredOn(d -> "out".equals(d.getString("direction")))
          .extracting(d -> d.getString("text")).hasSize(12).doesNotHaveDuplicates();

      assertThat(db.getCollection("outbox").distinct("status", String.class)
          .into(new ArrayList<>())).containsExactly("sent");
      Document session = db.getCollection("sessions").find(Filters.eq("_id", PATIENT)).first();
      assertThat(session.get("state", Document.class).getList("frames", Object.class)).isEmpty();
      return null;
    });
  }

  private AppProcess start() throws Exception {
    runs++;
    AppProcess app = AppProcess.start(SteadyMain.class, Map.of(
        "STEADY_DATA_DIR", tmp.resolve("data").toString(),
        "STEADY_CONVERSATIONS_DIR", Path.of("conversations").toAbsolutePath().toString(),
        "TELEGRAM_BOT_TOKEN", FakeBotApi.TOKEN,
        "TELEGRAM_API_URL", api.url(),
        "TELEGRAM_POLL_TIMEOUT_SECONDS", "1",
        "TELEGRAM_PER_CHAT_PER_SECOND", "30"), tmp.resolve("run" + runs + ".log"));
    app.awaitPort();
    return app;
  }

  /**
   * Waits until the app has marked every reply so far sent, read from its own store (in memory,
   * through the address it logs): the next commit makes that durable, so a kill after it cannot
   * make the relay send one of them again.
   */
  private void awaitQuiet(AppProcess app) throws Exception {
    Matcher uri = STORE_URI.matcher(app.output());
    assertThat(uri.find()).as("store address in the log").isTrue();
    try (MongoClient client = MongoClients.create(uri.group(1))) {
      MongoDatabase db = client.getDatabase("steady");
      Await.until("every reply marked sent", STEP,
          () -> db.getCollection("outbox").countDocuments(Filters.eq("status", "pending")) == 0
              && db.getCollection("outbox_urgent").countDocuments(
                  Filters.eq("status", "pending")) == 0);
    }
  }

  /** Arms a kill: at the first fake event after which {@code when} holds, the app dies. */
  private void killWhen(AppProcess app, BooleanSupplier when) throws Exception {
    CountDownLatch killed = new CountDownLatch(1);
    AtomicBoolean once = new AtomicBoolean();
    api.onChange(() -> {
      if (when.getAsBoolean() && once.compareAndSet(false, true)) {
        try {
          app.kill();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        killed.countDown();
      }
    });
    Await.until("kill " + runs + " lands", STEP, () -> killed.getCount() == 0);
    api.onChange(() -> {});
    api.dropHeld();
  }

  /**
   * Where the kill landed, as the file holds it now: each stored update of the batch with its
   * inbox status, and the last input the session saved.
   */
  private Map<String, String> inboxAfterKill(int lastId, int size) {
    return onStore(db -> {
      Map<String, String> status = new LinkedHashMap<>();
      for (int id = lastId - size + 1; id <= lastId; id++) {
        Document d = db.getCollection("inbox").find(Filters.eq("_id", "telegram:" + id)).first();
        if (d != null) {
          status.put(d.getString("_id"), d.getString("status"));
        }
      }
      Document session = db.getCollection("sessions").find(Filters.eq("_id", PATIENT)).first();
      System.out.println("kill " + runs + " landed: batch inbox " + status + ", session last "
          + (session == null ? null : session.getString("lastInboxId")));
      return status;
    });
  }

  private <T> T onStore(Function<MongoDatabase, T> read) {
    try (EmbeddedMongo store = EmbeddedMongo.start(tmp.resolve("data/steady.mv"));
        MongoClient client = MongoClients.create(store.uri())) {
      return read.apply(client.getDatabase("steady"));
    }
  }

  /** Pushes typed answers at once (one getUpdates carries them all); returns the last id. */
  private int pushBatch(String... answers) {
    synchronized (api) {
      for (String a : answers) {
        pushed.add(api.push(english(Updates.text(CHAT, a))));
      }
    }
    return pushed.get(pushed.size() - 1);
  }

  private void press(FakeBotApi.Call question, String label) {
    pushed.add(api.push(english(Updates.callback(CHAT, question.buttonData(label)))));
  }

  private FakeBotApi.Call awaitMessage(String fragment) {
    return Await.value("message '" + fragment + "'", STEP, () -> api.calls("sendMessage")
        .stream().filter(c -> c.param("text") != null && c.param("text").contains(fragment))
        .findFirst().orElse(null));
  }

  private static Map<String, Object> english(Map<String, Object> update) {
    return Updates.inLanguage(update, "en");
  }
}
