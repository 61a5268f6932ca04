package org.mesosim.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.mesosim.engine.SimTime;
import org.mesosim.model.FrameworkInfo;
import org.mesosim.model.Resources;
import org.mesosim.model.allocation.Allocator;
import org.mesosim.model.allocation.AllocatorPolicy;
import org.mesosim.model.allocation.PolicyOption;
import org.mesosim.model.config.AllocatorConfig;
import org.mesosim.model.config.Defaults;
import org.mesosim.model.config.FrameworkConfig;
import org.mesosim.model.config.ModelConfig;
import org.mesosim.model.config.RoleConfig;

class RunSetupTest {
  private static final AllocatorPolicy POLICY = new AllocatorPolicy() {
    public String name() {
      return "test-policy";
    }

    public String description() {
      return "";
    }

    public List<PolicyOption> options() {
      return List.of();
    }

    public Allocator create(Map<String, Object> options) {
      throw new UnsupportedOperationException();
    }
  };

  @Test
  void of_takesFrameworksInScenarioOrderRolesAndWeights() {
    FrameworkConfig.WorkloadFactory none = streams -> () -> null;
    TreeMap<String, RoleConfig> roles = new TreeMap<>();
    roles.put("eng/dev", new RoleConfig(3.0, Resources.EMPTY));
    ModelConfig cfg = new ModelConfig("demo", 7, SimTime.NEVER, Defaults.ZOOKEEPER, 1, Defaults.MASTER, Defaults.AGENT,
        Defaults.NETWORK, List.of(), roles, new AllocatorConfig(POLICY, Defaults.ALLOCATION_INTERVAL, Map.of()),
        List.of(new FrameworkConfig(FrameworkInfo.of("z", "eng/dev"), Defaults.SCHEDULER, none),
            new FrameworkConfig(FrameworkInfo.of("a", "*"), Defaults.SCHEDULER, none)),
        List.of(), false);
    RunSetup s = RunSetup.of(cfg, List.of("cpus", "mem"), SimTime.SECOND, Path.of("out"));
    assertEquals("demo", s.scenario());
    assertEquals(7, s.seed());
    assertEquals("test-policy", s.allocator());
    assertEquals(List.of(new FrameworkMeta("z", "eng/dev"), new FrameworkMeta("a", "*")), s.frameworks());
    assertEquals(3.0, s.weight("eng/dev"));
    assertEquals(1.0, s.weight("*"));
    assertEquals(List.of("eng/dev", "*"), s.roles());
  }

  @Test
  void constructor_rejectsDuplicateFrameworksAndBadInterval() {
    assertThrows(IllegalArgumentException.class, () -> new RunSetup("s", 1, "p", 1, List.of("cpus"),
        List.of(new FrameworkMeta("A", "a"), new FrameworkMeta("A", "b")), new TreeMap<>(), Path.of("x")));
    assertThrows(IllegalArgumentException.class, () -> new RunSetup("s", 1, "p", 0, List.of("cpus"),
        List.of(), new TreeMap<>(), Path.of("x")));
  }
}
