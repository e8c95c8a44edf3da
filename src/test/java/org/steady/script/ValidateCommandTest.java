package org.steady.script;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {
  @TempDir Path tmp;
  final ByteArrayOutputStream out = new ByteArrayOutputStream();
  final ByteArrayOutputStream err = new ByteArrayOutputStream();

  int run(String... args) {
    return ValidateCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void validFolderExitsZeroWithWarningsAndASummary() {
    Path dir = Fixtures.validCopy(tmp);

    int code = run(dir.toString());

    assertThat(code).isZero();
    assertThat(out()).contains(dir.resolve("daily-checkin.yaml") + ":11:11: warning: script"
        + " \"daily-checkin\" is a draft: a clinician of the deploying program must review it\n");
    assertThat(out()).endsWith(
        "OK: 2 scripts, 1 coping library, 2 red-flag lists (4 warnings)\n");
  }

  @Test
  void errorsArePrintedWithPathLineAndColumnAndExitOne() throws Exception {
    Path dir = Fixtures.validCopy(tmp);
    Path coping = dir.resolve("coping.yaml");
    Files.writeString(coping, Files.readString(coping).replace("next: feel", "next: fel"));

    int code = run(dir.toString());

    assertThat(code).isEqualTo(1);
    assertThat(out()).contains(coping + ":11:11: step \"offer\" goes to unknown step \"fel\""
        + " (did you mean \"feel\"?)\n");
    assertThat(out()).doesNotContain("OK:");
  }

  @Test
  void requireReviewedMakesDraftsErrors() {
    Path dir = Fixtures.validCopy(tmp);

    int code = run("--require-reviewed", dir.toString());

    assertThat(code).isEqualTo(1);
    assertThat(out()).contains(":11:11: script \"daily-checkin\" is a draft");
  }

  @Test
  void badUsageExitsTwo() {
    assertThat(run()).isEqualTo(2);
    assertThat(run("--nope", "x")).isEqualTo(2);
    assertThat(run("a", "b")).isEqualTo(2);
    assertThat(run(tmp.resolve("missing").toString())).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains(ValidateCommand.USAGE);
  }
}
