package org.steady.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * A newcomer's first visit, in a real browser: the whole app (real engine, scripts in
 * {@code conversations/}, embedded store in a temp directory) on a random port, and
 * {@code src/test/browser/chat.e2e.js} driving Debian's headless chromium through the local chat
 * page: create a patient, finish onboarding and a daily check-in with buttons and typing, and a
 * second patient in a second tab. Screenshots land in {@code target/screenshots/}.
 *
 * <p>Needs chromium and {@code npm ci} in {@code src/test/browser}; {@code .ci/run} installs both.
 */
// the data directory as a test property: the embedded store opens before a
// @DynamicPropertySource is applied, so one set there left the store in ./data
@SpringBootTest(classes = SteadyApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"steady.data-dir=${java.io.tmpdir}/steady-e2e-${random.uuid}",
        "steady.telegram.bot-token="})
class LocalChatPageE2E {
  private static final Path BROWSER = Path.of("src", "test", "browser");
  private static final Path CHROMIUM = Path.of(
      System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));

  @LocalServerPort int port;

  @Test
  void newcomerFinishesOnboardingAndCheckInInTheBrowserAsTwoPatients() throws Exception {
    requireBrowserTools();
    Path shots = Path.of("target", "screenshots").toAbsolutePath();
    Path log = Path.of("target", "chat-e2e.log").toAbsolutePath();
    Files.createDirectories(shots);
    ProcessBuilder pb = new ProcessBuilder("node", "chat.e2e.js")
        .directory(BROWSER.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().put("BASE_URL", "http://127.0.0.1:" + port);
    pb.environment().put("SCREENSHOTS", shots.toString());
    pb.environment().put("CHROMIUM", CHROMIUM.toString());
    Process node;
    try {
      node = pb.start();
    } catch (IOException e) {
      throw new IllegalStateException("Cannot run node (Node 20+ is needed for the browser test)."
          + " Install it, then run .ci/run.", e);
    }
    boolean finished = node.waitFor(8, TimeUnit.MINUTES);
    if (!finished) {
      node.destroyForcibly();
    }
    List<String> out = Files.readAllLines(log);
    out.forEach(line -> System.out.println(line));
    assertThat(finished).as("chat.e2e.js finished within 8 minutes").isTrue();
    assertThat(node.exitValue()).as("chat.e2e.js exit code; its output is above and in " + log)
        .isZero();

    JsonNode ids = BenchClient.JSON.readTree(out.stream().filter(l -> l.startsWith("RESULT "))
        .reduce((a, b) -> b).orElseThrow().substring("RESULT ".length()));
    BenchClient api = new BenchClient(port);
    List<String> ana = lines(api, ids.get("ana").asString());
    assertThat(ana).contains("in: /checkin", "in: /help");
    assertThat(ana.stream().filter(l -> l.startsWith("closed:"))).hasSizeGreaterThanOrEqualTo(2);
    assertThat(ana).noneMatch(l -> l.startsWith("open:"));
    List<String> ben = lines(api, ids.get("ben").asString());
    assertThat(ben).anyMatch(l -> l.startsWith("in: <b>hola</b>"));
    assertThat(ana).noneMatch(l -> l.contains("hola"));
    assertThat(shots.resolve("03-checkin-done.png")).isNotEmptyFile();
  }

  /** The transcript as the API shows it: "in: text", "out: text", "closed: chosen", "open: text". */
  private static List<String> lines(BenchClient api, String id) {
    JsonNode page = api.get("/api/local/patients/" + id + "/messages?after=0");
    List<String> lines = new ArrayList<>();
    for (JsonNode m : page.get("messages")) {
      String text = m.get("text").asString();
      lines.add(m.get("direction").asString() + ": " + text);
      if (!m.get("buttons").isEmpty()) {
        lines.add(m.get("closed").asBoolean() ? "closed: " + m.get("chosen").asString()
            : "open: " + text);
      }
    }
    return lines;
  }

  private static void requireBrowserTools() {
    String fix = " Run .ci/run once: it installs chromium and the browser test's node modules.";
    if (!Files.isExecutable(CHROMIUM)) {
      throw new IllegalStateException(CHROMIUM + " is missing." + fix);
    }
    if (!Files.isDirectory(BROWSER.resolve("node_modules").resolve("playwright-core"))) {
      throw new IllegalStateException(BROWSER + "/node_modules is missing." + fix);
    }
  }
}
