package org.mesosim.cli.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.mesosim.cli.scenario.Examples;
import org.mesosim.cli.scenario.ScenarioKeys;

/**
 * docs/scenario-format.md and the JSON Schema cannot drift apart: every property path of the schema
 * (walked from its root through the scenario's shapes) has a row in the doc's key reference, every
 * path documented there is in the schema, and where the schema states a default the row's default
 * column shows it. (SchemaTest already ties the schema to the loader's keys.)
 */
class ScenarioFormatDocTest {
  static final String BEGIN = "<!-- scenario-keys:begin -->";
  static final String END = "<!-- scenario-keys:end -->";
  /** A map key the user chooses: {@code <role>}, {@code <field>} in the doc. */
  static final String ANY = "<*>";

  static JsonNode schema() throws Exception {
    try (InputStream in = ScenarioFormatDocTest.class.getResourceAsStream("/mesosim-scenario.schema.json")) {
      assertNotNull(in, "schema resource missing");
      return new ObjectMapper().readTree(in);
    }
  }

  /** Path → the schema node of that property (defaults are read from it). */
  static Map<String, JsonNode> schemaPaths() throws Exception {
    JsonNode root = schema();
    Map<String, JsonNode> out = new LinkedHashMap<>();
    walk(root, root, "", out, 0);
    return out;
  }

  private static void walk(JsonNode root, JsonNode n, String path, Map<String, JsonNode> out, int depth) {
    assertTrue(depth < 30, "schema recursion too deep at " + path);
    if (n.has("$ref")) {
      String name = n.get("$ref").asText().replace("#/definitions/", "");
      if (!ScenarioKeys.SHAPES.containsKey(name)) {
        return; // a value type (duration, resources, distribution): documented as a type, not as keys
      }
      n = root.get("definitions").get(name);
      assertNotNull(n, "dangling $ref " + name);
    }
    JsonNode props = n.get("properties");
    if (props != null) {
      for (var it = props.fields(); it.hasNext();) {
        var e = it.next();
        String p = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
        out.put(p, e.getValue());
        walk(root, e.getValue(), p, out, depth + 1);
      }
    }
    if (n.get("items") != null && n.get("items").isObject()) {
      walk(root, n.get("items"), path + "[]", out, depth + 1);
    }
    if (n.get("additionalProperties") != null && n.get("additionalProperties").isObject()) {
      walk(root, n.get("additionalProperties"), path + "." + ANY, out, depth + 1);
    }
    if (n.get("anyOf") != null) {
      for (JsonNode alt : n.get("anyOf")) {
        walk(root, alt, path, out, depth + 1);
      }
    }
  }

  record Row(String path, String defaultCell, int line) {}

  static List<Row> docRows() throws Exception {
    Path doc = Examples.repoRoot().resolve("docs/scenario-format.md");
    assertTrue(Files.isRegularFile(doc), doc + " is missing");
    List<String> lines = Files.readAllLines(doc);
    int b = lines.indexOf(BEGIN);
    int e = lines.indexOf(END);
    assertTrue(b >= 0 && e > b, "docs/scenario-format.md must mark its key reference with " + BEGIN + " and " + END);
    Pattern first = Pattern.compile("^\\|\\s*`([^`]+)`\\s*\\|([^|]*)\\|([^|]*)\\|");
    List<Row> rows = new ArrayList<>();
    for (int i = b + 1; i < e; i++) {
      Matcher m = first.matcher(lines.get(i));
      if (m.find()) {
        String p = m.group(1).replaceAll("<[^>]+>", ANY);
        rows.add(new Row(p, m.group(3).trim(), i + 1));
      }
    }
    return rows;
  }

  @Test
  void everySchemaPath_isDocumented_andEveryDocumentedPath_isInTheSchema() throws Exception {
    TreeSet<String> schema = new TreeSet<>(schemaPaths().keySet());
    TreeSet<String> doc = new TreeSet<>();
    for (Row r : docRows()) {
      assertTrue(doc.add(r.path()), "documented twice: " + r.path() + " (line " + r.line() + ")");
    }
    assertTrue(schema.size() > 80, "the walk found too few schema paths: " + schema);
    TreeSet<String> undocumented = new TreeSet<>(schema);
    undocumented.removeAll(doc);
    TreeSet<String> unknown = new TreeSet<>(doc);
    unknown.removeAll(schema);
    assertEquals(new TreeSet<>(), undocumented, "schema keys missing from docs/scenario-format.md");
    assertEquals(new TreeSet<>(), unknown, "keys in docs/scenario-format.md that the schema does not have");
  }

  @Test
  void documentedDefaults_matchTheSchemaDefaults() throws Exception {
    Map<String, JsonNode> schema = schemaPaths();
    List<String> wrong = new ArrayList<>();
    for (Row r : docRows()) {
      JsonNode d = schema.get(r.path()) == null ? null : schema.get(r.path()).get("default");
      if (d == null) {
        continue;
      }
      String text = d.asText();
      boolean ok = r.defaultCell().contains("`" + text + "`")
          || (d.isNumber() && (r.defaultCell().contains("`" + stripZero(text) + "`")
          || r.defaultCell().contains("`" + text + ".0`")));
      if (!ok) {
        wrong.add(r.path() + ": the schema's default is " + d + ", the doc says " + r.defaultCell());
      }
    }
    assertEquals(List.of(), wrong);
  }

  private static String stripZero(String t) {
    return t.endsWith(".0") ? t.substring(0, t.length() - 2) : t;
  }
}
