package org.mesosim.cli.scenario;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mesosim.allocators.AllocatorRegistry;
import org.mesosim.model.allocation.AllocatorPolicy;
import org.mesosim.model.config.AgentGroup;
import org.mesosim.model.config.FrameworkConfig;

/**
 * What the scenario loader needs to know from the other modules: allocator policies, trace formats,
 * the Google cell's machines, and how to open workloads. The production implementation is
 * {@link StandardCatalog}; tests may supply their own.
 */
public interface ScenarioCatalog {
  /** Every allocator policy name, sorted. */
  List<String> allocatorNames();

  Optional<AllocatorPolicy> policy(String name);

  /**
   * Typed options with defaults filled in, and what the policy's validation built from them (the
   * options parsed once for every allocator of a run).
   *
   * @throws IllegalArgumentException {@code "<key>: <problem>"}
   */
  AllocatorRegistry.Resolved resolveOptions(AllocatorPolicy policy, Map<String, Object> raw);

  /** Trace format ids, sorted. */
  List<String> traceFormats();

  /** One line describing a trace format, for {@code mesosim list formats}. */
  default String traceFormatDescription(String format) {
    return "";
  }

  /** Fields of a format usable in {@code filter} and {@code splitBy}; empty for an unknown format. */
  List<String> traceFields(String format);

  /** Keys of a format's {@code units}. */
  List<String> traceUnitKeys(String format);

  /** The 2011 Google cell's machines, scaled (extension {@code preset: google-2011}). */
  List<AgentGroup> googleCell(double scale);

  /**
   * The agent groups an entry of {@code cluster.agents} with {@code preset} or {@code machines}
   * stands for: the Google 2011 cell, or a trace's machine table ({@code MachineTables}), scaled.
   */
  default List<AgentGroup> presetGroups(Scenario.Agents a) {
    if (a.machines() != null) {
      Scenario.Machines m = a.machines();
      return org.mesosim.workloads.MachineTables.read(m.format(), List.of(m.file()), m.units(), a.scale());
    }
    return googleCell(a.scale());
  }

  /** Fields of the {@code google-like} preset's jobs usable in {@code splitBy}. */
  List<String> PRESET_FIELDS = List.of("band", "kind");

  /**
   * The values the {@code google-like} preset gives a field, sorted: one framework each with
   * {@code splitBy} (the standard catalog asks the preset itself).
   */
  default List<String> presetValues(String field) {
    return switch (field) {
      case "band" -> List.of("batch", "free", "production");
      case "kind" -> List.of("batch", "service");
      default -> List.of();
    };
  }

  /** Distinct values of a field in a trace, sorted (for {@code splitBy}). */
  List<String> distinctValues(Scenario.Trace trace, String field);

  /**
   * Tasks of a trace (filter and window applied) that never end: alive at the end of its input.
   * Reads the whole trace; asked only with {@code until: drained}, which such a task would make endless.
   */
  default long foreverTasks(Scenario.Trace trace) {
    return 0;
  }

  /**
   * Opens a framework's workload.
   *
   * @param splitField {@code splitBy} field, or null
   * @param splitValue the value this framework takes, or null
   */
  FrameworkConfig.WorkloadFactory workload(Scenario.Workload workload, String frameworkName, String splitField,
      String splitValue);

  /**
   * The workload factories of one run: one per expanded framework ({@link Scenario#expanded()}), in
   * order. Call once per run: state shared by the factories (such as the one trace reader that
   * feeds every framework of a {@code splitBy} entry) is made by this call and belongs to that run
   * alone. Workloads the factories open may be registered with {@code opened}, which the run closes
   * when it ends.
   *
   * @param agents the cluster's agent groups (presets expanded)
   */
  default List<FrameworkConfig.WorkloadFactory> workloads(Scenario s, List<AgentGroup> agents,
      OpenedWorkloads opened) {
    List<FrameworkConfig.WorkloadFactory> out = new java.util.ArrayList<>();
    for (Scenario.Expanded e : s.expanded()) {
      out.add(workload(e.spec().workload(), e.name(), e.spec().splitBy(), e.splitValue()));
    }
    return out;
  }
}
