package org.mesosim.cli.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mesosim.engine.SimTime;
import org.mesosim.model.config.SchedulerConfig;

/** scheduler.locality: defaults, round trip through the resolved file, errors with line:column. */
class LocalityLoadTest {
  @TempDir Path dir;

  Scenario load(String yaml) {
    return new ScenarioLoader(new TestCatalog()).parse(yaml, "s.yaml", dir.resolve("s.yaml"), List.of());
  }

  static String with(String locality) {
    return ScenarioLoaderTest.MINIMAL.replace("  - name: A\n", "  - name: A\n    scheduler: {locality: " + locality
        + "}\n");
  }

  @Test
  void locality_defaultsAndRoundTrip() {
    SchedulerConfig sc = load(with("{}")).frameworks().get(0).scheduler();
    assertEquals(3, sc.localityReplicas());
    assertEquals(5 * SimTime.SECOND, sc.localityWait());
    Scenario s = load(with("{replicas: 2, wait: 3s}"));
    String resolved = ScenarioWriter.write(s, List.of());
    assertEquals(s.frameworks().get(0).scheduler(), load(resolved).frameworks().get(0).scheduler(), resolved);
    assertEquals(0, load(ScenarioLoaderTest.MINIMAL).frameworks().get(0).scheduler().localityReplicas());
  }

  @Test
  void localityPer_defaultsToJob_taskRoundTrips_andABadValueIsNamed() {
    assertTrue(!load(with("{}")).frameworks().get(0).scheduler().localityPerTask());
    Scenario s = load(with("{replicas: 3, wait: 1s, per: task}"));
    assertTrue(s.frameworks().get(0).scheduler().localityPerTask());
    String resolved = ScenarioWriter.write(s, List.of());
    assertTrue(resolved.contains("per: \"task\""), resolved);
    assertEquals(s.frameworks().get(0).scheduler(), load(resolved).frameworks().get(0).scheduler(), resolved);
    ScenarioException e = assertThrows(ScenarioException.class, () -> load(with("{per: block}")));
    assertTrue(e.problems().get(0).toString().startsWith("s.yaml:7:")
        && e.problems().get(0).toString().contains("frameworks[0].scheduler.locality.per"), e.toString());
  }

  @Test
  void locality_errors() {
    ScenarioException e = assertThrows(ScenarioException.class, () -> load(with("{replicas: 0}")));
    assertEquals(List.of("s.yaml:7:38: frameworks[0].scheduler.locality.replicas: must be >= 1, not 0"),
        e.problems().stream().map(Problem::toString).toList());
    ScenarioException u = assertThrows(ScenarioException.class, () -> load(with("{replica: 2}")));
    assertTrue(u.problems().get(0).toString().contains("frameworks[0].scheduler.locality.replica"), u.toString());
  }
}
