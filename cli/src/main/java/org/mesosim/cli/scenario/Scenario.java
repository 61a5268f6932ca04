package org.mesosim.cli.scenario;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.mesosim.engine.random.Distribution;
import org.mesosim.model.Resources;
import org.mesosim.model.allocation.AllocatorPolicy;
import org.mesosim.model.config.AgentFlags;
import org.mesosim.model.config.FaultSpec;
import org.mesosim.model.config.MasterFlags;
import org.mesosim.model.config.RoleConfig;
import org.mesosim.model.config.SchedulerConfig;
import org.mesosim.model.config.ZooKeeperConfig;

/**
 * A validated scenario file (docs/scenario-format.md), every default filled in. Times are microseconds
 * ({@link org.mesosim.engine.SimTime}); {@code SimTime.NEVER} means never/none/drained. This is the
 * scenario as written (copies and {@code splitBy} not yet expanded, see {@link #expanded()}); it is
 * what {@code scenario.resolved.yaml} serialises.
 *
 * @param file the file it was read from (trace paths are relative to its folder)
 * @param until stop time, or {@code SimTime.NEVER} for {@code drained}
 * @param sampleInterval {@code metrics.sampleInterval}
 * @param heatmap {@code metrics.agentHeatmap}
 * @param charts {@code report.charts}
 * @param formats {@code report.formats}
 * @param expanded the frameworks after {@code count} and {@code splitBy} expansion, in order
 */
public record Scenario(
    Path file,
    String name,
    String description,
    long seed,
    long until,
    Cluster cluster,
    SortedMap<String, RoleConfig> roles,
    Allocator allocator,
    List<Framework> frameworks,
    List<Fault> faults,
    long sampleInterval,
    org.mesosim.reports.AgentHeatmap.Options heatmap,
    List<String> charts,
    List<String> formats,
    List<Expanded> expanded,
    org.mesosim.model.config.MaintenanceConfig maintenance) {

  /** Without maintenance. */
  public Scenario(Path file, String name, String description, long seed, long until, Cluster cluster,
      SortedMap<String, RoleConfig> roles, Allocator allocator, List<Framework> frameworks, List<Fault> faults,
      long sampleInterval, org.mesosim.reports.AgentHeatmap.Options heatmap, List<String> charts,
      List<String> formats, List<Expanded> expanded) {
    this(file, name, description, seed, until, cluster, roles, allocator, frameworks, faults, sampleInterval, heatmap,
        charts, formats, expanded, org.mesosim.model.config.MaintenanceConfig.NONE);
  }

  public Scenario {
    maintenance = maintenance == null ? org.mesosim.model.config.MaintenanceConfig.NONE : maintenance;
    frameworks = List.copyOf(frameworks);
    faults = List.copyOf(faults);
    charts = List.copyOf(charts);
    formats = List.copyOf(formats);
    expanded = List.copyOf(expanded);
  }

  /** The same scenario with another seed. */
  public Scenario withSeed(long newSeed) {
    return new Scenario(file, name, description, newSeed, until, cluster, roles, allocator, frameworks, faults,
        sampleInterval, heatmap, charts, formats, expanded, maintenance);
  }

  /** The same scenario drawing these charts ({@code report.charts}). */
  public Scenario withCharts(List<String> newCharts) {
    return new Scenario(file, name, description, seed, until, cluster, roles, allocator, frameworks, faults,
        sampleInterval, heatmap, newCharts, formats, expanded, maintenance);
  }

  /** {@code cluster}. */
  public record Cluster(ZooKeeperConfig zookeeper, int masters, MasterFlags master, AgentFlags agent, Dist latency,
      double loss, org.mesosim.model.config.NetworkConfig.LossModel lossModel, List<Agents> agents) {
    public Cluster {
      agents = List.copyOf(agents);
    }
  }

  /**
   * One entry of {@code cluster.agents}: a group, or (extension) {@code preset: google-2011} with
   * {@code scale}, which stands for the 2011 Google cell's machine mix.
   *
   * @param preset null, or {@code google-2011}
   */
  public record Agents(String name, int count, Resources resources, SortedMap<String, String> attributes,
      SortedMap<String, Resources> reservations, String preset, double scale, Machines machines,
      org.mesosim.model.config.Oversubscription.Estimator estimator) {
    /** A group or a preset (no machine table, no resource estimator). */
    public Agents(String name, int count, Resources resources, SortedMap<String, String> attributes,
        SortedMap<String, Resources> reservations, String preset, double scale) {
      this(name, count, resources, attributes, reservations, preset, scale, null, null);
    }
  }

  /**
   * (Extension) {@code machines: {format, path, units}}: a trace's machine table standing for the
   * cluster's machines ({@link org.mesosim.workloads.MachineTables}), scaled by the entry's {@code scale}.
   *
   * @param path as written; {@code file} resolved against the scenario's folder
   */
  public record Machines(String format, String path, java.nio.file.Path file, SortedMap<String, Double> units) {}

  /**
   * {@code allocator}.
   *
   * @param options every option of the policy, defaults filled in, in scenario syntax (for the
   *     resolved file)
   * @param typedOptions the same, as the policy's registry resolved them
   * @param allocators what builds the run's allocators, from the options as the policy validated
   *     and parsed them once; null when the policy is unknown or an option bad
   */
  public record Allocator(String policy, long interval, Map<String, Object> options, Map<String, Object> typedOptions,
      AllocatorPolicy.Validated allocators) {}

  /** One entry of {@code frameworks}, before expansion. */
  public record Framework(String name, int count, String role, long failoverTimeout, boolean checkpoint,
      boolean partitionAware, boolean gpuResources, boolean sharedResources, SchedulerConfig scheduler,
      Workload workload, String splitBy, boolean revocableResources, org.mesosim.model.config.FrameworkConfig.RevocableTasks revocableTasks) {
    /** Without the REVOCABLE_RESOURCES capability. */
    public Framework(String name, int count, String role, long failoverTimeout, boolean checkpoint,
        boolean partitionAware, boolean gpuResources, boolean sharedResources, SchedulerConfig scheduler,
        Workload workload, String splitBy) {
      this(name, count, role, failoverTimeout, checkpoint, partitionAware, gpuResources, sharedResources, scheduler,
          workload, splitBy, false, org.mesosim.model.config.FrameworkConfig.RevocableTasks.NONE);
    }

    /** Without the SHARED_RESOURCES and REVOCABLE_RESOURCES capabilities. */
    public Framework(String name, int count, String role, long failoverTimeout, boolean checkpoint,
        boolean partitionAware, boolean gpuResources, SchedulerConfig scheduler, Workload workload, String splitBy) {
      this(name, count, role, failoverTimeout, checkpoint, partitionAware, gpuResources, false, scheduler, workload,
          splitBy, false, org.mesosim.model.config.FrameworkConfig.RevocableTasks.NONE);
    }
  }

  /** A framework after {@code count}/{@code splitBy} expansion. */
  public record Expanded(String name, String role, Framework spec, String splitValue) {}

  /** {@code workload}: exactly one kind. */
  public sealed interface Workload permits Synthetic, GoogleLike, Trace {
    /** True if it never runs out of jobs. */
    boolean endless();
  }

  /**
   * {@code workload.synthetic}.
   *
   * @param jobs number of jobs, or -1 for {@code unbounded}
   * @param arrival inter-arrival distribution (µs), or null when {@code arrivalAt >= 0}
   * @param arrivalAt {@code {at: X}}: every job at X, else -1
   * @param duration task duration (µs), null = {@code forever}
   */
  public record Synthetic(long jobs, Dist arrival, long arrivalAt, Dist tasksPerJob, Resources task, Dist duration,
      double failureProbability) implements Workload {
    @Override
    public boolean endless() {
      return jobs < 0;
    }
  }

  /** Extension: {@code workload.synthetic.preset: google-like} with {@code scale}. */
  public record GoogleLike(double scale, double diurnalAmplitude, double diurnalPeakHour) implements Workload {
    /** Without a daily cycle. */
    public GoogleLike(double scale) {
      this(scale, 0, 0);
    }

    /** Endless: jobs keep arriving, and the services of time 0 run forever (docs/workloads.md, google-like). */
    @Override
    public boolean endless() {
      return true;
    }
  }

  /**
   * {@code workload.trace}.
   *
   * @param paths as written (file, glob or list)
   * @param files resolved, in order
   * @param windowTo {@code SimTime.NEVER} = open
   * @param loadScale thins ({@code < 1}) or replicates ({@code > 1}) the jobs of each framework fed
   *     by this trace, on its stream {@code workload/<framework>/load}; 1 = every job once
   */
  public record Trace(String format, List<String> paths, List<Path> files, SortedMap<String, Filter> filter,
      long windowFrom, long windowTo, double timeScale, boolean skipMalformed, SortedMap<String, Double> units,
      double loadScale, Path index, boolean dropUnended) implements Workload {
    /** Without index; tasks whose end is beyond the input run forever. */
    public Trace(String format, List<String> paths, List<Path> files, SortedMap<String, Filter> filter,
        long windowFrom, long windowTo, double timeScale, boolean skipMalformed, SortedMap<String, Double> units,
        double loadScale) {
      this(format, paths, files, filter, windowFrom, windowTo, timeScale, skipMalformed, units, loadScale, null, false);
    }

    @Override
    public boolean endless() {
      return false;
    }
  }

  /** A trace row filter on one field. */
  public sealed interface Filter permits Equals, In, Range {}

  /** The field equals the value. */
  public record Equals(String value) implements Filter {}

  /** The field is one of the values. */
  public record In(List<String> values) implements Filter {
    public In {
      values = List.copyOf(values);
    }
  }

  /** The field, as a number, is in [min, max]. */
  public record Range(double min, double max) implements Filter {}

  /**
   * One fault.
   *
   * @param at time, or -1 with {@code every}
   * @param every inter-fault distribution (µs), or null
   * @param targets as written ({@code agent small-3}, …)
   * @param recoverAfter restartAfter/healAfter (µs), or null
   */
  public record Fault(long at, Dist every, FaultSpec.Action action, List<String> targets, Dist recoverAfter) {
    public Fault {
      targets = List.copyOf(targets);
    }
  }

  /** A distribution and whether its values are durations (µs, written with units). */
  public record Dist(Distribution value, boolean duration) {}
}
