package org.steady.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The jar's sub-commands, through the real main method in a child JVM. */
class SteadyMainTest {
  @Test
  void taperPlanAnswersWithoutStartingSpring() throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), SteadyMain.class.getName(),
        "taper-plan", "show", "telegram:1", "--url", "http://127.0.0.1:9");
    pb.environment().remove("STEADY_ADMIN_TOKEN");
    Process p = pb.start();
    p.getOutputStream().close();
    boolean ended = p.waitFor(60, TimeUnit.SECONDS);
    if (!ended) {
      p.destroyForcibly();
    }
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(ended).as("ended by itself, as a sub-command and not the app").isTrue();
    assertThat(p.exitValue()).isEqualTo(1);
    assertThat(err).isEqualTo("taper-plan: set STEADY_ADMIN_TOKEN to the app's admin token"
        + " first; it is read from the environment only, so that it never shows in ps\n");
    assertThat(out).isEmpty();
  }
}
