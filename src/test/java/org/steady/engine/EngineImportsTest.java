package org.steady.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The engine stays pure: its sources import only {@code java.*} and the engine itself (plus the
 * JSpecify nullness annotations in package-info), and name no other package in full.
 */
class EngineImportsTest {
  private static final Pattern IMPORT = Pattern.compile("^import\\s+(static\\s+)?([\\w.]+)",
      Pattern.MULTILINE);
  private static final Pattern QUALIFIED = Pattern.compile(
      "\\b(org|com|io|net|jakarta|javax|tools|de)\\.[a-z]\\w*\\.");

  @Test
  void engineImportsOnlyJava() throws IOException {
    Path root = Path.of("src/main/java/org/steady/engine");
    List<String> offenders = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        String src = Files.readString(f);
        Matcher m = IMPORT.matcher(src);
        while (m.find()) {
          String name = m.group(2);
          boolean ok = name.startsWith("java.") || name.startsWith("org.steady.engine.")
              || (f.endsWith("package-info.java") && name.startsWith("org.jspecify.annotations."));
          if (!ok) {
            offenders.add(f + ": import " + name);
          }
        }
        String code = withoutComments(src).replaceAll("(?m)^(import|package) .*$", "");
        Matcher q = QUALIFIED.matcher(code);
        while (q.find()) {
          if (!code.startsWith("org.steady.engine", q.start())) {
            offenders.add(f + ": uses " + q.group());
          }
        }
      }
    }
    assertThat(offenders).isEmpty();
  }

  private static String withoutComments(String src) {
    return src.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\n]*", "");
  }
}
