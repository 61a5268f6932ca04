package org.mesosim.cli.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every example scenario starts with a comment and passes validation. */
class ExampleScenariosLoadTest {
  @Test
  void everyExample_startsWithACommentAndLoads() throws Exception {
    for (Path p : Examples.all()) {
      List<String> lines = Files.readAllLines(p);
      assertTrue(lines.get(0).startsWith("# "), p + " must start with a comment saying what it shows");
      assertTrue(String.join("\n", lines).contains("# Look for:"), p + " must say what to look for");
      Scenario s = new ScenarioLoader(new TestCatalog()).load(p);
      assertEquals(p.getFileName().toString().replace(".yaml", ""), s.name(), "name matches the file");
    }
  }

  @Test
  void everyExample_loadsWithTheRealModules() throws Exception {
    StandardCatalog real = new StandardCatalog();
    assumeTrue(real.policy("hierarchical-drf").isPresent(), "hierarchical-drf not merged yet");
    for (Path p : Examples.all()) {
      new ScenarioLoader(real).load(p);
    }
  }
}
