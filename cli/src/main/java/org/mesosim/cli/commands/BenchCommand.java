package org.mesosim.cli.commands;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.mesosim.cli.CommonOptions;
import org.mesosim.cli.ExitCodes;
import org.mesosim.cli.MesosimCommand;
import org.mesosim.cli.RunRequest;
import org.mesosim.cli.RunResult;
import org.mesosim.cli.scenario.Scenario;
import org.mesosim.cli.scenario.ScenarioLoader;
import org.mesosim.engine.BadInputException;
import org.mesosim.engine.SimTime;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code mesosim bench}: end-to-end throughput on a generated cluster and workload. Agents of 16
 * cpus / 64 GB; jobs of 10 one-cpu tasks with exponential durations (mean 60 s) arriving at a rate
 * that keeps the cluster about 80% busy; the run drains. Prints events/s, simulated seconds per
 * wall second and the peak heap. Wall time is measured here, outside the simulation.
 */
@Command(name = "bench", description = "End-to-end throughput on a generated cluster and workload: events/s,"
    + " simulated seconds per wall second, peak heap.")
public final class BenchCommand implements Callable<Integer> {
  @ParentCommand MesosimCommand parent;
  @Spec CommandSpec spec;
  @Mixin CommonOptions common;

  @Option(names = "--agents", defaultValue = "1000", description = "Agents (default ${DEFAULT-VALUE}).")
  int agents;

  @Option(names = "--tasks", defaultValue = "100000", description = "Tasks in total (default ${DEFAULT-VALUE}).")
  long tasks;

  @Option(names = "--frameworks", defaultValue = "10", description = "Frameworks (default ${DEFAULT-VALUE}).")
  int frameworks;

  @Option(names = "--tasks-per-job", defaultValue = "10", description = "Tasks per job (default ${DEFAULT-VALUE}).")
  int tasksPerJob;

  @Option(names = "--allocator", defaultValue = "hierarchical-drf", description = "Policy (default ${DEFAULT-VALUE}).")
  String allocator;

  @Option(names = "--seed", defaultValue = "1", description = "Seed (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--load", defaultValue = "0.8", description = "Target busy fraction (default ${DEFAULT-VALUE}).")
  double load;

  @Option(names = "--reports", description = "Also record metrics and write the report files (into --out).")
  boolean reports;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "runs/bench",
      description = "Output folder with --reports (default ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--check-invariants", description = "Check the model's invariants (slow).")
  boolean checkInvariants;

  /** CPU time of the whole process (all threads, including GC and JIT), or 0 when unknown. */
  private static long processCpuNanos() {
    return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
        ? Math.max(0, os.getProcessCpuTime()) : 0;
  }

  /** The generated scenario's YAML. */
  String scenarioYaml() {
    long jobsTotal = (tasks + tasksPerJob - 1) / tasksPerJob;
    long jobsPerFramework = Math.max(1, (jobsTotal + frameworks - 1) / frameworks);
    double slots = agents * 16.0;
    double meanDuration = 60.0;
    double tasksPerSecond = load * slots / meanDuration;
    double jobGapSeconds = frameworks * tasksPerJob / tasksPerSecond;
    long gapMicros = Math.max(1, Math.round(jobGapSeconds * SimTime.SECOND));
    return "name: bench\n"
        + "seed: " + seed + "\n"
        + "cluster:\n"
        + "  agents:\n"
        + "    - {name: a, count: " + agents + ", resources: {cpus: 16, mem: 65536, disk: 500000}}\n"
        + "allocator: {policy: " + allocator + "}\n"
        + "frameworks:\n"
        + "  - name: f\n"
        + "    count: " + frameworks + "\n"
        + "    scheduler: {type: batch}\n"
        + "    workload:\n"
        + "      synthetic:\n"
        + "        jobs: " + jobsPerFramework + "\n"
        + "        arrival: {exponential: {mean: " + gapMicros + "us}}\n"
        + "        tasksPerJob: " + tasksPerJob + "\n"
        + "        task: {resources: {cpus: 1, mem: 2048}, duration: {exponential: {mean: 60s}}}\n";
  }

  @Override
  public Integer call() throws Exception {
    if (agents < 1 || tasks < 1 || frameworks < 1 || tasksPerJob < 1 || !(load > 0)) {
      throw new BadInputException("bench: --agents, --tasks, --frameworks, --tasks-per-job and --load must be > 0");
    }
    PrintWriter o = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Scenario s = new ScenarioLoader(parent.services().catalog()).parse(scenarioYaml(), "bench", Path.of("bench.yaml"),
        List.of());
    List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans();
    for (MemoryPoolMXBean p : pools) {
      p.resetPeakUsage();
    }
    boolean progress = !common.quiet && parent.services().terminal().getAsBoolean();
    long cpu0 = processCpuNanos();
    RunResult r = parent.services().runner().run(new RunRequest(s, List.of(), reports ? out : null, checkInvariants,
        progress), err);
    double cpuSeconds = (processCpuNanos() - cpu0) / 1e9;
    long peak = 0;
    for (MemoryPoolMXBean p : pools) {
      if (p.getType() == MemoryType.HEAP && p.getPeakUsage() != null) {
        peak += p.getPeakUsage().getUsed();
      }
    }
    double simSeconds = r.simulatedMicros() / (double) SimTime.SECOND;
    o.println(String.format(Locale.ROOT, "bench: %d agents, %d tasks in %d frameworks, %s", agents,
        ((tasks + tasksPerJob - 1) / tasksPerJob + frameworks - 1) / frameworks * frameworks * tasksPerJob,
        frameworks, allocator));
    o.println(String.format(Locale.ROOT, "events:             %,d", r.events()));
    o.println(String.format(Locale.ROOT, "wall:               %.2f s", r.wallSeconds()));
    o.println(String.format(Locale.ROOT, "events/s:           %,.0f", r.events() / Math.max(1e-9, r.wallSeconds())));
    o.println(String.format(Locale.ROOT, "simulated:          %.1f s", simSeconds));
    o.println(String.format(Locale.ROOT, "simulated s/wall s: %,.0f", simSeconds / Math.max(1e-9, r.wallSeconds())));
    o.println(String.format(Locale.ROOT, "peak heap:          %,d MB", peak / (1024 * 1024)));
    if (cpuSeconds > 0) {
      o.println(String.format(Locale.ROOT, "process cpu:        %.2f s (%,.0f events per cpu-second; all JVM threads)",
          cpuSeconds, r.events() / cpuSeconds));
    }
    o.println("digest: " + r.digest());
    o.flush();
    return r.invariantViolations() > 0 ? ExitCodes.INVARIANT_VIOLATED : ExitCodes.OK;
  }
}
