package org.mesosim.reports;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mesosim.model.events.ModelEvent;
import org.mesosim.model.events.ModelObserver;
import org.mesosim.reports.chart.SeriesBuffer;

/**
 * Turns the observable event stream into every metric of a run (docs/outputs.md defines each).
 * Fed only by {@link ModelEvent}s, in order; it never schedules simulation events and never
 * changes the simulation.
 *
 * <ul>
 *   <li>Allocation: a framework's allocation is the sum of its non-terminal tasks' resources
 *       (TaskLaunched adds, the first terminal TaskStatus subtracts, TaskRecovered adds again).
 *   <li>Capacity: the sum of the totals of the agents currently registered (AgentRegistered adds
 *       or replaces, AgentRemoved subtracts) — what the master's allocator divides by.
 *   <li>Levels (utilization, shares, Jain's index, the gap, pending) are piecewise constant between
 *       events; their means are time-weighted over [0, end].
 *   <li>The time series is sampled every {@code sampleInterval} by level-hold: when an event at
 *       time t arrives, a row is written for every sample boundary b &lt; t with the state after all
 *       events at times ≤ b; {@link #finish} writes the boundaries ≤ end and a last row at end.
 * </ul>
 *
 * <p>Memory is bounded by what is live, not by history: live tasks, open jobs and outstanding
 * offers are kept; ended jobs are written to {@code jobs.csv.partial} and folded into
 * {@link Quantiles}; samples go to {@code timeseries.csv.partial} and a bounded
 * {@link SeriesBuffer} for charts. Cost per event is O(resources), plus O(frameworks) once per
 * distinct event time at which a share changed (Jain's index and the gap) and on capacity changes.
 *
 * <p>This class only routes each event to the concerns it changes and composes the summary; each
 * concern is its own class: {@link AllocationLedger} (allocation, capacity, utilization and shares),
 * {@link Fairness} (Jain's index, the gap), {@link TaskCounters}, {@link OfferCounters},
 * {@link JobCounters} (and {@code jobs.csv}), {@link SchedulerMeasures} (Omega's), {@link Starvation}
 * (demand, starvation, offer waits), {@link LeadershipAvailability} (leaders, faults),
 * {@link AgentActivity} (heatmap, Gantt) and {@link TimeSeriesWriter} ({@code timeseries.csv}, the
 * chart series).
 */
public final class MetricsRecorder implements ModelObserver, AutoCloseable {
  /** Default starvation threshold: 60 s. */
  public static final long DEFAULT_STARVATION_THRESHOLD = 60_000_000L;

  /** Bounded slowdown's floor on run time: 10 s (Feitelson's τ). */
  public static final long SLOWDOWN_FLOOR = 10_000_000L;

  /** Points kept per series for charts. */
  public static final int CHART_POINTS = TimeSeriesWriter.CHART_POINTS;

  static final String TIMESERIES_PARTIAL = "timeseries.csv.partial";
  static final String JOBS_PARTIAL = "jobs.csv.partial";

  /** The columns of {@code jobs.csv}. */
  public static final List<String> JOBS_COLUMNS = JobCounters.COLUMNS;

  private final RunSetup setup;
  private final Map<String, Integer> fwIndex = new HashMap<>();

  // one per concern (docs/outputs.md); this class routes each event to the concerns it changes
  private final Fairness fairness;
  private final AllocationLedger ledger;
  private final Starvation starvation;
  private final TaskCounters tasks;
  private final OfferCounters offers;
  private final JobCounters jobs;
  private final SchedulerMeasures scheduler;
  private final LeadershipAvailability leadership = new LeadershipAvailability();
  private final AgentActivity agents;
  private final TimeSeriesWriter timeSeries;
  private long unknownFrameworkEvents;

  private long now;
  private long end = -1;
  private boolean closed;

  /** With the default starvation threshold (60 s). */
  public MetricsRecorder(RunSetup setup) {
    this(setup, DEFAULT_STARVATION_THRESHOLD);
  }

  /**
   * Opens {@code timeseries.csv.partial} and {@code jobs.csv.partial} in the setup's outDir,
   * deleting a previous run's {@code summary.json}, {@code timeseries.csv}, {@code jobs.csv} and
   * {@code report.html} there.
   *
   * @param starvationThreshold microseconds with pending work and no offer that count as starvation
   */
  public MetricsRecorder(RunSetup setup, long starvationThreshold) {
    this(setup, starvationThreshold, null);
  }

  /**
   * As {@link #MetricsRecorder(RunSetup, long)}, with the allocator's metrics as columns of the time
   * series and {@code metrics.json} at the end ({@link AllocatorSeries}); {@code allocator} null
   * for none. They are sampled when the clock moves ({@link #advanceTo}), so give the recorder to
   * the simulation's clock listener too.
   */
  public MetricsRecorder(RunSetup setup, long starvationThreshold, AllocatorSeries allocator) {
    this.setup = setup;
    int nFw = setup.frameworks().size();
    for (int f = 0; f < nFw; f++) {
      fwIndex.put(setup.frameworks().get(f).name(), f);
    }
    fairness = new Fairness(nFw);
    ledger = new AllocationLedger(setup, fairness);
    starvation = new Starvation(nFw, starvationThreshold, fairness);
    tasks = new TaskCounters(nFw);
    offers = new OfferCounters(nFw);
    scheduler = new SchedulerMeasures(nFw);
    agents = new AgentActivity(setup);
    try {
      Files.createDirectories(setup.outDir());
      // The partial files first, then summary.json goes, then the rest of a previous run: killed at
      // any point, the folder is the previous complete run or has *.partial files and no summary.json.
      Writer tsOut = open(setup.outDir().resolve(TIMESERIES_PARTIAL));
      Writer jobsOut = open(setup.outDir().resolve(JOBS_PARTIAL));
      for (String stale : List.of("summary.json", "summary.json.partial", "timeseries.csv", "jobs.csv",
          "report.html", EventLog.FILE, EventLog.PARTIAL, org.mesosim.reports.csv.TidyTimeseries.FILE,
          AllocatorSeries.FILE, AllocatorSeries.FILE + AtomicFiles.PARTIAL, AgentData.HEATMAP,
          AgentData.OFFER_LATENCY)) {
        Files.deleteIfExists(setup.outDir().resolve(stale));
      }
      timeSeries = new TimeSeriesWriter(setup, tsOut, allocator, ledger, starvation, fairness);
      jobs = new JobCounters(setup, jobsOut);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write results in " + setup.outDir() + ": " + e.getMessage(), e);
    }
  }

  /**
   * The columns of {@code timeseries.csv}: {@code time_s}; {@code util_<res>} per resource; per
   * framework (scenario order) {@code share_<name>}, {@code alloc_<name>_<res>} per resource,
   * {@code pending_<name>}; {@code jain}; then additions: {@code gap}, {@code jain_active} and
   * {@code roleshare_<role>}
   * per role.
   */
  public static List<String> timeseriesColumns(RunSetup setup) {
    return TimeSeriesWriter.columns(setup);
  }

  private static Writer open(Path p) throws IOException {
    return new BufferedWriter(Files.newBufferedWriter(p, StandardCharsets.UTF_8), 1 << 16);
  }

  public RunSetup setup() {
    return setup;
  }

  /** Times (s) of the elections after the first (leader changes). */
  public List<Double> leaderChangeTimes() {
    return leadership.leaderChangeTimes();
  }

  /** Times (s) of the faults seen (the first {@link RunSummary#MAX_FAULT_EVENTS}). */
  public List<Double> faultTimes() {
    return leadership.faultTimes();
  }

  /** The bounded, downsampled time series for charts. */
  public SeriesBuffer chartSeries() {
    return timeSeries.chartSeries();
  }

  /** Completion seconds of finished jobs of framework {@code f} (scenario index). */
  public Quantiles completion(int f) {
    return jobs.completion(f);
  }

  /** True once {@link #finish} ran. */
  public boolean isFinished() {
    return end >= 0;
  }

  // ---------------------------------------------------------------------------------------------

  @Override
  public void on(ModelEvent event) {
    if (end >= 0) {
      throw new IllegalStateException("event after finish: " + event);
    }
    long t = event.time();
    if (t > now) {
      advance(t);
    }
    try {
      apply(event);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void advance(long t) {
    fairness.settle(now, ledger, starvation);
    try {
      timeSeries.rowsBefore(t);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    now = t;
    offers.newInstant();
  }

  private int fw(String name) {
    Integer f = fwIndex.get(name);
    if (f == null) {
      unknownFrameworkEvents++;
      return -1;
    }
    return f;
  }

  /**
   * Routes an event to the concerns it changes; an event of a framework not in the scenario is only
   * counted ({@code settings.unknownFrameworkEvents}).
   */
  private void apply(ModelEvent event) throws IOException {
    long t = event.time();
    if (event instanceof ModelEvent.TaskLaunched e) {
      int f = fw(e.framework());
      if (f >= 0) {
        taskLaunched(f, e, t);
      }
    } else if (event instanceof ModelEvent.TaskStatus e) {
      int f = fw(e.framework());
      TaskCounters.LiveTask ended = f < 0 ? null : tasks.status(f, e.task().value(), e.state());
      if (ended != null) {
        taskGone(f, ended);
      }
    } else if (event instanceof ModelEvent.TaskRecovered e) {
      int f = fw(e.framework());
      TaskCounters.LiveTask back = f < 0 ? null : tasks.recovered(f, e.task().value(), e.resources(), e.state());
      if (back != null) {
        agents.taskStarted(back, f, e.agent(), now);
        ledger.change(f, e.resources(), +1, now);
      }
    } else if (event instanceof ModelEvent.OfferMade e) {
      int f = fw(e.framework());
      if (f >= 0) {
        offers.made(f, e.offer().value(), t);
        starvation.offered(f, t);
      }
    } else if (event instanceof ModelEvent.OfferDeclined e) {
      int f = fw(e.framework());
      if (f >= 0) {
        offers.declined(f, e.offer().value());
      }
    } else if (event instanceof ModelEvent.OfferRescinded e) {
      int f = fw(e.framework());
      if (f >= 0) {
        offers.rescinded(f, e.offer().value());
      }
    } else if (event instanceof ModelEvent.PendingChanged e) {
      int f = fw(e.framework());
      if (f >= 0) {
        starvation.pendingChanged(f, e.pending(), t);
      }
    } else if (event instanceof ModelEvent.FrameworkDeactivated e) {
      int f = fw(e.framework());
      if (f >= 0) {
        starvation.deactivated(f, t);
      }
    } else if (event instanceof ModelEvent.FrameworkRegistered e) {
      int f = fw(e.framework());
      if (f >= 0) {
        starvation.registered(f, t);
      }
    } else if (event instanceof ModelEvent.SchedulerDecision e) {
      int f = fw(e.framework());
      if (f >= 0) {
        scheduler.decision(f, t, e.end());
      }
    } else if (event instanceof ModelEvent.TaskPlaced e) {
      int f = fw(e.framework());
      if (f >= 0) {
        scheduler.placed(f, e.local());
      }
    } else if (event instanceof ModelEvent.JobAttempted e) {
      int f = fw(e.framework());
      if (f >= 0) {
        scheduler.attempted(f, e.submitTime(), t);
      }
    } else if (event instanceof ModelEvent.JobSubmitted e) {
      int f = fw(e.framework());
      if (f >= 0) {
        jobs.submitted(f, e.job(), e.tasks(), t);
      }
    } else if (event instanceof ModelEvent.JobEnded e) {
      int f = fw(e.framework());
      if (f >= 0) {
        jobEnded(f, e, t);
      }
    } else if (event instanceof ModelEvent.AgentRegistered e) {
      ledger.agentRegistered(e.agent().value(), e.total().quantity(), now);
      agents.registered(e.agent().value(), e.total().quantity(), now);
    } else if (event instanceof ModelEvent.AgentRemoved e) {
      agents.removed(e.agent().value(), now);
      ledger.agentRemoved(e.agent().value(), now);
    } else if (event instanceof ModelEvent.LeaderElected e) {
      leadership.elected(e.master(), t);
    } else if (event instanceof ModelEvent.LeaderLost) {
      leadership.lost(t);
      offers.leaderLost();
    } else if (event instanceof ModelEvent.LeaderRecovered) {
      leadership.recovered(t);
    } else if (event instanceof ModelEvent.Fault e) {
      leadership.fault(e.action(), e.target(), t);
    }
    // OffersRevived/Suppressed, TaskAcknowledged, InvariantViolated: no metric here.
  }

  private void jobEnded(int f, ModelEvent.JobEnded e, long t) throws IOException {
    JobCounters.OpenJob j = jobs.close(f, e.job());
    if (j != null && j.live > 0) {
      tasks.releaseUnseen(f, j, lt -> taskGone(f, lt));
    }
    jobs.ended(f, j, e.framework(), e.job(), e.submitTime(), e.startTime(), e.tasks(), e.state(), t);
  }

  private void taskLaunched(int f, ModelEvent.TaskLaunched e, long t) {
    JobCounters.OpenJob j = e.job() == null ? null : jobs.open(f, e.job());
    TaskCounters.LiveTask added = tasks.launched(f, e.task().value(), e.resources(), j);
    if (added == null) {
      return;
    }
    agents.taskStarted(added, f, e.agent(), now);
    ledger.change(f, e.resources(), +1, now);
    if (e.offer() != null) {
      offers.used(f, e.offer().value(), t);
    }
    if (j != null) {
      jobs.taskLaunched(f, j, t);
    }
  }

  /** A live task's resources are released (it ended, or its job ended without its status). */
  private void taskGone(int f, TaskCounters.LiveTask lt) {
    ledger.change(f, lt.resources, -1, now);
    agents.taskEnded(lt, now);
  }

  // ------------------------------------------------------------- per agent: heatmap and Gantt

  /**
   * Sets the resolution of the per-agent heatmap ({@code metrics.agentHeatmap}); before the first
   * event only.
   */
  public void agentHeatmap(AgentHeatmap.Options options) {
    if (now > 0 || end >= 0 || !agents.resolution(options)) {
      throw new IllegalStateException("the heatmap's resolution is set before the run");
    }
  }

  /** The per-agent utilization heatmap. */
  public AgentHeatmap heatmap() {
    return agents.heatmap();
  }

  /** The task bars of a small run (see {@link TaskGantt#skipped()}). */
  public TaskGantt gantt() {
    return agents.gantt();
  }

  /** Offer-to-launch latencies (s) of framework {@code f}'s used offers. */
  public Quantiles offerLatency(int f) {
    return offers.latency(f);
  }

  /** Offer-to-launch latencies (s) of every framework. */
  public Quantiles offerLatency() {
    return offers.latency();
  }

  /**
   * Offer waits (s) of framework {@code f}: how long an offer took to reach it while it waited with
   * pending tasks and active (since its queue became non-empty, its previous offer or its
   * re-registration, whichever is latest: the start of the current starvation interval).
   */
  public Quantiles offerWait(int f) {
    return starvation.offerWait(f);
  }

  /** Offer waits (s) of every framework. */
  public Quantiles offerWait() {
    return starvation.offerWait();
  }

  /** Job waits (s) of every framework. */
  public Quantiles waits() {
    return jobs.waits();
  }

  /** Job waits (s) of framework {@code f}. */
  public Quantiles waits(int f) {
    return jobs.waits(f);
  }

  /** Jain's fairness index (Σx)² / (n·Σx²); 1 when every x is 0 (all equal) or there are none. */
  public static double jainIndex(double[] x) {
    return Fairness.jainIndex(x);
  }

  /** max(x) − min(x); 0 for fewer than two values. */
  public static double maxMinGap(double[] x) {
    return Fairness.maxMinGap(x);
  }

  // ------------------------------------------------------------ the allocator's metrics (AllocatorSeries)

  /**
   * The simulation's clock is about to move to {@code t} (a {@code Simulation.ClockListener}):
   * writes the rows of the sample times before {@code t}, with the state after every event so far,
   * the allocator's metrics included. Without it the rows are written when the next event arrives,
   * by when the allocator may already have acted at {@code t}. Changes nothing in the run.
   */
  public void advanceTo(long t) {
    if (end < 0 && t > now) {
      advance(t);
    }
  }

  /** The allocator's metrics columns and end snapshot, or null. */
  public AllocatorSeries allocatorSeries() {
    return timeSeries.allocatorSeries();
  }

  /**
   * Ends the run at {@code endTime} (µs; raised to the last event's time if earlier): writes the
   * remaining samples and a last row at the end, one {@code jobs.csv} row per job still open
   * (state {@code running} if it launched, else {@code pending}; ordered by submit time, then
   * scenario order, then submission order), closes the partial files (still named {@code *.partial}; the
   * {@link ReportWriter} renames them) and closes open starvation and leader-loss intervals.
   */
  public void finish(long endTime) {
    if (end >= 0) {
      throw new IllegalStateException("finish called twice");
    }
    long e = Math.max(endTime, now);
    try {
      if (e > now) {
        advance(e);
      }
      fairness.settle(now, ledger, starvation);
      timeSeries.finish(e);
      jobs.finish();
      closeWriters();
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
    starvation.finish(e);
    leadership.finish(e);
    agents.finish(e);
    end = e;
  }

  private void closeWriters() throws IOException {
    if (!closed) {
      closed = true;
      try {
        timeSeries.close();
      } finally {
        jobs.close();
      }
    }
  }

  /** Closes the partial files without finishing (e.g. the run failed); they stay {@code *.partial}. */
  @Override
  public void close() {
    try {
      closeWriters();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The end time given to {@link #finish} (µs). */
  public long endTime() {
    return end;
  }

  /**
   * The run's summary (after {@link #finish}).
   *
   * @param digest hex digest of the event stream
   * @param events simulation events executed
   * @param wallSeconds wall-clock seconds
   * @param invariantViolations invariant violations
   */
  public RunSummary summary(String digest, long events, double wallSeconds, long invariantViolations) {
    if (end < 0) {
      throw new IllegalStateException("summary before finish");
    }
    List<RunSummary.FrameworkSummary> fws = new ArrayList<>();
    for (int f = 0; f < setup.frameworks().size(); f++) {
      FrameworkMeta m = setup.frameworks().get(f);
      fws.add(new RunSummary.FrameworkSummary(m.name(), m.role(), tasks.summary(f), ledger.allocated(f),
          ledger.share[f].meanFinal(end), offers.summary(f), jobs.summary(f), ledger.wshare[f].meanFinal(end),
          starvation.pending[f].meanFinal(end), RunSummary.Dist.of(offers.latency(f)), starvation.summary(f),
          scheduler.summary(f, end, jobs.abandoned(f))));
    }
    return new RunSummary(setup.scenario(), setup.seed(), setup.allocator(), digest,
        new RunSummary.Simulated(end / 1e6, events), new RunSummary.Wall(wallSeconds), ledger.cluster(end),
        leadership.leaders(), fws, fairness.summary(end), invariantViolations, ledger.roles(end),
        leadership.summary(), jobs.summary(),
        new RunSummary.Settings(setup.sampleInterval() / 1e6, starvation.thresholdSeconds(),
            "sum of the totals of the agents registered at the time", leadership.faults(), unknownFrameworkEvents),
        leadership.faultEvents());
  }
}
