package org.steady.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/** A valid conversations folder for tests that do not care about content. */
final class TestConversations {
  static final String DIR = "src/test/resources/testdata/valid";

  private TestConversations() {}

  /** Copies the test conversations into {@code to}, for tests that edit them. */
  static void copyTo(Path to) throws IOException {
    Path from = Path.of(DIR);
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : walk.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }
}
