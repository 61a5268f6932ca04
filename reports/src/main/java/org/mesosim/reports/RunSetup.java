package org.mesosim.reports;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a run's reports need to know up front: identity, the resource and framework columns (in
 * output order), role weights and where to write.
 *
 * @param scenario scenario name
 * @param seed the run's seed
 * @param allocator the allocator policy name
 * @param sampleInterval time-series period in microseconds of simulated time (&gt; 0)
 * @param resourceNames resources in output order (e.g. cpus, mem, disk)
 * @param frameworks frameworks in scenario order; names must be unique
 * @param roleWeights role weights (a role not listed has weight 1)
 * @param outDir the run's output directory (created if missing)
 */
public record RunSetup(String scenario, long seed, String allocator, long sampleInterval,
    List<String> resourceNames, List<FrameworkMeta> frameworks, SortedMap<String, Double> roleWeights,
    Path outDir) {

  public RunSetup {
    Objects.requireNonNull(scenario, "scenario");
    Objects.requireNonNull(allocator, "allocator");
    Objects.requireNonNull(outDir, "outDir");
    if (sampleInterval <= 0) {
      throw new IllegalArgumentException("sampleInterval must be > 0, not " + sampleInterval);
    }
    resourceNames = List.copyOf(resourceNames);
    frameworks = List.copyOf(frameworks);
    LinkedHashSet<String> names = new LinkedHashSet<>();
    for (FrameworkMeta f : frameworks) {
      if (!names.add(f.name())) {
        throw new IllegalArgumentException("duplicate framework name '" + f.name() + "'");
      }
    }
    roleWeights = Collections.unmodifiableSortedMap(new TreeMap<>(roleWeights == null ? new TreeMap<>() : roleWeights));
    for (var e : roleWeights.entrySet()) {
      if (!(e.getValue() > 0) || !Double.isFinite(e.getValue())) {
        throw new IllegalArgumentException("role '" + e.getKey() + "': weight must be > 0, not " + e.getValue());
      }
    }
  }

  /**
   * The setup of a run of {@code config}: scenario name, seed, allocator policy name, frameworks
   * in scenario order with their roles, role weights from {@code config.roles()}.
   *
   * @param config the model configuration
   * @param resourceNames resources in output order ({@code MesosCluster.resourceNames()})
   * @param sampleInterval time-series period, µs
   * @param outDir output directory
   */
  public static RunSetup of(org.mesosim.model.config.ModelConfig config, List<String> resourceNames,
      long sampleInterval, Path outDir) {
    List<FrameworkMeta> fws = new java.util.ArrayList<>();
    for (org.mesosim.model.config.FrameworkConfig f : config.frameworks()) {
      fws.add(new FrameworkMeta(f.info().name(), f.info().role()));
    }
    TreeMap<String, Double> weights = new TreeMap<>();
    config.roles().forEach((role, rc) -> weights.put(role, rc.weight()));
    return new RunSetup(config.name(), config.seed(), config.allocator().policy().name(), sampleInterval,
        resourceNames, fws, weights, outDir);
  }

  /** The weight of {@code role}: its configured weight, else 1. */
  public double weight(String role) {
    Double w = roleWeights.get(role);
    return w == null ? 1.0 : w;
  }

  /** Distinct roles of the frameworks, in order of first appearance in scenario order. */
  public List<String> roles() {
    LinkedHashSet<String> r = new LinkedHashSet<>();
    for (FrameworkMeta f : frameworks) {
      r.add(f.role());
    }
    return List.copyOf(r);
  }
}
