package org.steady.script;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Loads every {@code *.yaml} under a folder (recursively, skipping {@code schema/}) into engine
 * models and reports every problem in every file at once. Never throws on bad content: a broken
 * file is a {@link Problem}, never an exception.
 *
 * <pre>{@code
 * LoadResult r = ConversationLoader.load(Path.of("conversations"));
 * r.problems().forEach(p -> System.out.println(p.format()));
 * if (r.ok()) live.apply(r);
 * }</pre>
 */
public final class ConversationLoader {
  private ConversationLoader() {}

  public static LoadResult load(Path dir) {
    return load(dir, false);
  }

  /**
   * @param requireReviewed when true a {@code review: {status: draft}} is an error instead of a
   *     warning (a deployment that serves only clinician-reviewed content)
   */
  public static LoadResult load(Path dir, boolean requireReviewed) {
    Catalogue files = new Catalogue(requireReviewed);
    if (!Files.isDirectory(dir)) {
      Report r = files.report(dir.toString());
      r.errorAt(0, 0, "no such folder");
    } else {
      for (Path rel : yamlFiles(dir, files)) {
        readOne(dir.resolve(rel), rel, files);
      }
    }
    return files.finish();
  }

  /** Relative paths of the YAML files under {@code dir}, sorted; {@code schema/} is skipped. */
  private static List<Path> yamlFiles(Path dir, Catalogue files) {
    List<Path> out = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.filter(Files::isRegularFile)
          .map(dir::relativize)
          .filter(p -> p.getFileName().toString().endsWith(".yaml"))
          .filter(p -> !p.getName(0).toString().equals("schema"))
          .forEach(out::add);
    } catch (IOException | RuntimeException e) {
      files.report(dir.toString()).errorAt(0, 0, "the folder cannot be read: " + e.getClass().getSimpleName());
    }
    out.sort((a, b) -> a.toString().compareTo(b.toString()));
    return out;
  }

  private static void readOne(Path file, Path rel, Catalogue files) {
    Report report = files.report(file.toString(), rel.toString().replace('\\', '/'));
    String name = rel.getFileName().toString();
    String stem = name.substring(0, name.length() - ".yaml".length());
    try {
      byte[] bytes = Files.readAllBytes(file);
      String text;
      try {
        text = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .decode(ByteBuffer.wrap(bytes)).toString();
      } catch (CharacterCodingException e) {
        report.errorAt(0, 0, "the file is not UTF-8 text");
        return;
      }
      if (text.startsWith("\uFEFF")) {
        text = text.substring(1);
      }
      Node root = YamlSource.compose(text, report).orElse(null);
      if (root != null) {
        files.add(root, report, stem, version(bytes));
      } else {
        files.unreadable(text, stem);
      }
    } catch (IOException e) {
      report.errorAt(0, 0, "the file cannot be read: " + e.getClass().getSimpleName());
    } catch (RuntimeException | StackOverflowError e) {
      report.errorAt(0, 0, "the file could not be checked (" + e.getClass().getSimpleName()
          + "); please report this as a bug in Steady");
    }
  }

  /** The content version: the first 12 hex digits of the SHA-256 of the file's bytes. */
  static String version(byte[] bytes) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
      return HexFormat.of().formatHex(digest).substring(0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }
}
