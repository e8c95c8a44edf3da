package org.steady.script;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Keeps the published JSON Schema ({@code conversations/schema/conversation.schema.json}, used by
 * editors for completion and inline errors) in step with the Java validator: every shipped file
 * and every valid fixture matches it, and corpus cases with structural mistakes fail it.
 */
class ConversationSchemaTest {
  static final Path SCHEMA = Path.of("conversations/schema/conversation.schema.json");
  static Schema schema;

  @BeforeAll
  static void loadSchema() throws IOException {
    try (InputStream in = Files.newInputStream(SCHEMA)) {
      schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
    }
  }

  @Test
  void everyShippedFileMatchesTheSchemaAndPointsEditorsAtIt() throws IOException {
    for (Path file : yamlFiles(Path.of("conversations"))) {
      assertThat(errors(file)).as(file.toString()).isEmpty();
      String first = Files.readAllLines(file).get(0);
      assertThat(first).as(file + " names the schema").startsWith("# yaml-language-server: $schema=");
      Path target = file.getParent().resolve(first.substring(first.indexOf('=') + 1).trim());
      assertThat(target.normalize()).as(file + " schema path").isEqualTo(SCHEMA.normalize());
    }
  }

  @Test
  void validFixturesAndSupportFilesMatchTheSchema() throws IOException {
    List<Path> files = yamlFiles(Fixtures.resource("valid"));
    files.addAll(yamlFiles(Fixtures.resource("broken/_support")));
    assertThat(files).hasSizeGreaterThanOrEqualTo(8);
    for (Path file : files) {
      assertThat(errors(file)).as(file.toString()).isEmpty();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "unknown-key", "unknown-step-type", "missing-type", "missing-step-id", "missing-sources",
      "empty-sources", "missing-review", "bad-review-status", "reviewed-without-by",
      "unknown-header-key", "unknown-kind", "bad-command", "steps-empty", "options-not-a-list",
      "option-missing-label", "option-unknown-key", "integer-not-a-boolean", "text-bad-format",
      "escalate-bad-severity", "escalate-missing-reason", "case-missing-when",
      "branch-without-cases", "coping-without-tags", "too-many-reminders", "wait-missing-give-up",
      "max-length-out-of-range", "number-without-bounds", "scale-min-not-integer", "text-is-a-list",
      "next-is-empty", "bad-variable-name", "locales-without-english", "second-coping-prompts",
      "red-flags-empty-pattern", "root-is-a-list"})
  void structuralMistakesFailTheSchemaToo(String name) throws IOException {
    assertThat(errors(Fixtures.resource("broken/" + name + ".yaml"))).isNotEmpty();
  }

  static List<String> errors(Path file) throws IOException {
    Node root = new Compose(LoadSettings.builder().build())
        .composeString(Files.readString(file)).orElseThrow();
    return schema.validate(toJson(root)).stream()
        .map(e -> e.getInstanceLocation() + " " + e.getMessage())
        .toList();
  }

  static List<Path> yamlFiles(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(p -> p.toString().endsWith(".yaml"))
          .filter(p -> !dir.relativize(p).startsWith("schema"))
          .sorted()
          .collect(java.util.stream.Collectors.toCollection(java.util.ArrayList::new));
    }
  }

  /** YAML nodes to JSON the way a YAML language server sees them (core schema scalars). */
  static JsonNode toJson(Node node) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    if (node instanceof MappingNode) {
      ObjectNode o = f.objectNode();
      for (NodeTuple t : ((MappingNode) node).getValue()) {
        o.set(((ScalarNode) t.getKeyNode()).getValue(), toJson(t.getValueNode()));
      }
      return o;
    }
    if (node instanceof SequenceNode) {
      ArrayNode a = f.arrayNode();
      ((SequenceNode) node).getValue().forEach(n -> a.add(toJson(n)));
      return a;
    }
    ScalarNode s = (ScalarNode) node;
    Tag tag = s.getTag();
    if (Tag.NULL.equals(tag)) {
      return f.nullNode();
    }
    if (Tag.BOOL.equals(tag)) {
      return f.booleanNode(Boolean.parseBoolean(s.getValue().toLowerCase(java.util.Locale.ROOT)));
    }
    if (Tag.INT.equals(tag)) {
      return f.numberNode(new java.math.BigInteger(s.getValue().replace("_", "")));
    }
    if (Tag.FLOAT.equals(tag)) {
      return f.numberNode(Double.parseDouble(s.getValue()));
    }
    return f.stringNode(s.getValue());
  }

  static String describe(Error e) {
    return e.getInstanceLocation() + ": " + e.getMessage();
  }
}
