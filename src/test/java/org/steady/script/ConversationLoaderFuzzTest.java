package org.steady.script;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random and mutated YAML never crashes the loader: every outcome is a list of problems with
 * 1-based positions, and none of them is the "please report this as a bug" safety net.
 *
 * <p>Seeded, so a failure names the seed and case that reproduce it ({@code -Dfuzz.seed=N}
 * tries another corner of the space).
 */
class ConversationLoaderFuzzTest {
  static final long SEED = Long.getLong("fuzz.seed", 20261123L);
  static final String SCRIPT = read(Fixtures.resource("valid/daily-checkin.yaml"));
  static final String CALLER = read(Fixtures.resource("valid/coping.yaml"));
  static final String NOISE = "abc:-[]{}\"'\t\n #&*!|>%@,?0123456789.\\";
  static final String PUNCT = ":-[]{}\"'\t\n #&*!|>%@,?";
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

  @TempDir Path dir;

  @Test
  void mutatedScriptsNeverCrashTheLoader() throws IOException {
    run(200, 1, this::mutation);
  }

  @Test
  void randomTextNeverCrashesTheLoader() throws IOException {
    run(150, 2, ConversationLoaderFuzzTest::noise);
  }

  @Test
  void randomTreesOfKnownKeysNeverCrashTheLoader() throws IOException {
    run(150, 3, r -> render(tree(r, 3), 0));
  }

  private void run(int cases, long stream, Function<Random, String> gen) throws IOException {
    Random random = new Random(SEED * 31 + stream);
    for (int i = 0; i < cases; i++) {
      String yaml = gen.apply(random);
      Files.writeString(dir.resolve("daily-checkin.yaml"), yaml);
      Files.writeString(dir.resolve("coping.yaml"), CALLER);
      LoadResult r;
      try {
        r = ConversationLoader.load(dir);
        new LiveCatalog().apply(r);
      } catch (RuntimeException | Error e) {
        throw new AssertionError("seed " + SEED + " case " + i + " crashed the loader:\n" + yaml, e);
      }
      for (Problem p : r.problems()) {
        String where = "seed " + SEED + " case " + i + ": " + p.format();
        assertThat(p.line()).as(where).isGreaterThanOrEqualTo(1);
        assertThat(p.column()).as(where).isGreaterThanOrEqualTo(1);
        assertThat(p.message()).as(where).isNotBlank().doesNotContain("report this as a bug");
      }
    }
  }

  /** Up to six cut-and-insert edits, or a few lines moved around. */
  private String mutation(Random r) {
    if (r.nextBoolean()) {
      String s = SCRIPT;
      for (int k = 1 + r.nextInt(6); k > 0; k--) {
        int from = r.nextInt(s.length() + 1);
        int to = Math.min(s.length(), from + r.nextInt(41));
        s = s.substring(0, from) + chars(r, PUNCT, r.nextInt(5)) + s.substring(to);
      }
      return s;
    }
    List<String> lines = new ArrayList<>(List.of(SCRIPT.split("\n", -1)));
    for (int k = 1 + r.nextInt(5); k > 0; k--) {
      int i = r.nextInt(201);
      lines.add((i * 7) % lines.size(), lines.remove(i % lines.size()));
    }
    return String.join("\n", lines);
  }

  private static String noise(Random r) {
    StringBuilder sb = new StringBuilder();
    for (int n = r.nextInt(301); n > 0; n--) {
      sb.append(r.nextInt(3) == 0 ? String.valueOf((char) r.nextInt(0x80)) : chars(r, NOISE, 1));
    }
    return sb.toString();
  }

  private static String chars(Random r, String alphabet, int n) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
    }
    return sb.toString();
  }

  private static Object tree(Random r, int depth) {
    int pick = depth == 0 ? 0 : r.nextInt(7);
    if (pick < 2) {
      return SCALARS.get(r.nextInt(SCALARS.size()));
    }
    if (pick < 5) {
      Map<String, Object> m = new LinkedHashMap<>();
      for (int k = r.nextInt(7); k > 0; k--) {
        m.put(KEYS.get(r.nextInt(KEYS.size())), tree(r, depth - 1));
      }
      return m;
    }
    List<Object> l = new ArrayList<>();
    for (int k = r.nextInt(5); k > 0; k--) {
      l.add(tree(r, depth - 1));
    }
    return l;
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

  static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
