package org.mesosim.cli.scenario;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mesosim.allocators.AllocatorRegistry;
import org.mesosim.model.allocation.Allocator;
import org.mesosim.model.allocation.AllocatorPolicy;
import org.mesosim.model.allocation.PolicyOption;
import org.mesosim.model.config.AgentGroup;
import org.mesosim.model.config.FrameworkConfig;

/** A catalog for loader tests: two fake policies, the standard trace formats, no workloads. */
public final class TestCatalog implements ScenarioCatalog {
  private final StandardCatalog standard = new StandardCatalog();

  public static AllocatorPolicy fake(String name) {
    return new AllocatorPolicy() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public String description() {
        return "fake " + name;
      }

      @Override
      public List<PolicyOption> options() {
        return List.of(new PolicyOption("fairnessExcludeResourceNames", "string", "", List.of(), "x"));
      }

      @Override
      public Allocator create(Map<String, Object> options) {
        throw new UnsupportedOperationException();
      }
    };
  }

  @Override
  public List<String> allocatorNames() {
    return List.of("fifo", "hierarchical-drf");
  }

  @Override
  public Optional<AllocatorPolicy> policy(String name) {
    return allocatorNames().contains(name) ? Optional.of(fake(name)) : Optional.empty();
  }

  @Override
  public AllocatorRegistry.Resolved resolveOptions(AllocatorPolicy policy, Map<String, Object> raw) {
    return standard.resolveOptions(policy, raw);
  }

  @Override
  public List<String> traceFormats() {
    return standard.traceFormats();
  }

  @Override
  public List<String> traceFields(String format) {
    return standard.traceFields(format);
  }

  @Override
  public List<String> traceUnitKeys(String format) {
    return standard.traceUnitKeys(format);
  }

  @Override
  public List<AgentGroup> googleCell(double scale) {
    return List.of();
  }

  @Override
  public List<String> distinctValues(Scenario.Trace trace, String field) {
    return List.of("u1", "u2");
  }

  @Override
  public FrameworkConfig.WorkloadFactory workload(Scenario.Workload w, String name, String field, String value) {
    return streams -> null;
  }
}
