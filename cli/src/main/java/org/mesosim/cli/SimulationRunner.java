package org.mesosim.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.mesosim.cli.scenario.ModelMapper;
import org.mesosim.cli.scenario.OpenedWorkloads;
import org.mesosim.cli.scenario.Scenario;
import org.mesosim.cli.scenario.ScenarioCatalog;
import org.mesosim.cli.scenario.ScenarioWriter;
import org.mesosim.engine.Simulation;
import org.mesosim.model.MesosCluster;
import org.mesosim.model.events.BackgroundDigest;
import org.mesosim.model.config.ModelConfig;
import org.mesosim.reports.EventLog;
import org.mesosim.reports.FrameworkMeta;
import org.mesosim.reports.MetricsRecorder;
import org.mesosim.reports.ReportOptions;
import org.mesosim.reports.ReportWriter;
import org.mesosim.reports.RunSetup;
import org.mesosim.reports.RunSummary;

/**
 * Runs one scenario on the Mesos model: builds the cluster, attaches the metrics recorder, runs
 * until {@code until} or drained, and writes the report files. Wall time is measured here (the
 * simulation itself never reads the clock). Thread-safe: every run owns its simulation.
 */
public final class SimulationRunner implements Runner {
  private final ScenarioCatalog catalog;

  public SimulationRunner(ScenarioCatalog catalog) {
    this.catalog = catalog;
  }

  /**
   * Runs one scenario. Bad input found while the run goes (a malformed trace row, a task larger
   * than every agent) ends it with that {@link org.mesosim.engine.BadInputException}: the
   * recorder is closed without finishing, so the folder keeps its {@code *.partial} files and no
   * {@code summary.json} (an incomplete run is never presented as complete), and every workload
   * the run opened is closed.
   */
  @Override
  public RunResult run(RunRequest req, PrintWriter progressOut) throws Exception {
    try (OpenedWorkloads opened = new OpenedWorkloads()) {
      return run(req, progressOut, opened);
    }
  }

  private RunResult run(RunRequest req, PrintWriter progressOut, OpenedWorkloads opened) throws Exception {
    Scenario s = req.scenario();
    ModelConfig cfg = ModelMapper.toModel(s, catalog, req.checkInvariants(), opened);
    Simulation sim = new Simulation(s.seed());
    MesosCluster cluster = new MesosCluster(sim, cfg);
    MetricsRecorder rec = null;
    RunSetup setup = null;
    EventLog events = null;
    // The digest is a pure function of the event stream: fold it on the other core.
    BackgroundDigest digest = cluster.digestInBackground();
    try {
      if (req.outDir() != null) {
        Files.createDirectories(req.outDir());
        List<FrameworkMeta> meta = new ArrayList<>();
        for (Scenario.Expanded e : s.expanded()) {
          meta.add(new FrameworkMeta(e.name(), e.role()));
        }
        setup = new RunSetup(s.name(), s.seed(), s.allocator().policy(), s.sampleInterval(), cluster.resourceNames(),
            meta, ModelMapper.roleWeights(s), req.outDir());
        // the recorder opens its *.partial files, then removes the previous summary, CSVs and report
        rec = new MetricsRecorder(setup, MetricsRecorder.DEFAULT_STARVATION_THRESHOLD, allocatorSeries(setup, cfg,
            cluster));
        rec.agentHeatmap(s.heatmap());
        cluster.addObserver(rec);
        // rows are written just before the clock moves past their time, so the allocator's columns
        // show its state after every event up to then (reading it changes nothing)
        sim.setClockListener(rec::advanceTo);
        // A previous run in this folder may have drawn other charts or formats; they must not pass for
        // this run's (removed only now that summary.json is gone: killed before, the folder is still
        // the previous complete run)
        for (String chart : ReportOptions.CHARTS) {
          for (String format : ReportOptions.FORMATS) {
            Files.deleteIfExists(req.outDir().resolve(ReportWriter.CHARTS_DIR).resolve(chart + "." + format));
          }
        }
        Files.deleteIfExists(req.outDir().resolve(ReportWriter.SCENARIO));
      }
      if (req.eventKinds() != null) {
        if (req.outDir() == null) {
          throw new IllegalArgumentException("an event log needs an output folder");
        }
        events = new EventLog(req.outDir(), req.eventKinds());
        cluster.addObserver(events);
      }
      RunResult result = run(req, progressOut, s, cfg, sim, cluster, rec, setup, events, digest);
      digest.close();
      return result;
    } catch (Exception | Error e) {
      // Close without finishing: the *.partial files stay and summary.json is not written. A failure
      // while closing is added to the run's failure, never put in its place.
      closeQuietly(e, digest::close);
      if (rec != null) {
        closeQuietly(e, rec::close);
      }
      if (events != null) {
        closeQuietly(e, events::close); // stays events.jsonl.partial
      }
      throw e;
    }
  }

  /**
   * The allocator's metrics of the leading master ({@code metrics.json} and the {@code allocator/mesos/...}
   * columns): the framework roles' gauges and those of the roles with quota in the scenario.
   */
  private static org.mesosim.reports.AllocatorSeries allocatorSeries(RunSetup setup, ModelConfig cfg,
      MesosCluster cluster) {
    java.util.SortedMap<String, org.mesosim.model.Resources> quotas = new TreeMap<>();
    cfg.roles().forEach((role, rc) -> {
      if (!rc.quota().isEmpty()) {
        quotas.put(role, rc.quota());
      }
    });
    List<org.mesosim.reports.AllocatorSeries.Column> columns =
        new java.util.ArrayList<>(org.mesosim.reports.AllocatorSeries.columns(setup.roles(), quotas));
    boolean oversubscription = cfg.oversubscription().enabled();
    if (oversubscription) {
      // docs/oversubscription.md: Mesos' master revocable gauges and the agents' preemptions, only
      // in runs with a resource estimator (every other run's outputs stay as they were).
      for (String r : List.of("cpus", "mem", "disk")) {
        String unit = org.mesosim.reports.csv.TidyTimeseries.unit(r);
        columns.add(new org.mesosim.reports.AllocatorSeries.Column("master/" + r + "_revocable_total", r, unit));
        columns.add(new org.mesosim.reports.AllocatorSeries.Column("master/" + r + "_revocable_used", r, unit));
      }
      columns.add(new org.mesosim.reports.AllocatorSeries.Column("slave/executors_preempted", "agents",
          org.mesosim.reports.AllocatorSeries.COUNT));
    }
    return new org.mesosim.reports.AllocatorSeries(columns,
        () -> {
          org.mesosim.model.allocation.Allocator a = cluster.leadingAllocator();
          if (a == null) {
            return null;
          }
          if (!oversubscription) {
            return a.metrics();
          }
          java.util.TreeMap<String, Double> m = new java.util.TreeMap<>(a.metrics());
          m.putAll(cluster.oversubscriptionMetrics());
          return m;
        });
  }

  private interface Closer {
    void close() throws Exception;
  }

  private static void closeQuietly(Throwable failure, Closer c) {
    try {
      c.close();
    } catch (Exception | Error e) {
      if (e != failure) {
        failure.addSuppressed(e);
      }
    }
  }

  private RunResult run(RunRequest req, PrintWriter progressOut, Scenario s, ModelConfig cfg, Simulation sim,
      MesosCluster cluster, MetricsRecorder rec, RunSetup setup, EventLog events, BackgroundDigest background)
      throws Exception {
    Progress progress = null;
    if (req.progress() && progressOut != null) {
      progress = new Progress(progressOut, cfg.until());
      sim.addListener(progress, 14);
    }
    long t0 = System.nanoTime();
    cluster.start();
    if (req.debug() && progressOut != null) {
      long jvmStart = java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
      long cpu = java.lang.management.ManagementFactory.getOperatingSystemMXBean()
          instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() / 1_000_000 : -1;
      progressOut.println("debug: first event fires " + (System.currentTimeMillis() - jvmStart)
          + " ms after JVM start (" + cpu + " ms of CPU time)");
      progressOut.flush();
    }
    if (cfg.drained()) {
      StuckCheck stuck = new StuckCheck(s, sim, cluster);
      sim.runWhile(cfg.until(), () -> !cluster.isDrained() && !stuck.stuck());
    } else {
      sim.runWhile(cfg.until(), () -> !cluster.isDrained());
    }
    double wall = (System.nanoTime() - t0) / 1e9;
    if (progress != null) {
      progress.done();
    }
    background.finish();
    String digest = sim.digest().hex();
    long violations = cluster.invariantViolations();
    RunSummary summary = null;
    String human;
    TreeMap<String, Double> headline = new TreeMap<>();
    if (events != null) {
      events.finish(); // renamed to events.jsonl with the other files, before summary.json
    }
    if (rec != null) {
      rec.finish(sim.now());
      summary = rec.summary(digest, sim.eventsFired(), wall, violations);
      ReportWriter.write(setup, rec, summary, new ReportOptions(s.charts(), s.formats()),
          ScenarioWriter.write(s, req.overrides()));
      rec.close();
      human = human(summary, req);
      for (Map.Entry<String, RunSummary.MeanFinal> e : summary.cluster().utilization().entrySet()) {
        headline.put("util_" + e.getKey() + "_mean", e.getValue().mean());
      }
      headline.put("jain_mean", summary.fairness().jainIndex().mean());
      headline.put("jobs_finished", (double) summary.frameworks().stream().mapToLong(f -> f.jobs().finished()).sum());
      headline.put("wait_p95_s", summary.jobs().waitSeconds().p95());
      headline.put("completion_p95_s", summary.jobs().completionSeconds().p95());
    } else {
      human = String.format(Locale.ROOT, "%s: %d events, %.1f simulated s in %.2f wall s", s.name(),
          sim.eventsFired(), sim.now() / 1e6, wall);
    }
    return new RunResult(digest, sim.eventsFired(), sim.now(), wall, violations, req.outDir(), human, summary,
        headline, sim.digest().events(), cluster.offersMade(), cluster.launchesAccepted());
  }

  /**
   * How long a run {@code until: drained} may go without progress (no task launched or ended, no
   * job arriving) while tasks are queued and none is live before it is stopped as one that would
   * never end. Offers come every allocation interval (1 s), so tasks an agent can hold do not wait a
   * day with the cluster idle; a fault that keeps every agent down longer is the exception (use
   * {@code until: <duration>} there).
   */
  static final long STUCK_AFTER = 86_400L * org.mesosim.engine.SimTime.SECOND;

  /**
   * Stops a run {@code until: drained} that cannot drain: a task no agent its framework is offered
   * can hold (reserved for other roles, say), or a gang job larger than the cluster. Without this
   * the run would go on forever (framework and allocator timers keep firing). O(1) per event: the
   * frameworks' queues are looked at once per idle spell (tasks are queued only when a job arrives
   * or a task ends, which ends the spell).
   */
  private static final class StuckCheck {
    private final Scenario s;
    private final Simulation sim;
    private final MesosCluster cluster;
    /** The idle spell (its start) whose queues were found empty: only waiting for jobs. */
    private long waitingSince = org.mesosim.engine.SimTime.NEVER;
    /** The next simulated time to ask whether a leader can still be elected (sampled, not per event). */
    private long nextLeaderCheck;
    /** When no leader could ever be elected again was first seen, or NEVER. */
    private long leaderlessSince = org.mesosim.engine.SimTime.NEVER;

    StuckCheck(Scenario s, Simulation sim, MesosCluster cluster) {
      this.s = s;
      this.sim = sim;
      this.cluster = cluster;
    }

    boolean stuck() {
      leaderless();
      long since = cluster.idleSince();
      if (since == org.mesosim.engine.SimTime.NEVER || since == waitingSince || sim.now() - since < STUCK_AFTER) {
        return false;
      }
      List<String> queued = new ArrayList<>();
      cluster.queuedTasks().forEach((name, n) -> queued.add(name + " (" + n + (n == 1 ? " task)" : " tasks)")));
      if (queued.isEmpty()) {
        waitingSince = since;
        return false;
      }
      throw new org.mesosim.engine.BadInputException(String.format(Locale.ROOT, "%s: until: drained, but the run"
          + " cannot drain: no task has launched or ended since %s s (a simulated day) while %s still %s tasks queued"
          + " and none runs: no agent their frameworks are offered can hold them (resources reserved for other roles,"
          + " too few agents left after faults), or a gang job needs more than the whole cluster at once. Set until"
          + " to a duration to run it anyway", s.file(), org.mesosim.engine.Durations.formatSeconds(since),
          String.join(", ", queued), queued.size() == 1 ? "has" : "have"));
    }

    /**
     * Stops the run once no master can ever lead again ({@link MesosCluster#leaderLostForGood()}):
     * every status update and offer goes through a leader, so the frameworks' work can never end. The
     * condition is sampled once per simulated second and the run is given {@link #LEADERLESS_GRACE}
     * more, for messages already on their way, before it is stopped.
     */
    private void leaderless() {
      long now = sim.now();
      if (now < nextLeaderCheck) {
        return;
      }
      nextLeaderCheck = now + org.mesosim.engine.SimTime.SECOND;
      String why = cluster.leaderLostForGood();
      if (why == null) {
        leaderlessSince = org.mesosim.engine.SimTime.NEVER;
        return;
      }
      if (leaderlessSince == org.mesosim.engine.SimTime.NEVER) {
        leaderlessSince = now;
      }
      if (now - leaderlessSince < LEADERLESS_GRACE) {
        return;
      }
      List<String> busy = new ArrayList<>();
      cluster.queuedTasks().forEach((name, n) -> busy.add(name));
      throw new org.mesosim.engine.BadInputException(String.format(Locale.ROOT, "%s: until: drained, but the run"
          + " cannot drain: no master can ever be elected leader again since %s s: %s; no offer or status update"
          + " can reach a framework any more%s. Let a fault restart a master or heal the partition"
          + " (restartAfter, healAfter, cluster.master.restartDelay), or set until to a duration to run it anyway",
          s.file(), org.mesosim.engine.Durations.formatSeconds(leaderlessSince), why,
          busy.isEmpty() ? "" : " (" + String.join(", ", busy) + " still " + (busy.size() == 1 ? "has" : "have")
              + " tasks queued)"));
    }
  }

  /**
   * How long a run until drained goes on after no master can ever lead again before it is stopped:
   * messages already sent are delivered within it (they take milliseconds).
   */
  static final long LEADERLESS_GRACE = 600L * org.mesosim.engine.SimTime.SECOND;

  /** A few lines for stdout: time, events, per framework tasks/jobs/share, fairness. */
  static String human(RunSummary s, RunRequest req) {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "%s (seed %d, %s): %.1f simulated s, %d events, %.2f wall s%n",
        s.scenario(), s.seed(), s.allocator(), s.simulated().seconds(), s.simulated().events(), s.wall().seconds()));
    StringBuilder util = new StringBuilder();
    s.cluster().utilization().forEach((k, v) -> util.append(String.format(Locale.ROOT, " %s %.0f%%", k,
        100 * v.mean())));
    sb.append(String.format(Locale.ROOT, "cluster: %d agents, mean utilization%s; Jain %.3f%n", s.cluster().agents(),
        util, s.fairness().jainIndex().mean()));
    int w = s.frameworks().stream().mapToInt(f -> f.name().length()).max().orElse(4);
    for (RunSummary.FrameworkSummary f : s.frameworks()) {
      sb.append(String.format(Locale.ROOT, "  %-" + w + "s  tasks %d finished, %d running, %d failed, %d lost;"
          + " jobs %d/%d; dominant share mean %.3f, final %.3f%n", f.name(), f.tasks().finished(), f.tasks().running(),
          f.tasks().failed(), f.tasks().lost(), f.jobs().finished(), f.jobs().submitted(), f.dominantShare().mean(),
          f.dominantShare().last()));
    }
    if (req.outDir() != null) {
      sb.append("results: ").append(req.outDir()).append('\n');
    }
    return sb.toString();
  }

  /** Progress on stderr: simulated time, percent, events/s, ETA; rewritten in place. */
  static final class Progress implements Simulation.RunListener {
    private final PrintWriter out;
    private final long until;
    private final long start = System.nanoTime();
    private long lastPrint;

    Progress(PrintWriter out, long until) {
      this.out = out;
      this.until = until;
    }

    @Override
    public void progress(Simulation sim) {
      long now = System.nanoTime();
      if (now - lastPrint < 500_000_000L) {
        return;
      }
      lastPrint = now;
      double wall = (now - start) / 1e9;
      double rate = sim.eventsFired() / Math.max(1e-9, wall);
      String line;
      if (until != org.mesosim.engine.SimTime.NEVER) {
        double frac = Math.min(1, sim.now() / (double) until);
        double eta = frac > 0 ? wall * (1 - frac) / frac : 0;
        line = String.format(Locale.ROOT, "\r%10.1f s simulated  %5.1f%%  %,.0f events/s  ETA %.0f s   ",
            sim.now() / 1e6, 100 * frac, rate, eta);
      } else {
        line = String.format(Locale.ROOT, "\r%10.1f s simulated  %,.0f events/s  (until drained)   ",
            sim.now() / 1e6, rate);
      }
      out.print(line);
      out.flush();
    }

    void done() {
      if (lastPrint != 0) {
        out.print("\r" + " ".repeat(70) + "\r");
        out.flush();
      }
    }
  }
}
