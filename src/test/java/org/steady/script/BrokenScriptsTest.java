package org.steady.script;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The broken-script corpus: each {@code testdata/broken/*.yaml} ends with {@code # expect:
 * line:column: message} comments listing exactly the problems the validator must report for it,
 * in order. Each case is loaded next to the files in {@code _support/} (a coping library, a
 * script that escalates, one that does not), which must stay free of problems.
 */
class BrokenScriptsTest {
  static final String EXPECT = "# expect: ";

  @TempDir Path tmp;

  static Path corpus() throws URISyntaxException {
    return Path.of(BrokenScriptsTest.class.getResource("/testdata/broken").toURI());
  }

  static Stream<String> cases() throws Exception {
    try (Stream<Path> files = Files.list(corpus())) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".yaml"))
          .sorted()
          .collect(Collectors.toList())
          .stream();
    }
  }

  @Test
  void corpusHasAtLeastFiftyCases() throws Exception {
    assertThat(cases().count()).isGreaterThanOrEqualTo(50);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void reportsExactlyTheExpectedProblems(String name) throws Exception {
    Path source = corpus().resolve(name);
    List<String> expected =
        Files.readAllLines(source).stream()
            .filter(l -> l.startsWith(EXPECT))
            .map(l -> l.substring(EXPECT.length()))
            .toList();
    assertThat(expected).as("the case states what it expects").isNotEmpty();
    LoadResult result = ConversationLoader.load(setUp(source, name));
    List<String> actual =
        result.problems().stream()
            .filter(p -> Path.of(p.path()).getFileName().toString().equals(name))
            .map(Problem::formatPosition)
            .toList();
    List<Problem> others =
        result.problems().stream()
            .filter(p -> !Path.of(p.path()).getFileName().toString().equals(name))
            .toList();
    assertThat(others).as("support files stay clean").isEmpty();
    assertThat(actual).containsExactlyElementsOf(expected);
  }

  private Path setUp(Path source, String name) throws IOException, URISyntaxException {
    Path dir = tmp.resolve("conversations");
    Files.createDirectories(dir);
    try (Stream<Path> support = Files.list(corpus().resolve("_support"))) {
      for (Path p : support.toList()) {
        Files.copy(p, dir.resolve(p.getFileName()));
      }
    }
    Files.copy(source, dir.resolve(name));
    return dir;
  }
}
