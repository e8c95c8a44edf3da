package org.steady.script;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Random and mutated YAML never crashes the loader: every outcome is a list of problems with
 * 1-based positions, and none of them is the "please report this as a bug" safety net.
 */
class ConversationLoaderProperties {
  static final String SEED = read(Fixtures.resource("valid/daily-checkin.yaml"));
  static final String CALLER = read(Fixtures.resource("valid/coping.yaml"));
  static final List<String> KEYS = List.of("kind", "id", "title", "command", "locales", "sources",
      "review", "status", "by", "on", "wait", "after", "remind", "reminders", "give_up", "start",
      "steps", "type", "text", "next", "options", "value", "label", "red_flag", "save", "min",
      "max", "cases", "when", "otherwise", "values", "tags", "script", "severity", "reason",
      "levels", "items", "total", "none", "done", "prompts", "categories", "patterns", "locale");
  static final List<String> SCALARS = List.of("say", "choice", "multi", "scale", "number", "text",
      "checklist", "branch", "set", "coping", "call", "escalate", "end", "urgent", "draft",
      "reviewed", "PT1H", "P", "-1", "0", "10", "99999999999999999999", "1.5", "true", "null", "~",
      "en", "es", "mood", "'x' in y", "{{mood}}", "{{", "5 mg", "conversation", "red-flags",
      "coping-prompts", "\"\"", "*a", "&a x", "!!binary x", "mood <= 3 and not x");
  static Path dir;

  @BeforeContainer
  static void makeFolder() throws IOException {
    dir = Files.createTempDirectory("steady-props");
  }

  @AfterContainer
  static void removeFolder() throws IOException {
    try (var walk = Files.walk(dir)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  @Property(tries = 200)
  void mutatedScriptsNeverCrashTheLoader(@ForAll("mutations") String yaml) throws IOException {
    check(yaml);
  }

  @Property(tries = 150)
  void randomTextNeverCrashesTheLoader(@ForAll("noise") String yaml) throws IOException {
    check(yaml);
  }

  @Property(tries = 150)
  void randomTreesOfKnownKeysNeverCrashTheLoader(@ForAll("trees") String yaml) throws IOException {
    check(yaml);
  }

  private static void check(String yaml) throws IOException {
    Files.writeString(dir.resolve("daily-checkin.yaml"), yaml);
    Files.writeString(dir.resolve("coping.yaml"), CALLER);
    LoadResult r = ConversationLoader.load(dir);
    new LiveCatalog().apply(r);
    for (Problem p : r.problems()) {
      assertThat(p.line()).isGreaterThanOrEqualTo(1);
      assertThat(p.column()).isGreaterThanOrEqualTo(1);
      assertThat(p.message()).isNotBlank().doesNotContain("report this as a bug");
    }
  }

  @Provide
  Arbitrary<String> mutations() {
    Arbitrary<Integer> at = Arbitraries.integers().between(0, SEED.length());
    Arbitrary<String> insert = Arbitraries.strings().withChars(":-[]{}\"'\t\n #&*!|>%@,?").ofMaxLength(4);
    Arbitrary<String> once = Combinators.combine(at, Arbitraries.integers().between(0, 40), insert)
        .as((i, cut, ins) -> (Mutation) s -> {
          int from = Math.min(i, s.length());
          int to = Math.min(s.length(), from + cut);
          return s.substring(0, from) + ins + s.substring(to);
        })
        .list().ofMinSize(1).ofMaxSize(6)
        .map(ms -> {
          String s = SEED;
          for (Mutation m : ms) {
            s = m.apply(s);
          }
          return s;
        });
    Arbitrary<String> lines = Arbitraries.integers().between(0, 200).list().ofMinSize(1).ofMaxSize(5)
        .map(ix -> {
          List<String> ls = new ArrayList<>(List.of(SEED.split("\n", -1)));
          for (int i : ix) {
            int k = i % ls.size();
            ls.add((i * 7) % ls.size(), ls.remove(k));
          }
          return String.join("\n", ls);
        });
    return Arbitraries.oneOf(once, lines);
  }

  @Provide
  Arbitrary<String> noise() {
    return Arbitraries.strings()
        .withChars("abc:-[]{}\"'\t\n #&*!|>%@,?0123456789.\\")
        .withCharRange('\u0000', '\u007f')
        .ofMaxLength(300);
  }

  @Provide
  Arbitrary<String> trees() {
    return tree(3).map(node -> render(node, 0));
  }

  private Arbitrary<Object> tree(int depth) {
    Arbitrary<Object> scalar = Arbitraries.of(SCALARS).map(s -> (Object) s);
    if (depth == 0) {
      return scalar;
    }
    Arbitrary<Object> child = Arbitraries.lazy(() -> tree(depth - 1));
    Arbitrary<Object> map = Arbitraries.maps(Arbitraries.of(KEYS), child).ofMaxSize(6)
        .map(m -> (Object) m);
    Arbitrary<Object> list = child.list().ofMaxSize(4).map(l -> (Object) l);
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(2, scalar), net.jqwik.api.Tuple.of(3, map),
        net.jqwik.api.Tuple.of(2, list));
  }

  /** Block-style YAML; scalars are written raw, so some trees are not even valid YAML. */
  @SuppressWarnings("unchecked")
  private static String render(Object node, int indent) {
    String pad = " ".repeat(indent);
    StringBuilder out = new StringBuilder();
    if (node instanceof Map) {
      for (Map.Entry<String, Object> e : ((Map<String, Object>) node).entrySet()) {
        out.append(pad).append(e.getKey()).append(":");
        out.append(e.getValue() instanceof String ? " " + e.getValue() + "\n"
            : "\n" + render(e.getValue(), indent + 2));
      }
    } else if (node instanceof List) {
      for (Object item : (List<Object>) node) {
        out.append(pad).append("-");
        out.append(item instanceof String ? " " + item + "\n" : "\n" + render(item, indent + 2));
      }
    } else {
      out.append(pad).append(node).append("\n");
    }
    return out.toString();
  }

  interface Mutation {
    String apply(String s);
  }

  static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
