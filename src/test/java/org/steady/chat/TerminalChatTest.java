package org.steady.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TerminalChatTest {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T08:00:00Z"), ZoneOffset.UTC);
  @TempDir Path tmp;

  private String[] run(String input, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = TerminalChat.run(args, new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), CLOCK, null);
    return new String[] {Integer.toString(code), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)};
  }

  @Test
  void runsTheShippedCheckInFromAFileOfInputs() throws Exception {
    Path inputs = tmp.resolve("in.txt");
    Files.write(inputs, List.of("7", "I had a fit this morning", "Well", "no fits this week", ":timeout"));
    String[] r = run("", "chat", "--script", "daily-checkin", "--inputs", inputs.toString(), "--name", "Ana");
    assertThat(r[0]).isEqualTo("0");
    List<String> lines = r[1].lines().toList();
    assertThat(lines).allMatch(l -> l.startsWith("{\"type\":\""));
    assertThat(lines).filteredOn(l -> l.contains("\"type\":\"escalation\"")).hasSize(1)
        .allMatch(l -> l.contains("\"severity\":\"urgent\"") && l.contains("red_flag:seizure"));
    assertThat(lines).anyMatch(l -> l.contains("\"type\":\"answer\"") && l.contains("\"value\":\"well\""));
    assertThat(lines.get(lines.size() - 1)).contains("\"type\":\"timer\"");  // the reminder re-armed its timer
  }

  @Test
  void readsInteractiveLinesAndCommands() {
    String[] r = run("7\n/nosuchcommand\n", "--script", "daily-checkin");
    assertThat(r[0]).isEqualTo("0");
    assertThat(r[1]).contains("\"variable\":\"mood\"").contains("I don't know that command");
  }

  @Test
  void refusesAnUnknownOrInvalidScript() throws Exception {
    Files.writeString(tmp.resolve("broken.yaml"), "kind: conversation\nid: broken\nsteps: [\n");
    String[] r = run("", "--script", "broken", "--dir", tmp.toString());
    assertThat(r[0]).isEqualTo("1");
    assertThat(r[2]).contains("broken.yaml:").contains("no valid script 'broken'");
  }

  @Test
  void explainsBadArguments() {
    assertThat(run("", "--locale", "en")[0]).isEqualTo("2");
    assertThat(run("", "--script")[2]).contains("--script needs a value");
  }
}
