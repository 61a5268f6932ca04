package org.mesosim.cli.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The offer-operation keys {@code frameworks[].sharedResources} and {@code scheduler.stateful}
 * (docs/operations.md): loaded, validated with line:column, written back only when set.
 */
class OperationsLoadTest {
  @TempDir Path dir;

  static final String WITH = ScenarioLoaderTest.MINIMAL.replace("  - name: A\n",
      "  - name: A\n    role: db\n    sharedResources: true\n    scheduler: {type: batch, stateful: true}\n");

  Scenario load(String yaml) {
    return new ScenarioLoader(new TestCatalog()).parse(yaml, "s.yaml", dir.resolve("s.yaml"), List.of());
  }

  List<String> errors(String yaml) {
    ScenarioException e = assertThrows(ScenarioException.class, () -> load(yaml));
    return e.problems().stream().map(Problem::toString).toList();
  }

  @Test
  void keys_loadAndRoundTrip() {
    Scenario s = load(WITH);
    assertTrue(s.frameworks().get(0).sharedResources());
    assertTrue(s.frameworks().get(0).scheduler().stateful());
    String resolved = ScenarioWriter.write(s, List.of());
    assertTrue(resolved.contains("sharedResources: true") && resolved.contains("stateful: true"), resolved);
    Scenario again = load(resolved);
    assertEquals(s.frameworks().get(0).scheduler(), again.frameworks().get(0).scheduler());
    assertTrue(again.frameworks().get(0).sharedResources());
  }

  @Test
  void defaults_areOff_andNotWritten() {
    Scenario s = load(ScenarioLoaderTest.MINIMAL);
    assertFalse(s.frameworks().get(0).sharedResources());
    assertFalse(s.frameworks().get(0).scheduler().stateful());
    String resolved = ScenarioWriter.write(s, List.of());
    assertFalse(resolved.contains("sharedResources") || resolved.contains("stateful"), resolved);
  }

  @Test
  void statefulWithRoleStar_namedAtTheScheduler() {
    assertEquals(List.of("s.yaml:8:16: frameworks[0].scheduler.stateful: a stateful scheduler reserves for its role;"
        + " give the framework a role other than '*'"), errors(WITH.replace("    role: db\n", "")));
  }

  @Test
  void statefulWithGangOrLocality_namedAtTheKey() {
    assertEquals(List.of("s.yaml:9:40: frameworks[0].scheduler.stateful: a gang scheduler launches whole jobs across"
        + " held offers; stateful applies to batch and service schedulers"),
        errors(WITH.replace("type: batch", "type: gang ")));
    List<String> loc = errors(WITH.replace("stateful: true}", "stateful: true, locality: {replicas: 2}}"));
    assertEquals(List.of("s.yaml:9:40: frameworks[0].scheduler.stateful: a stateful task relaunches on its volume's"
        + " agent; it cannot be combined with locality"), loc);
  }

  @Test
  void statefulWithAnotherPolicy_namedAtTheKey() {
    List<String> e = errors(WITH.replace("cluster:\n", "allocator: {policy: fifo}\ncluster:\n"));
    assertEquals(List.of("s.yaml:10:40: frameworks[0].scheduler.stateful: uses offer operations (RESERVE, CREATE),"
        + " which only allocator policy hierarchical-drf models, not fifo"), e);
  }

  @Test
  void badValues_namedWithLineAndColumn() {
    List<String> e = errors(WITH.replace("sharedResources: true", "sharedResources: maybe"));
    assertEquals(1, e.size(), e.toString());
    assertTrue(e.get(0).startsWith("s.yaml:8:") && e.get(0).contains("frameworks[0].sharedResources:"), e.toString());
  }
}
