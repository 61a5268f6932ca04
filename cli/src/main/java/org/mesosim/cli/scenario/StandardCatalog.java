package org.mesosim.cli.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;
import org.mesosim.model.allocation.AllocatorPolicy;
import org.mesosim.model.allocation.PolicyOption;
import org.mesosim.model.config.AgentGroup;
import org.mesosim.model.config.FrameworkConfig;

/** The catalog backed by the real modules (allocator registry, trace formats, workloads). */
public final class StandardCatalog implements ScenarioCatalog {
  private final TreeMap<String, AllocatorPolicy> policies = new TreeMap<>();

  public StandardCatalog() {
    for (AllocatorPolicy p : ServiceLoader.load(AllocatorPolicy.class)) {
      policies.putIfAbsent(p.name(), p);
    }
  }

  @Override
  public List<String> allocatorNames() {
    return new ArrayList<>(policies.keySet());
  }

  @Override
  public Optional<AllocatorPolicy> policy(String name) {
    return Optional.ofNullable(policies.get(name));
  }

  @Override
  public Map<String, Object> resolveOptions(AllocatorPolicy policy, Map<String, Object> raw) {
    List<String> keys = policy.options().stream().map(PolicyOption::name).toList();
    for (String k : raw.keySet()) {
      if (!keys.contains(k)) {
        throw new IllegalArgumentException(k + ": unknown option of " + policy.name() + DidYouMean.hint(k, keys));
      }
    }
    return Map.copyOf(raw);
  }

  private static final Map<String, List<String>> FIELDS = Map.of(
      "swf", List.of("user", "group", "executable", "queue", "partition", "status"),
      "google-2011", List.of("user", "priority", "class", "band", "job"),
      "alibaba-2018", List.of("job", "status", "task_type"),
      "csv", List.of("user", "job"));
  private static final Map<String, List<String>> UNITS = Map.of(
      "swf", List.of("cpusPerProcessor", "memPerProcessor"),
      "google-2011", List.of("cpus", "mem", "disk"),
      "alibaba-2018", List.of("cpusPerCore", "memPerPercent"),
      "csv", List.of());

  @Override
  public List<String> traceFormats() {
    return new ArrayList<>(new TreeMap<>(FIELDS).keySet());
  }

  @Override
  public List<String> traceFields(String format) {
    return FIELDS.getOrDefault(format, List.of());
  }

  @Override
  public List<String> traceUnitKeys(String format) {
    return UNITS.getOrDefault(format, List.of());
  }

  @Override
  public List<AgentGroup> googleCell(double scale) {
    throw new UnsupportedOperationException("the google-2011 agent preset needs the workloads module");
  }

  @Override
  public List<String> distinctValues(Scenario.Trace trace, String field) {
    throw new UnsupportedOperationException("splitBy needs the workloads module");
  }

  @Override
  public FrameworkConfig.WorkloadFactory workload(Scenario.Workload workload, String frameworkName, String splitField,
      String splitValue) {
    throw new UnsupportedOperationException("workloads need the workloads module");
  }
}
