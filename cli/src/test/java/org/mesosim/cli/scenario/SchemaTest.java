package org.mesosim.cli.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped JSON Schema agrees with the loader. */
class SchemaTest {
  static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  static JsonNode schemaNode() throws Exception {
    try (InputStream in = SchemaTest.class.getResourceAsStream("/mesosim-scenario.schema.json")) {
      assertNotNull(in, "schema resource missing");
      return new ObjectMapper().readTree(in);
    }
  }

  static JsonSchema schema() throws Exception {
    return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(schemaNode());
  }

  @Test
  void everyLoaderShape_isASchemaDefinitionWithTheSameKeys() throws Exception {
    JsonNode defs = schemaNode().get("definitions");
    for (var e : ScenarioKeys.SHAPES.entrySet()) {
      JsonNode d = defs.get(e.getKey());
      assertNotNull(d, "schema lacks definitions/" + e.getKey());
      TreeSet<String> schemaKeys = new TreeSet<>();
      d.get("properties").fieldNames().forEachRemaining(schemaKeys::add);
      assertEquals(new TreeSet<>(e.getValue()), schemaKeys, "keys of " + e.getKey());
      assertEquals(false, d.get("additionalProperties").asBoolean(true), e.getKey() + " must reject unknown keys");
    }
  }

  @Test
  void everyClosedSchemaObject_isALoaderShapeOrADistribution() throws Exception {
    JsonNode defs = schemaNode().get("definitions");
    List<String> stray = new ArrayList<>();
    for (Iterator<String> it = defs.fieldNames(); it.hasNext();) {
      String name = it.next();
      JsonNode d = defs.get(name);
      if (d.has("properties") && d.path("additionalProperties").isBoolean() && !ScenarioKeys.SHAPES.containsKey(name)) {
        stray.add(name);
      }
    }
    assertEquals(List.of(), stray);
    // distribution kinds in the schema = the loader's
    TreeSet<String> kinds = new TreeSet<>();
    for (JsonNode alt : defs.get("durationDistribution").get("anyOf")) {
      if (alt.has("required")) {
        kinds.add(alt.get("required").get(0).asText());
      }
    }
    assertEquals(new TreeSet<>(ScenarioKeys.DISTRIBUTIONS.keySet()), kinds);
  }

  @Test
  void everyExample_validatesAgainstTheSchema() throws Exception {
    JsonSchema schema = schema();
    List<Path> all = Examples.all();
    assertTrue(all.size() >= 11, "examples: " + all);
    for (Path p : all) {
      Set<ValidationMessage> errors = schema.validate(YAML.readTree(p.toFile()));
      assertEquals(Set.of(), errors, p.toString());
    }
  }

  @Test
  void resolvedScenario_validatesAgainstTheSchema(@TempDir Path dir) throws Exception {
    Scenario s = new ScenarioLoader(new TestCatalog()).parse(ScenarioLoaderTest.MINIMAL + """
        faults: [{every: {weibull: {scale: 1h, shape: 2}}, crash: agents small, restartAfter: 1m}]
        """, "s.yaml", dir.resolve("s.yaml"), List.of());
    String resolved = ScenarioWriter.write(s, List.of());
    Files.writeString(dir.resolve("r.yaml"), resolved);
    assertEquals(Set.of(), schema().validate(YAML.readTree(resolved)));
  }

  @Test
  void unknownKeyAndBadValues_rejectedByBoth() throws Exception {
    String[] bad = {
        ScenarioLoaderTest.MINIMAL.replace("name: tiny", "name: tiny\nseeds: 3"),
        ScenarioLoaderTest.MINIMAL.replace("cpus: 1, mem: 512MB", "cpus: 0, mem: 512MB"),
        ScenarioLoaderTest.MINIMAL.replace("duration: 10s", "duration: {gamma: {k: 1}}"),
        ScenarioLoaderTest.MINIMAL.replace("name: tiny", "name: Tiny"),
        ScenarioLoaderTest.MINIMAL.replace("cpus: 4, mem: 8GB", "cpus: 4, mem: 8GB, reservations: 2"),
        ScenarioLoaderTest.MINIMAL.replace("resources: {cpus: 4, mem: 8GB}}",
            "resources: {cpus: 4, mem: 8GB}, reservations: {'*': {cpus: 1}}}"),
        ScenarioLoaderTest.MINIMAL + "cluster.network: {loss: 2}\n".replace("cluster.network", "metrics")};
    for (String yaml : bad) {
      assertFalse(schema().validate(YAML.readTree(yaml)).isEmpty(), "schema accepted:\n" + yaml);
      assertTrue(rejectedByLoader(yaml), "loader accepted:\n" + yaml);
    }
  }

  @Test
  void edgeValues_acceptedByBoth() throws Exception {
    String[] good = {
        ScenarioLoaderTest.MINIMAL + "roles: {a: {weight: 0.5, quota: {cpus: 0, mem: 1GB}}}\n",
        ScenarioLoaderTest.MINIMAL.replace("cpus: 4, mem: 8GB", "cpus: 4, mem: 8GB, reservations2: 2"),
        ScenarioLoaderTest.MINIMAL.replace("duration: 10s", "duration: forever") + "until: 1h\n",
        ScenarioLoaderTest.MINIMAL + "cluster.network: {loss: 1}\n".replace("cluster.network", "metrics")
            .replace("{loss: 1}", "{sampleInterval: 250ms}"),
        ScenarioLoaderTest.MINIMAL.replace("jobs: 3", "jobs: unbounded\n        arrival: 5s") + "until: 2h\n"};
    for (String yaml : good) {
      assertEquals(Set.of(), schema().validate(YAML.readTree(yaml)), yaml);
      assertFalse(rejectedByLoader(yaml), "loader rejected:\n" + yaml);
    }
  }

  @Test
  void traceLoadScale_boundsAgreeWithTheLoader(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("a.swf"), "x");
    String yaml = ScenarioLoaderTest.MINIMAL.replace("""
              synthetic:
                jobs: 3
                task: {resources: {cpus: 1, mem: 512MB}, duration: 10s}
        """, """
              trace: {format: swf, path: a.swf, loadScale: X}
        """);
    for (String ok : List.of("0.02", "1", "1000", "2.5")) {
      String y = yaml.replace("X", ok);
      assertEquals(Set.of(), schema().validate(YAML.readTree(y)), y);
      new ScenarioLoader(new TestCatalog()).parse(y, "s.yaml", dir.resolve("s.yaml"), List.of());
    }
    for (String bad : List.of("0", "-0.5", "1001", "\"x\"", "1e400")) {
      String y = yaml.replace("X", bad);
      assertFalse(schema().validate(YAML.readTree(y)).isEmpty(), "schema accepted:\n" + y);
      assertThrows(ScenarioException.class,
          () -> new ScenarioLoader(new TestCatalog()).parse(y, "s.yaml", dir.resolve("s.yaml"), List.of()), y);
    }
    Scenario s = new ScenarioLoader(new TestCatalog()).parse(yaml.replace("X", "0.25"), "s.yaml",
        dir.resolve("s.yaml"), List.of());
    String resolved = ScenarioWriter.write(s, List.of());
    assertTrue(resolved.contains("loadScale: 0.25"), resolved);
    assertEquals(Set.of(), schema().validate(YAML.readTree(resolved)), resolved);
    Files.writeString(dir.resolve("r.yaml"), resolved);
    Scenario again = new ScenarioLoader(new TestCatalog()).load(dir.resolve("r.yaml"));
    assertEquals(0.25, ((Scenario.Trace) again.frameworks().get(0).workload()).loadScale());
  }

  private static boolean rejectedByLoader(String yaml) {
    try {
      new ScenarioLoader(new TestCatalog()).parse(yaml, "s.yaml", Path.of("s.yaml"), List.of());
      return false;
    } catch (ScenarioException e) {
      return true;
    }
  }
}
