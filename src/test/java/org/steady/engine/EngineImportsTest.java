package org.steady.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The engine stays pure: it imports only java.* (and jspecify's annotations). */
class EngineImportsTest {
  @Test
  void engineImportsOnlyJava() throws IOException {
    List<String> bad = new ArrayList<>();
    try (Stream<Path> files = Files.walk(Path.of("src/main/java/org/steady/engine"))) {
      for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
        for (String line : Files.readAllLines(f)) {
          String l = line.strip();
          if (!l.startsWith("import ")) continue;
          String what = l.replace("import static ", "").replace("import ", "");
          if (!what.startsWith("java.") && !what.startsWith("org.steady.engine.") && !what.startsWith("org.jspecify.")) {
            bad.add(f + ": " + l);
          }
          if (l.contains("Instant.now") || l.contains("UUID")) bad.add(f + ": " + l);
        }
        String src = Files.readString(f);
        if (src.contains("Instant.now()") || src.contains("UUID.randomUUID") || src.contains("System.currentTimeMillis")) {
          bad.add(f + ": reads the clock or random ids");
        }
      }
    }
    assertThat(bad).isEmpty();
  }
}
