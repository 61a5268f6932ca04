package org.mesosim.cli.commands;

import java.io.PrintWriter;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.ArrayList;
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
 * {@code mesosim bench}: end-to-end throughput on a generated cluster and workload.
 *
 * <p>{@code --workload synthetic} (default): agents of 16 cpus / 64 GB; jobs of 10 one-cpu tasks
 * with exponential durations (mean 60 s) arriving at a rate that would keep the cluster about 80%
 * busy while they arrive; the run drains. {@code --workload google-like}: the 2011 Google cell's
 * machine mix and the {@code google-like} workload preset, both at the scale that gives about
 * {@code --agents} machines, run for the simulated time in which about {@code --tasks} tasks
 * arrive (or {@code --duration}). {@code --workload decline-storm}: the offer storm by itself
 * ({@link #stormYaml()}): {@code --agents} agents kept nearly full by one framework's endless
 * tasks, and {@code --frameworks} frameworks whose queued tasks fit nowhere, offered every agent
 * each allocation run and declining it with {@code refuseSeconds: 1}, for {@code --duration}
 * (default 5m); it reports the cost per offer.
 *
 * <p>Prints engine events (scheduled message deliveries and timers) and event-stream records (what
 * the digest covers: one per offer, decline, task state ...) per wall second, offers, simulated
 * seconds per wall second and the peak heap. Wall time is measured here, outside the simulation.
 */
@Command(name = "bench", description = "End-to-end throughput on a generated cluster and workload: events/s,"
    + " simulated seconds per wall second, peak heap.")
public final class BenchCommand implements Callable<Integer> {
  @ParentCommand MesosimCommand parent;
  @Spec CommandSpec spec;
  @Mixin CommonOptions common;

  @Option(names = "--agents", paramLabel = "N", defaultValue = "1000", description = "Agents: synthetic, N of 16"
      + " cpus / 64 GB; google-like, the 2011 cell's machine mix scaled to about N (default ${DEFAULT-VALUE}).")
  int agents;

  @Option(names = "--tasks", paramLabel = "N", defaultValue = "100000", description = "Tasks in total; google-like:"
      + " runs for the simulated time in which about N arrive (default ${DEFAULT-VALUE}).")
  long tasks;

  @Option(names = "--frameworks", paramLabel = "N", defaultValue = "10",
      description = "Frameworks sharing the workload (default ${DEFAULT-VALUE}).")
  int frameworks;

  @Option(names = "--tasks-per-job", paramLabel = "N", defaultValue = "10",
      description = "synthetic: tasks per job (default ${DEFAULT-VALUE}).")
  int tasksPerJob;

  @Option(names = "--allocator", paramLabel = "POLICY", defaultValue = "hierarchical-drf",
      description = "Allocator policy, one of `mesosim list allocators` (default ${DEFAULT-VALUE}).")
  String allocator;

  @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "Seed (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--load", paramLabel = "FRACTION", defaultValue = "0.8", description = "synthetic: jobs arrive"
      + " at the rate that keeps this fraction of the cluster's cpus busy (default ${DEFAULT-VALUE}).")
  double load;

  @Option(names = "--reports", description = "Also record metrics and write the report files into --out (slower:"
      + " the bench then measures them too).")
  boolean reports;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "runs/bench",
      description = "Output folder with --reports (default ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--check-invariants", description = "Check the model's invariants after every event (slow;"
      + " exit 3 on a violation).")
  boolean checkInvariants;

  @Option(names = "--workload", defaultValue = "synthetic", paramLabel = "KIND",
      description = "synthetic (default), google-like (the 2011 Google cell's machines and workload preset) or"
          + " decline-storm (--frameworks frameworks whose queued tasks fit nowhere decline --agents agents every"
          + " second with refuse 1 s; reports ns per offer).")
  String workload;

  @Option(names = "--duration", paramLabel = "TIME",
      description = "google-like: simulated time to run (e.g. 6h); default: the time in which about --tasks tasks"
          + " arrive. decline-storm: default " + STORM_DURATION + ".")
  String duration;

  /** Machines of the full 2011 Google cell (GoogleCell) and the preset's task arrival rate (docs/workload-fitting.md). */
  static final double GOOGLE_MACHINES = 12_583;
  static final double GOOGLE_TASKS_PER_SECOND = org.mesosim.workloads.google.GoogleLikeWorkload.JOBS_PER_SECOND
      * org.mesosim.workloads.google.GoogleLikeWorkload.MEAN_TASKS_PER_JOB;

  /** The google-like scale giving about {@code agents} machines. */
  double googleScale() {
    return agents / GOOGLE_MACHINES;
  }

  /** Simulated seconds of the google-like run. */
  double googleSeconds() {
    if (duration != null) {
      try {
        return org.mesosim.engine.Durations.parse(duration) / (double) SimTime.SECOND;
      } catch (IllegalArgumentException e) {
        throw new BadInputException("bench: --duration: " + e.getMessage());
      }
    }
    return Math.ceil(tasks / (GOOGLE_TASKS_PER_SECOND * googleScale()));
  }

  /** The generated google-like scenario's YAML: {@code frameworks} frameworks sharing the workload. */
  String googleYaml() {
    double scale = googleScale();
    return "name: bench-google-like\n"
        + "seed: " + seed + "\n"
        + "until: " + String.format(Locale.ROOT, "%.0fs", googleSeconds()) + "\n"
        + "cluster:\n"
        + "  agents:\n"
        + "    - {preset: google-2011, scale: " + plain(scale) + "}\n"
        + "allocator: {policy: " + allocator + "}\n"
        + "frameworks:\n"
        + "  - name: g\n"
        + "    count: " + frameworks + "\n"
        + "    scheduler: {type: batch}\n"
        + "    workload:\n"
        + "      synthetic: {preset: google-like, scale: " + plain(scale / frameworks) + "}\n";
  }

  /** Bytes allocated so far by the calling thread, or -1 where the JVM does not count them. */
  private static long allocatedBytes(java.lang.management.ThreadMXBean threads) {
    if (threads instanceof com.sun.management.ThreadMXBean t && t.isThreadAllocatedMemorySupported()
        && t.isThreadAllocatedMemoryEnabled()) {
      return t.getCurrentThreadAllocatedBytes();
    }
    return -1;
  }

  /** Default simulated time of the decline storm. */
  static final String STORM_DURATION = "5m";

  /**
   * The decline storm: {@code agents} agents of 16 cpus / 64 GB; framework {@code filler} (role
   * filler) places one endless task of 15 cpus / 1 GB on each at t = 0 and then suppresses; the
   * {@code frameworks} frameworks {@code s-1..s-N} (role storm) each get at 5 s one job of 100
   * endless tasks of 2 cpus / 1 GB, which fit no agent's free 1 cpu, so they never suppress: every
   * allocation run offers each agent's free resources to one of them (the first without a filter
   * there, in DRF order), which declines it with a 1 s filter. About one offer per agent per
   * simulated second, 99.99% declined: the shape of a replay whose queued tasks fit nowhere.
   */
  String stormYaml() {
    return stormYaml(agents, frameworks, seed, Math.round(stormSeconds()), allocator);
  }

  /** The decline storm's scenario (also used by the JMH {@code DeclineStormBenchmark}). */
  public static String stormYaml(int agents, int frameworks, long seed, long seconds, String allocator) {
    return "name: bench-decline-storm\n"
        + "seed: " + seed + "\n"
        + "until: " + seconds + "s\n"
        + "cluster:\n"
        + "  agents:\n"
        + "    - {name: a, count: " + agents + ", resources: {cpus: 16, mem: 65536}}\n"
        + "allocator: {policy: " + allocator + "}\n"
        + "frameworks:\n"
        + "  - name: filler\n"
        + "    role: filler\n"
        + "    scheduler: {type: batch}\n"
        + "    workload:\n"
        + "      synthetic: {jobs: 1, arrival: {at: 0s}, tasksPerJob: " + agents
        + ", task: {resources: {cpus: 15, mem: 1024}, duration: forever}}\n"
        + "  - name: s\n"
        + "    count: " + frameworks + "\n"
        + "    role: storm\n"
        + "    scheduler: {type: batch, refuseSeconds: 1}\n"
        + "    workload:\n"
        + "      synthetic: {jobs: 1, arrival: {at: 5s}, tasksPerJob: 100, task: {resources: {cpus: 2, mem: 1024},"
        + " duration: forever}}\n";
  }

  /** Simulated seconds of the decline storm. */
  double stormSeconds() {
    try {
      return org.mesosim.engine.Durations.parse(duration == null ? STORM_DURATION : duration) / (double) SimTime.SECOND;
    } catch (IllegalArgumentException e) {
      throw new BadInputException("bench: --duration: " + e.getMessage());
    }
  }

  /** A decimal without exponent, exact to the double's shortest representation (YAML-safe). */
  private static String plain(double v) {
    return new java.math.BigDecimal(Double.toString(v)).toPlainString();
  }

  /** CPU time of the whole process (all threads, including GC and JIT), or 0 when unknown. */
  private static long processCpuNanos() {
    return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
        ? Math.max(0, os.getProcessCpuTime()) : 0;
  }

  /** Longest mean gap between a synthetic framework's jobs that --load may ask for. */
  static final double MAX_JOB_GAP_SECONDS = 365 * 86_400.0;

  /**
   * Mean gap between one synthetic framework's jobs: the rate that keeps {@code load} of the
   * agents' 16 cpus busy with one-cpu tasks of 60 s mean.
   */
  double jobGapSeconds() {
    double slots = agents * 16.0;
    double meanDuration = 60.0;
    double tasksPerSecond = load * slots / meanDuration;
    return frameworks * tasksPerJob / tasksPerSecond;
  }

  /** The generated scenario's YAML. */
  String scenarioYaml() {
    long jobsTotal = (tasks + tasksPerJob - 1) / tasksPerJob;
    long jobsPerFramework = Math.max(1, (jobsTotal + frameworks - 1) / frameworks);
    long gapMicros = Math.max(1, Math.round(jobGapSeconds() * SimTime.SECOND));
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
    if (!Double.isFinite(load)) {
      throw new BadInputException("bench: --load must be a finite number, not " + load);
    }
    boolean google = workload.equals("google-like");
    boolean storm = workload.equals("decline-storm");
    if (!google && !storm && !workload.equals("synthetic")) {
      throw new BadInputException("bench: --workload must be synthetic, google-like or decline-storm, not '" + workload
          + "'");
    }
    if (duration != null && !google && !storm) {
      throw new BadInputException("bench: --duration only applies with --workload google-like or decline-storm");
    }
    if ((google && !(googleSeconds() > 0)) || (storm && !(stormSeconds() >= 1))) {
      throw new BadInputException("bench: --duration must be > 0" + (storm ? " (at least 1s)" : ""));
    }
    if (!google && !storm && jobGapSeconds() > MAX_JOB_GAP_SECONDS) {
      throw new BadInputException(String.format(Locale.ROOT, "bench: --load %s is too small: jobs would arrive %.3g s"
          + " apart (at most a year)", load, jobGapSeconds()));
    }
    if (reports) {
      org.mesosim.cli.OutputPaths.checkFolder("--out", out);
    }
    PrintWriter o = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Scenario s = new ScenarioLoader(parent.services().catalog()).parse(google ? googleYaml() : storm ? stormYaml() : scenarioYaml(), "bench",
        Path.of("bench.yaml"), List.of());
    List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans();
    for (MemoryPoolMXBean p : pools) {
      p.resetPeakUsage();
    }
    boolean progress = !common.quiet && parent.services().terminal().getAsBoolean();
    long cpu0 = processCpuNanos();
    java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long main0 = threads.isCurrentThreadCpuTimeSupported() ? threads.getCurrentThreadCpuTime() : -1;
    long alloc0 = allocatedBytes(threads);
    RunResult r = parent.services().runner().run(new RunRequest(s, List.of(), reports ? out : null, checkInvariants,
        progress), err);
    double cpuSeconds = (processCpuNanos() - cpu0) / 1e9;
    // The simulation runs on this thread; the digest is folded on another (BackgroundDigest).
    double mainCpuSeconds = main0 < 0 ? 0 : (threads.getCurrentThreadCpuTime() - main0) / 1e9;
    long allocated = alloc0 < 0 ? -1 : allocatedBytes(threads) - alloc0;
    long peak = 0;
    for (MemoryPoolMXBean p : pools) {
      if (p.getType() == MemoryType.HEAP && p.getPeakUsage() != null) {
        peak += p.getPeakUsage().getUsed();
      }
    }
    double simSeconds = r.simulatedMicros() / (double) SimTime.SECOND;
    double wall = Math.max(1e-9, r.wallSeconds());
    if (storm) {
      o.println(String.format(Locale.ROOT, "bench: decline-storm, %d agents, %d frameworks declining with refuse 1 s,"
          + " %s", agents, frameworks, allocator));
    } else if (google) {
      o.println(String.format(Locale.ROOT, "bench: google-like at scale %.4f (%d agents asked), %d frameworks, %s",
          googleScale(), agents, frameworks, allocator));
    } else {
      o.println(String.format(Locale.ROOT, "bench: %d agents, %d tasks in %d frameworks, %s", agents,
          ((tasks + tasksPerJob - 1) / tasksPerJob + frameworks - 1) / frameworks * frameworks * tasksPerJob,
          frameworks, allocator));
    }
    o.println(String.format(Locale.ROOT, "events:             %,d", r.events()));
    o.println(String.format(Locale.ROOT, "wall:               %.2f s", r.wallSeconds()));
    o.println(String.format(Locale.ROOT, "events/s:           %,.0f", r.events() / wall));
    o.println(String.format(Locale.ROOT, "stream records:     %,d (%,.0f per wall s; the digest's offers, declines,"
        + " task states ...)", r.records(), r.records() / wall));
    // Offers are the unit of work in an offer storm (docs/performance.md): wall time per offer says
    // more than events/s, which mostly counts filter timers.
    o.println(String.format(Locale.ROOT, "offers:             %,d (%,.1f per simulated s; %s of wall time per offer)",
        r.offers(), r.offers() / Math.max(1e-9, simSeconds),
        r.offers() == 0 ? "n/a" : String.format(Locale.ROOT, "%.2f us", r.wallSeconds() * 1e6 / r.offers())));
    o.println(String.format(Locale.ROOT, "tasks launched:     %,d", r.launches()));
    o.println(String.format(Locale.ROOT, "simulated:          %.1f s", simSeconds));
    o.println(String.format(Locale.ROOT, "simulated s/wall s: %,.0f", simSeconds / Math.max(1e-9, r.wallSeconds())));
    o.println(String.format(Locale.ROOT, "peak heap:          %,d MB", peak / (1024 * 1024)));
    if (mainCpuSeconds > 0) {
      o.println(String.format(Locale.ROOT, "main-thread cpu:    %.2f s (%s per offer; the simulation's thread)",
          mainCpuSeconds, r.offers() == 0 ? "n/a" : String.format(Locale.ROOT, "%.0f ns",
              mainCpuSeconds * 1e9 / r.offers())));
    }
    if (allocated >= 0) {
      // Bytes the simulation's thread allocated: unlike time, this does not depend on what else the
      // machine runs, so it compares builds on a busy machine too (docs/performance.md).
      o.println(String.format(Locale.ROOT, "main-thread alloc: %,d MB (%s per offer)", allocated / (1024 * 1024),
          r.offers() == 0 ? "n/a" : String.format(Locale.ROOT, "%.0f bytes", allocated / (double) r.offers())));
    }
    if (cpuSeconds > 0) {
      o.println(String.format(Locale.ROOT, "process cpu:        %.2f s (%,.0f events per cpu-second; all JVM threads)",
          cpuSeconds, r.events() / cpuSeconds));
    }
    // What the figures depend on besides the build: the JVM and its collector (the parallel
    // collector runs this bench in about 0.83 of G1's time; docs/performance.md).
    List<String> gcs = new ArrayList<>();
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      gcs.add(gc.getName());
    }
    o.println(String.format(Locale.ROOT, "jvm:                %s %s, %d cpus, collectors: %s",
        System.getProperty("java.vm.name"), System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors(), String.join(", ", gcs)));
    o.println("digest: " + r.digest());
    o.flush();
    return r.invariantViolations() > 0 ? ExitCodes.INVARIANT_VIOLATED : ExitCodes.OK;
  }
}
