package org.steady.app;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.steady.engine.ConversationState;
import org.steady.engine.Effect;
import org.steady.store.InboxStore;
import org.steady.store.Sessions;
import org.steady.store.StoreTarget;

/**
 * The build's training run ({@code steady.training=true}, set only by {@code mvn package} on a
 * throw-away data directory): synthetic patients go through onboarding, a daily check-in and
 * {@code /help} over the local chat API, as a person in the browser would, and then the app
 * exits. The JVM records what that run used: on JDK 17 to 24 the classes
 * ({@code -XX:ArchiveClassesAtExit}), on JDK 25 also the methods' profiles
 * ({@code -XX:AOTCacheOutput}), so that a real start loads less and compiles the message path
 * sooner. Refuses to run on anything but an empty embedded store: it writes synthetic patients.
 */
@Component
@ConditionalOnProperty(name = "steady.training", havingValue = "true")
class TrainingRun implements ApplicationRunner {
  private static final Logger log = LoggerFactory.getLogger(TrainingRun.class);
  private static final Pattern FIELD = Pattern.compile("\"(id|accepted|rev)\":\"?([^\",}]*)");
  /** Free-text answers, tried in turn until the question accepts one (number, place, time). */
  private static final List<String> TEXTS = List.of("7", "Madrid", "9:00", "fine, thanks");
  private static final int MAX_INPUTS = 60;
  /** No request of the training run may hang the build. */
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final ConfigurableApplicationContext context;
  private final Environment env;
  private final StoreTarget target;
  private final Sessions sessions;
  private final InboxStore inbox;
  private final Duration length;
  private final HttpClient http = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1).connectTimeout(TIMEOUT).build();
  private String base = "";

  TrainingRun(ConfigurableApplicationContext context, Environment env, StoreTarget target,
      Sessions sessions, InboxStore inbox,
      @Value("${steady.training-length:PT8S}") Duration length) {
    this.context = context;
    this.env = env;
    this.target = target;
    this.sessions = sessions;
    this.inbox = inbox;
    this.length = length;
  }

  @Override
  public void run(ApplicationArguments args) throws Exception {
    int code = 0;
    try {
      if (!target.embedded() || inbox.count(InboxStore.PROCESSED) > 0) {
        throw new IllegalStateException("steady.training needs an empty embedded store");
      }
      base = "http://127.0.0.1:" + env.getProperty("local.server.port") + "/api/local/patients";
      long end = System.nanoTime() + length.toNanos();
      int patients = 0;
      int inputs = 0;
      do {
        inputs += patient(patients++);
      } while (System.nanoTime() < end);
      log.info("training run: {} synthetic patients, {} inputs", patients, inputs);
    } catch (RuntimeException | IOException e) {
      log.error("training run failed: {}", e.toString());
      code = 1;
    }
    int exit = code;
    System.exit(SpringApplication.exit(context, () -> exit));
  }

  /** One synthetic patient: onboarding, a check-in, two /help; returns the inputs sent. */
  private int patient(int n) throws IOException, InterruptedException {
    String created = post(base, "{\"name\":\"Training " + n + "\",\"locale\":\""
        + (n % 2 == 0 ? "en" : "es") + "\"}");
    String chatId = field(created, "id");
    String patientId = "local:" + chatId;
    int inputs = converse(chatId, patientId, "local:start:onboarding:" + chatId, "0");
    inputs += converse(chatId, patientId, text(chatId, "/checkin"));
    for (int i = 0; i < 2; i++) {
      inputs += converse(chatId, patientId, text(chatId, "/help"));
    }
    return inputs;
  }

  private int converse(String chatId, String patientId, String[] accepted)
      throws IOException, InterruptedException {
    return converse(chatId, patientId, accepted[0], accepted[1]);
  }

  /**
   * Waits for {@code inboxId} to be processed and its reply to be readable, then answers what
   * the conversation asks until it ends.
   */
  private int converse(String chatId, String patientId, String inboxId, String rev)
      throws IOException, InterruptedException {
    int inputs = 1;
    String lastStep = null;
    int tries = 0;
    for (int i = 0; i < MAX_INPUTS; i++) {
      awaitProcessed(inboxId);
      get(base + "/" + chatId + "/messages?after=" + rev + "&wait=1");
      Sessions.Session s = sessions.load(patientId);
      ConversationState.Pending pending = s.state().pending();
      if (s.state().isIdle() || pending == null) {
        break;
      }
      tries = pending.stepId().equals(lastStep) ? tries + 1 : 0;
      lastStep = pending.stepId();
      String button = pending.selected().isEmpty() ? calmButton(pending.token(), s.lastEffects())
          : pending.token() + "|__done";
      String[] next = button != null
          ? accepted(post(base + "/" + chatId + "/buttons",
              "{\"data\":\"" + button.replace("\"", "\\\"") + "\"}"))
          : text(chatId, TEXTS.get(tries % TEXTS.size()));
      inboxId = next[0];
      rev = next[1];
      inputs++;
    }
    return inputs;
  }

  private void awaitProcessed(String inboxId) throws InterruptedException {
    long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (System.nanoTime() < end) {
      InboxStore.Entry e = inbox.get(inboxId);
      if (e != null && !InboxStore.NEW.equals(e.status())) {
        return;
      }
      Thread.sleep(2);
    }
    throw new IllegalStateException("inbox entry " + inboxId + " was not processed in 10 s");
  }

  private String[] text(String chatId, String text) throws IOException, InterruptedException {
    return accepted(post(base + "/" + chatId + "/messages", "{\"text\":\"" + text + "\"}"));
  }

  /** The inbox id and revision a POST answered. */
  private static String[] accepted(String body) {
    return new String[] {field(body, "accepted"), field(body, "rev")};
  }

  private static @Nullable String calmButton(String token, List<Effect> effects) {
    List<Effect.Button> all = new ArrayList<>();
    for (Effect e : effects) {
      if (e instanceof Effect.SendMessage m && token.equals(m.questionToken())) {
        m.buttons().forEach(all::addAll);
      }
    }
    for (String calm : List.of("__pass", "none", "no", "well", "5", "0", "yes")) {
      for (Effect.Button b : all) {
        if (b.value().equals(calm)) {
          return token + "|" + calm;
        }
      }
    }
    return all.isEmpty() ? null : token + "|" + all.get(0).value();
  }

  private static String field(String json, String name) {
    Matcher m = FIELD.matcher(json);
    while (m.find()) {
      if (m.group(1).equals(name)) {
        return m.group(2);
      }
    }
    throw new IllegalStateException("no \"" + name + "\" in " + json.length() + " bytes");
  }

  private String post(String url, String json) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)).build());
  }

  private String get(String url) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).GET().build());
  }

  private String send(HttpRequest request) throws IOException, InterruptedException {
    HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() >= 300) {
      throw new IllegalStateException(request.method() + " " + request.uri().getPath()
          .replaceAll("/p[0-9a-f]+", "/{id}") + " answered " + r.statusCode());
    }
    return r.body();
  }
}
