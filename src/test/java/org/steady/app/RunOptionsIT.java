package org.steady.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code mvn package} writes the run command's options for the JDK that built it: the archive
 * its training run recorded (a class-data archive before JDK 25, an AOT cache from 25 on), which
 * exists, and the heap. Runs after {@code package}, as {@code mvn verify} does.
 */
class RunOptionsIT {
  @org.junit.jupiter.api.Test
  void optionsFileNamesTheArchiveThisJdkMadeAndTheHeap() throws Exception {
    List<String> options = Files.readAllLines(Path.of("target/app/jvm.options")).stream()
        .map(l -> l.replaceAll("#.*", "").trim()).filter(l -> !l.isEmpty()).toList();
    boolean jdk25 = Runtime.version().feature() >= 25;
    String archive = jdk25
        ? "-XX:AOTCache=target/app/steady.aot" : "-XX:SharedArchiveFile=target/app/steady.jsa";
    assertThat(options).containsExactly(archive, jdk25 ? "-Xms64m" : "-Xms160m", "-Xmx160m");
    Path file = Path.of(archive.substring(archive.indexOf('=') + 1));
    assertThat(file).as("made by the training run").isRegularFile();
    assertThat(Files.size(file)).isGreaterThan(10_000_000L);
  }
}
