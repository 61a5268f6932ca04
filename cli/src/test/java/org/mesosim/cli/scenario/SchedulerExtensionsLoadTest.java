package org.mesosim.cli.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mesosim.model.config.SchedulerConfig;

/** The scheduler extensions serialDecisions and abandonAfter: loaded, validated with line:column, written back only when set. */
class SchedulerExtensionsLoadTest {
  @TempDir Path dir;

  static final String WITH = ScenarioLoaderTest.MINIMAL.replace("  - name: A\n",
      "  - name: A\n    scheduler: {serialDecisions: true, abandonAfter: 1000}\n");

  Scenario load(String yaml) {
    return new ScenarioLoader(new TestCatalog()).parse(yaml, "s.yaml", dir.resolve("s.yaml"), List.of());
  }

  List<String> errors(String yaml) {
    ScenarioException e = assertThrows(ScenarioException.class, () -> load(yaml));
    return e.problems().stream().map(Problem::toString).toList();
  }

  @Test
  void extensions_loadAndRoundTrip() {
    SchedulerConfig sc = load(WITH).frameworks().get(0).scheduler();
    assertTrue(sc.serialDecisions());
    assertEquals(1000, sc.abandonAfter());
    String resolved = ScenarioWriter.write(load(WITH), List.of());
    assertTrue(resolved.contains("serialDecisions: true") && resolved.contains("abandonAfter: 1000"), resolved);
    SchedulerConfig again = load(resolved).frameworks().get(0).scheduler();
    assertEquals(sc, again);
  }

  @Test
  void defaults_areOff_andNotWritten() {
    SchedulerConfig sc = load(ScenarioLoaderTest.MINIMAL).frameworks().get(0).scheduler();
    assertFalse(sc.serialDecisions());
    assertEquals(0, sc.abandonAfter());
    String resolved = ScenarioWriter.write(load(ScenarioLoaderTest.MINIMAL), List.of());
    assertFalse(resolved.contains("serialDecisions") || resolved.contains("abandonAfter"), resolved);
  }

  @Test
  void badValues_namedWithLineAndColumn() {
    assertEquals(List.of("s.yaml:7:54: frameworks[0].scheduler.abandonAfter: must be >= 0, not -1"),
        errors(WITH.replace("abandonAfter: 1000", "abandonAfter: -1")));
    List<String> gang = errors(WITH.replace("{serialDecisions", "{type: gang, serialDecisions"));
    assertEquals(1, gang.size(), gang.toString());
    assertTrue(gang.get(0).startsWith("s.yaml:7:") && gang.get(0).contains("frameworks[0].scheduler.serialDecisions:"
        + " a gang scheduler holds its offers"), gang.toString());
  }
}
