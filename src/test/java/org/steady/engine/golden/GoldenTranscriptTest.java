package org.steady.engine.golden;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.steady.engine.ScriptCatalog;
import org.steady.script.ConversationLoader;
import org.steady.script.LoadResult;
import org.steady.script.Problem;

/**
 * Runs every golden case under {@code src/test/resources/testdata/transcripts/} (see README.md
 * there). {@code -Dgolden.update=true} rewrites the expectations instead of checking them.
 */
class GoldenTranscriptTest {
  static final Path DIR = Path.of("src/test/resources/testdata/transcripts");
  static final Path SHIPPED = Path.of("conversations");

  @TempDir Path scratch;

  @TestFactory
  Stream<DynamicTest> transcripts() throws IOException {
    List<Path> cases = new ArrayList<>();
    List<Path> scripts = new ArrayList<>();
    try (Stream<Path> files = Files.list(DIR)) {
      files.filter(p -> p.toString().endsWith(".yaml")).sorted().forEach(p -> {
        long dots = p.getFileName().toString().chars().filter(c -> c == '.').count();
        (dots == 1 ? scripts : cases).add(p);
      });
    }
    ScriptCatalog[] local = {null};
    ScriptCatalog[] shipped = {null};
    boolean update = Boolean.getBoolean("golden.update");
    return cases.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
      GoldenCase c = new GoldenCase(file);
      ScriptCatalog catalog;
      if (c.shipped()) {
        if (shipped[0] == null) shipped[0] = load(SHIPPED);
        catalog = shipped[0];
      } else {
        if (local[0] == null) local[0] = load(localFolder(scripts));
        catalog = local[0];
      }
      assertThat(catalog.latest(c.scriptId())).as("script %s of %s", c.scriptId(), file).isPresent();
      GoldenCase.Result r = c.run(catalog);
      if (update) {
        Files.writeString(file, r.rewritten(), StandardCharsets.UTF_8);
      } else {
        assertThat(r.actual()).as("%s (run with -Dgolden.update=true to accept)", file).isEqualTo(r.expected());
      }
    }));
  }

  /** The transcript scripts plus library/ (coping prompts, red flags) in a folder of their own. */
  private Path localFolder(List<Path> scripts) throws IOException {
    Path dir = scratch.resolve("conversations");
    Files.createDirectories(dir.resolve("red-flags"));
    for (Path s : scripts) Files.copy(s, dir.resolve(s.getFileName()), StandardCopyOption.REPLACE_EXISTING);
    Path lib = DIR.resolve("library");
    Files.copy(lib.resolve("coping-prompts.yaml"), dir.resolve("coping-prompts.yaml"));
    try (Stream<Path> flags = Files.list(lib.resolve("red-flags"))) {
      for (Path f : (Iterable<Path>) flags::iterator) Files.copy(f, dir.resolve("red-flags").resolve(f.getFileName()));
    }
    return dir;
  }

  private static ScriptCatalog load(Path dir) {
    LoadResult r = ConversationLoader.load(dir);
    assertThat(r.errors()).as("problems loading %s", dir).extracting(Problem::format).isEmpty();
    return r.catalog();
  }
}
