package org.mesosim.reports;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mesosim.model.ResourceNames;
import org.mesosim.model.Resources;
import org.mesosim.model.TaskState;
import org.mesosim.model.events.ModelEvent;
import org.mesosim.model.events.ModelObserver;
import org.mesosim.reports.chart.SeriesBuffer;
import org.mesosim.reports.csv.Num;

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
 */
public final class MetricsRecorder implements ModelObserver, AutoCloseable {
  /** Default starvation threshold: 60 s. */
  public static final long DEFAULT_STARVATION_THRESHOLD = 60_000_000L;

  /** Bounded slowdown's floor on run time: 10 s (Feitelson's τ). */
  public static final long SLOWDOWN_FLOOR = 10_000_000L;

  /** Points kept per series for charts. */
  public static final int CHART_POINTS = 2048;

  static final String TIMESERIES_PARTIAL = "timeseries.csv.partial";
  static final String JOBS_PARTIAL = "jobs.csv.partial";

  private final RunSetup setup;
  private final long starvationThreshold;
  private final int nRes;
  private final int nFw;
  private final int nRoles;
  private final int[] resIdx;
  private final Map<String, Integer> fwIndex = new HashMap<>();
  private final int[] fwRole;
  private final double[] fwWeight;
  private final List<String> roles;

  // state
  private final long[][] alloc;
  private final long[][] roleAlloc;
  private final long[] totalAlloc;
  private final long[] cap;
  private final Map<String, long[]> agentTotals = new HashMap<>();
  private int agentsMax;
  /** Per framework (scenario index): live tasks by task ID, open jobs by job name. */
  private final List<Map<String, LiveTask>> live = new ArrayList<>();
  private final List<Map<String, OpenJob>> openJobs = new ArrayList<>();
  private long openJobCount;
  /** JobSubmitted events so far: an open job's place among those submitted at the same instant. */
  private long jobsSeen;
  private final Map<String, Long> offerMadeAt = new HashMap<>();
  /** Offers used by a launch at the current instant (a remainder may still be returned). */
  private final java.util.Set<String> usedNow = new java.util.HashSet<>();
  private final int[] pendingNow;

  // levels
  private final Level[] util;
  private final Level[] share;
  private final Level[] wshare;
  private final Level[] roleShare;
  private final Level[] pending;
  private final Level jain = new Level(1.0);
  private final Level gap = new Level(0.0);
  private final Level jainActive = new Level(1.0);
  private boolean sharesDirty;
  /** Scratch for {@link #settle}: the weighted shares, filled in place (no allocation per instant). */
  private final double[] weightedShares;

  // counters
  private final long[] launched;
  private final long[] finishedTasks;
  private final long[] failedTasks;
  private final long[] killedTasks;
  private final long[] lostTasks;
  private final long[] recoveredTasks;
  private final long[] endedUnseen;
  private final long[] offersReceived;
  private final long[] offersDeclined;
  private final long[] offersRescinded;
  private final long[] offersUsed;
  private final long[] jobsSubmitted;
  private final long[] jobsFinished;
  private final long[] jobsFailed;
  private final long[] jobsKilled;
  private final Quantiles[] completion;
  // Omega's scheduler measures (SchedulerDecision, JobAttempted, jobs ended "abandoned")
  private final boolean[] decides;
  private final long[] decisions;
  private final long[] busyMicros;
  private final long[] busyUntil;
  private final long[] jobsAbandoned;
  private final long[] placed;
  private final long[] placedLocal;
  private final Quantiles[] firstAttemptWait;
  private final Quantiles[] waits;
  private final Quantiles[] slowdown;
  private final Quantiles[] offerLatency;
  private final Quantiles allCompletion = new Quantiles();
  private final Quantiles allWaits = new Quantiles();
  private final Quantiles allSlowdown = new Quantiles();
  private long allSubmitted;
  private long allFinished;
  private long allFailed;
  private long allKilled;

  // starvation
  private final long[] waitingSince;
  /** Deactivated (disconnected or removed) and not registered again: the master offers it nothing. */
  private final boolean[] inactive;
  private final long[] starveCount;
  private final long[] starveTotal;
  private final long[] starveMax;

  // leadership
  private final List<RunSummary.Leader> leaders = new ArrayList<>();
  private long elections;
  private long leaderLosses;
  private long lostAt = -1;
  private long unavailable;
  private final Quantiles recovery = new Quantiles();
  private long faults;
  /** The first {@link RunSummary#MAX_FAULT_EVENTS} fault events, for markers on charts. */
  private final List<RunSummary.FaultEvent> faultEvents = new ArrayList<>();
  private long unknownFrameworkEvents;

  // time and sampling
  private long now;
  private long nextSample;
  private long lastRowTime = -1;
  private long end = -1;
  private final Writer tsOut;
  private final Writer jobsOut;
  private final StringBuilder row = new StringBuilder(256);
  private final SeriesBuffer chartSeries;
  private final double[] chartRow;
  private boolean closed;
  /** The allocator's metrics columns (null: none; see {@link AllocatorSeries}). */
  private final AllocatorSeries allocatorSeries;

  // per agent: the utilization heatmap and the task Gantt (docs/outputs.md)
  private AgentHeatmap heatmap;
  private final TaskGantt gantt = new TaskGantt();
  private final Quantiles allOfferLatency = new Quantiles();
  private Quantiles[] offerWait;
  private final Quantiles allOfferWait = new Quantiles();

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
    this.allocatorSeries = allocator;
    this.starvationThreshold = starvationThreshold;
    nRes = setup.resourceNames().size();
    nFw = setup.frameworks().size();
    resIdx = new int[nRes];
    for (int r = 0; r < nRes; r++) {
      resIdx[r] = ResourceNames.index(setup.resourceNames().get(r));
    }
    roles = setup.roles();
    nRoles = roles.size();
    fwRole = new int[nFw];
    fwWeight = new double[nFw];
    for (int f = 0; f < nFw; f++) {
      FrameworkMeta m = setup.frameworks().get(f);
      fwIndex.put(m.name(), f);
      live.add(new HashMap<>());
      openJobs.add(new HashMap<>());
      fwRole[f] = roles.indexOf(m.role());
      fwWeight[f] = setup.weight(m.role());
    }
    alloc = new long[nFw][nRes];
    roleAlloc = new long[nRoles][nRes];
    totalAlloc = new long[nRes];
    cap = new long[nRes];
    pendingNow = new int[nFw];
    weightedShares = new double[nFw];
    util = levels(nRes);
    share = levels(nFw);
    wshare = levels(nFw);
    roleShare = levels(nRoles);
    pending = levels(nFw);
    launched = new long[nFw];
    finishedTasks = new long[nFw];
    failedTasks = new long[nFw];
    killedTasks = new long[nFw];
    lostTasks = new long[nFw];
    recoveredTasks = new long[nFw];
    endedUnseen = new long[nFw];
    offersReceived = new long[nFw];
    offersDeclined = new long[nFw];
    offersRescinded = new long[nFw];
    offersUsed = new long[nFw];
    jobsSubmitted = new long[nFw];
    jobsFinished = new long[nFw];
    jobsFailed = new long[nFw];
    jobsKilled = new long[nFw];
    completion = quantiles(nFw);
    decides = new boolean[nFw];
    decisions = new long[nFw];
    busyMicros = new long[nFw];
    busyUntil = new long[nFw];
    jobsAbandoned = new long[nFw];
    placed = new long[nFw];
    placedLocal = new long[nFw];
    firstAttemptWait = quantiles(nFw);
    waits = quantiles(nFw);
    slowdown = quantiles(nFw);
    offerLatency = quantiles(nFw);
    waitingSince = new long[nFw];
    java.util.Arrays.fill(waitingSince, -1L);
    inactive = new boolean[nFw];
    starveCount = new long[nFw];
    starveTotal = new long[nFw];
    starveMax = new long[nFw];

    List<String> chartCols = new ArrayList<>();
    for (String r : setup.resourceNames()) {
      chartCols.add("util_" + r);
    }
    for (FrameworkMeta f : setup.frameworks()) {
      chartCols.add("share_" + f.name());
    }
    for (FrameworkMeta f : setup.frameworks()) {
      chartCols.add("pending_" + f.name());
    }
    chartCols.add("jain");
    chartCols.add("gap");
    chartCols.add("jain_active");
    chartSeries = new SeriesBuffer(chartCols, CHART_POINTS);
    heatmap = new AgentHeatmap(setup.resourceNames(), AgentHeatmap.Options.DEFAULT);
    chartRow = new double[chartCols.size()];
    try {
      Files.createDirectories(setup.outDir());
      // The partial files first, then summary.json goes, then the rest of a previous run: killed at
      // any point, the folder is the previous complete run or has *.partial files and no summary.json.
      tsOut = open(setup.outDir().resolve(TIMESERIES_PARTIAL));
      jobsOut = open(setup.outDir().resolve(JOBS_PARTIAL));
      for (String stale : List.of("summary.json", "summary.json.partial", "timeseries.csv", "jobs.csv",
          "report.html", EventLog.FILE, EventLog.PARTIAL, org.mesosim.reports.csv.TidyTimeseries.FILE,
          AllocatorSeries.FILE, AllocatorSeries.FILE + AtomicFiles.PARTIAL, AgentData.HEATMAP,
          AgentData.OFFER_LATENCY)) {
        Files.deleteIfExists(setup.outDir().resolve(stale));
      }
      tsOut.write(String.join(",", timeseriesColumns(setup)) + allocatorHeader() + "\n");
      jobsOut.write(String.join(",", JOBS_COLUMNS) + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write results in " + setup.outDir() + ": " + e.getMessage(), e);
    }
  }

  /** The columns of {@code jobs.csv}. */
  public static final List<String> JOBS_COLUMNS =
      List.of("framework", "job", "submit_s", "start_s", "end_s", "tasks", "state");

  /**
   * The columns of {@code timeseries.csv}: {@code time_s}; {@code util_<res>} per resource; per
   * framework (scenario order) {@code share_<name>}, {@code alloc_<name>_<res>} per resource,
   * {@code pending_<name>}; {@code jain}; then additions: {@code gap}, {@code jain_active} and
   * {@code roleshare_<role>}
   * per role.
   */
  public static List<String> timeseriesColumns(RunSetup setup) {
    List<String> c = new ArrayList<>();
    c.add("time_s");
    for (String r : setup.resourceNames()) {
      c.add("util_" + r);
    }
    for (FrameworkMeta f : setup.frameworks()) {
      c.add(Num.csv("share_" + f.name()));
      for (String r : setup.resourceNames()) {
        c.add(Num.csv("alloc_" + f.name() + "_" + r));
      }
      c.add(Num.csv("pending_" + f.name()));
    }
    c.add("jain");
    c.add("gap");
    c.add("jain_active");
    for (String role : setup.roles()) {
      c.add(Num.csv("roleshare_" + role));
    }
    return c;
  }

  private static Writer open(Path p) throws IOException {
    return new BufferedWriter(Files.newBufferedWriter(p, StandardCharsets.UTF_8), 1 << 16);
  }

  private static Level[] levels(int n) {
    Level[] l = new Level[n];
    for (int i = 0; i < n; i++) {
      l[i] = new Level(0.0);
    }
    return l;
  }

  private static Quantiles[] quantiles(int n) {
    Quantiles[] q = new Quantiles[n];
    for (int i = 0; i < n; i++) {
      q[i] = new Quantiles();
    }
    return q;
  }

  public RunSetup setup() {
    return setup;
  }

  /** Times (s) of the elections after the first (leader changes). */
  public List<Double> leaderChangeTimes() {
    List<Double> out = new ArrayList<>();
    for (int i = 1; i < leaders.size(); i++) {
      out.add(leaders.get(i).since());
    }
    return out;
  }

  /** Times (s) of the faults seen (the first {@link RunSummary#MAX_FAULT_EVENTS}). */
  public List<Double> faultTimes() {
    List<Double> out = new ArrayList<>();
    faultEvents.forEach(f -> out.add(f.time()));
    return out;
  }

  /** The bounded, downsampled time series for charts. */
  public SeriesBuffer chartSeries() {
    return chartSeries;
  }

  /** Completion seconds of finished jobs of framework {@code f} (scenario index). */
  public Quantiles completion(int f) {
    return completion[f];
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
    settle();
    sampleAllocatorBefore(t);
    try {
      while (nextSample < t) {
        writeRow(nextSample);
        nextSample += setup.sampleInterval();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    now = t;
    usedNow.clear();
  }

  private int fw(String name) {
    Integer f = fwIndex.get(name);
    if (f == null) {
      unknownFrameworkEvents++;
      return -1;
    }
    return f;
  }

  private void apply(ModelEvent event) throws IOException {
    long t = event.time();
    if (event instanceof ModelEvent.TaskLaunched e) {
      int f = fw(e.framework());
      if (f < 0) {
        return;
      }
      String k = e.task().value();
      Map<String, LiveTask> lv = live.get(f);
      if (lv.containsKey(k)) {
        return;
      }
      OpenJob j = e.job() == null ? null : openJobs.get(f).get(e.job());
      LiveTask added = new LiveTask(e.resources(), TaskState.TASK_STAGING, j);
      lv.put(k, added);
      agentTaskStarted(added, f, e.agent());
      launched[f]++;
      changeAlloc(f, e.resources(), +1);
      if (e.offer() != null) {
        Long made = offerMadeAt.remove(e.offer().value());
        if (made != null) {
          offerLatency[f].add((t - made) / 1e6);
          allOfferLatency.add((t - made) / 1e6);
        }
        if (usedNow.add(e.offer().value())) {
          offersUsed[f]++;
        }
      }
      if (j != null) {
        if (j.start < 0) {
          j.start = t;
          double w = (t - j.submit) / 1e6;
          waits[f].add(w);
          allWaits.add(w);
        }
      }
    } else if (event instanceof ModelEvent.TaskStatus e) {
      int f = fw(e.framework());
      if (f < 0) {
        return;
      }
      String k = e.task().value();
      LiveTask lt = live.get(f).get(k);
      if (lt == null) {
        return;
      }
      if (e.state().isTerminal()) {
        live.get(f).remove(k);
        lt.ended();
        changeAlloc(f, lt.resources, -1);
        agentTaskEnded(lt);
        switch (e.state()) {
          case TASK_FINISHED:
            finishedTasks[f]++;
            break;
          case TASK_FAILED:
          case TASK_ERROR:
            failedTasks[f]++;
            break;
          case TASK_KILLED:
            killedTasks[f]++;
            break;
          default:
            lostTasks[f]++;
            break;
        }
      } else {
        lt.state = e.state();
      }
    } else if (event instanceof ModelEvent.TaskRecovered e) {
      int f = fw(e.framework());
      if (f < 0) {
        return;
      }
      String k = e.task().value();
      if (live.get(f).containsKey(k)) {
        return;
      }
      TaskState st = e.state().isTerminal() ? TaskState.TASK_RUNNING : e.state();
      LiveTask back = new LiveTask(e.resources(), st, null);
      live.get(f).put(k, back);
      agentTaskStarted(back, f, e.agent());
      changeAlloc(f, e.resources(), +1);
      recoveredTasks[f]++;
      if (lostTasks[f] > 0) {
        lostTasks[f]--;
      }
    } else if (event instanceof ModelEvent.OfferMade e) {
      int f = fw(e.framework());
      if (f < 0) {
        return;
      }
      offersReceived[f]++;
      offerMadeAt.put(e.offer().value(), t);
      if (waitingSince[f] >= 0) {
        offerWaited(f, t - waitingSince[f]);
        closeStarvation(f, t);
        waitingSince[f] = t;
      }
    } else if (event instanceof ModelEvent.OfferDeclined e) {
      int f = fw(e.framework());
      if (f < 0) {
        return;
      }
      // The unused remainder of an offer tasks were launched on comes back as a decline at the
      // same instant: that offer was used, not declined.
      if (!usedNow.contains(e.offer().value())) {
        offersDeclined[f]++;
      }
      offerMadeAt.remove(e.offer().value());
    } else if (event instanceof ModelEvent.OfferRescinded e) {
      int f = fw(e.framework());
      if (f < 0) {
        return;
      }
      offersRescinded[f]++;
      offerMadeAt.remove(e.offer().value());
    } else if (event instanceof ModelEvent.PendingChanged e) {
      int f = fw(e.framework());
      if (f < 0) {
        return;
      }
      int prev = pendingNow[f];
      int p = Math.max(0, e.pending());
      pendingNow[f] = p;
      pending[f].set(t, p);
      if ((prev == 0) != (p == 0)) {
        sharesDirty = true;
      }
      if (prev == 0 && p > 0 && !inactive[f]) {
        waitingSince[f] = t;
      } else if (prev > 0 && p == 0 && waitingSince[f] >= 0) {
        closeStarvation(f, t);
        waitingSince[f] = -1;
      }
    } else if (event instanceof ModelEvent.FrameworkDeactivated e) {
      // Mesos makes no offers to an inactive framework (Master::deactivate → allocator
      // deactivateFramework): it is not starved by the allocator while down, nor after its removal
      // (a crashed scheduler that is not restarted keeps its queue to the end of the run).
      int f = fw(e.framework());
      if (f < 0) {
        return;
      }
      if (waitingSince[f] >= 0) {
        closeStarvation(f, t);
        waitingSince[f] = -1;
      }
      if (!inactive[f] && pendingNow[f] > 0) {
        sharesDirty = true;
      }
      inactive[f] = true;
    } else if (event instanceof ModelEvent.FrameworkRegistered e) {
      int f = fw(e.framework());
      if (f < 0) {
        return;
      }
      if (inactive[f]) {
        inactive[f] = false;
        if (pendingNow[f] > 0) {
          waitingSince[f] = t;
          sharesDirty = true;
        }
      }
    } else if (event instanceof ModelEvent.SchedulerDecision e) {
      int f = fw(e.framework());
      if (f < 0) {
        return;
      }
      // Decisions arrive in order of their start, so the union of busy intervals grows at its end only.
      decides[f] = true;
      decisions[f]++;
      if (t >= busyUntil[f]) {
        busyMicros[f] += e.end() - t;
        busyUntil[f] = e.end();
      } else if (e.end() > busyUntil[f]) {
        busyMicros[f] += e.end() - busyUntil[f];
        busyUntil[f] = e.end();
      }
    } else if (event instanceof ModelEvent.TaskPlaced e) {
      int f = fw(e.framework());
      if (f < 0) {
        return;
      }
      decides[f] = true;
      placed[f]++;
      placedLocal[f] += e.local() ? 1 : 0;
    } else if (event instanceof ModelEvent.JobAttempted e) {
      int f = fw(e.framework());
      if (f < 0) {
        return;
      }
      decides[f] = true;
      firstAttemptWait[f].add((t - e.submitTime()) / 1e6);
    } else if (event instanceof ModelEvent.JobSubmitted e) {
      int f = fw(e.framework());
      if (f < 0) {
        return;
      }
      jobsSubmitted[f]++;
      allSubmitted++;
      if (openJobs.get(f).put(e.job(), new OpenJob(f, e.job(), t, e.tasks(), jobsSeen++)) == null) {
        openJobCount++;
      }
    } else if (event instanceof ModelEvent.JobEnded e) {
      int f = fw(e.framework());
      if (f < 0) {
        return;
      }
      OpenJob j = openJobs.get(f).remove(e.job());
      if (j != null) {
        openJobCount--;
      }
      if (j != null && j.live > 0) {
        releaseUnseen(f, j);
      }
      // The first TaskLaunched (the master accepted the launch), as for waitSeconds and for open jobs'
      // start_s; JobEnded.startTime is when the framework decided to launch, a message delay earlier, and
      // stands in only when no launch of the job was seen
      long start = j != null && j.start >= 0 ? j.start : e.startTime();
      if ((j == null || j.start < 0) && start >= 0) {
        double w = (start - e.submitTime()) / 1e6;
        waits[f].add(w);
        allWaits.add(w);
      }
      writeJob(e.framework(), e.job(), e.submitTime(), start, t, e.tasks(), e.state());
      switch (e.state()) {
        case "finished": {
          jobsFinished[f]++;
          allFinished++;
          double c = (t - e.submitTime()) / 1e6;
          completion[f].add(c);
          allCompletion.add(c);
          if (start >= 0) {
            double sd = Math.max(1.0, (t - e.submitTime()) / (double) Math.max(t - start, SLOWDOWN_FLOOR));
            slowdown[f].add(sd);
            allSlowdown.add(sd);
          }
          break;
        }
        case "failed":
          jobsFailed[f]++;
          allFailed++;
          break;
        case "killed":
          jobsKilled[f]++;
          allKilled++;
          break;
        case "abandoned":
          jobsAbandoned[f]++;
          break;
        default:
          break;
      }
    } else if (event instanceof ModelEvent.AgentRegistered e) {
      long[] v = new long[nRes];
      Resources q = e.total().quantity();
      for (int r = 0; r < nRes; r++) {
        v[r] = q.milli(resIdx[r]);
      }
      long[] old = agentTotals.put(e.agent().value(), v);
      for (int r = 0; r < nRes; r++) {
        cap[r] += v[r] - (old == null ? 0 : old[r]);
      }
      agentsMax = Math.max(agentsMax, agentTotals.size());
      capacityChanged();
      agentRegistered(e.agent().value(), q);
    } else if (event instanceof ModelEvent.AgentRemoved e) {
      long[] old = agentTotals.remove(e.agent().value());
      heatmap.removed(e.agent().value(), now);
      if (old != null) {
        for (int r = 0; r < nRes; r++) {
          cap[r] -= old[r];
        }
        capacityChanged();
      }
    } else if (event instanceof ModelEvent.LeaderElected e) {
      elections++;
      leaders.add(new RunSummary.Leader(e.master(), t / 1e6));
    } else if (event instanceof ModelEvent.LeaderLost) {
      leaderLosses++;
      if (lostAt < 0) {
        lostAt = t;
      }
      offerMadeAt.clear();
    } else if (event instanceof ModelEvent.LeaderRecovered) {
      if (lostAt >= 0) {
        recovery.add((t - lostAt) / 1e6);
        unavailable += t - lostAt;
        lostAt = -1;
      }
    } else if (event instanceof ModelEvent.Fault e) {
      faults++;
      if (faultEvents.size() < RunSummary.MAX_FAULT_EVENTS) {
        faultEvents.add(new RunSummary.FaultEvent(t / 1e6, e.action(), e.target()));
      }
    }
    // OffersRevived/Suppressed, InvariantViolated: no metric here.
  }

  /**
   * A job ended while some of its tasks still looked live (their terminal status was never
   * observed, e.g. it ended during a master failover): release them so that allocation stays
   * right, and count them in {@code tasks.endedUnseen}. Scans the live tasks, but only on this
   * anomalous path.
   */
  private void releaseUnseen(int f, OpenJob j) {
    var it = live.get(f).values().iterator();
    while (it.hasNext() && j.live > 0) {
      LiveTask lt = it.next();
      if (lt.job == j) {
        it.remove();
        lt.ended();
        changeAlloc(f, lt.resources, -1);
        agentTaskEnded(lt);
        endedUnseen[f]++;
      }
    }
  }

  // ------------------------------------------------------------- per agent: heatmap and Gantt

  /**
   * Sets the resolution of the per-agent heatmap ({@code metrics.agentHeatmap}); before the first
   * event only.
   */
  public void agentHeatmap(AgentHeatmap.Options options) {
    if (now > 0 || end >= 0 || heatmap.agentIds().size() > 0) {
      throw new IllegalStateException("the heatmap's resolution is set before the run");
    }
    heatmap = new AgentHeatmap(setup.resourceNames(), options);
  }

  /** The per-agent utilization heatmap. */
  public AgentHeatmap heatmap() {
    return heatmap;
  }

  /** The task bars of a small run (see {@link TaskGantt#skipped()}). */
  public TaskGantt gantt() {
    return gantt;
  }

  /** Offer-to-launch latencies (s) of framework {@code f}'s used offers. */
  public Quantiles offerLatency(int f) {
    return offerLatency[f];
  }

  /** Offer-to-launch latencies (s) of every framework. */
  public Quantiles offerLatency() {
    return allOfferLatency;
  }

  /** Offer waits (s) of framework {@code f}: see {@link #offerWaited}. */
  public Quantiles offerWait(int f) {
    return offerWait == null ? new Quantiles() : offerWait[f];
  }

  /** Offer waits (s) of every framework. */
  public Quantiles offerWait() {
    return allOfferWait;
  }

  /**
   * An offer reached framework {@code f} after it had waited {@code micros} with pending tasks
   * while active (since its queue became non-empty, its previous offer or its re-registration,
   * whichever is latest: the start of the current starvation interval).
   */
  private void offerWaited(int f, long micros) {
    if (offerWait == null) {
      offerWait = quantiles(nFw);
    }
    offerWait[f].add(micros / 1e6);
    allOfferWait.add(micros / 1e6);
  }

  /** Job waits (s) of every framework. */
  public Quantiles waits() {
    return allWaits;
  }

  /** Job waits (s) of framework {@code f}. */
  public Quantiles waits(int f) {
    return waits[f];
  }

  private void agentRegistered(String agent, Resources total) {
    heatmap.registered(agent, total, now);
    gantt.agentSeen(heatmap.agent(agent, now));
  }

  private void agentTaskStarted(LiveTask lt, int f, org.mesosim.model.AgentId agent) {
    if (agent == null) {
      return;
    }
    lt.agent = heatmap.agent(agent.value(), now);
    heatmap.allocate(lt.agent, lt.resources, +1, now);
    lt.bar = gantt.started(lt.agent, f, now);
  }

  private void agentTaskEnded(LiveTask lt) {
    heatmap.allocate(lt.agent, lt.resources, -1, now);
    gantt.ended(lt.bar, now);
  }

  private void closeStarvation(int f, long t) {
    long len = t - waitingSince[f];
    if (len > starvationThreshold) {
      starveCount[f]++;
      starveTotal[f] += len;
      starveMax[f] = Math.max(starveMax[f], len);
    }
  }

  private void changeAlloc(int f, Resources res, int sign) {
    long[] a = alloc[f];
    long[] ra = roleAlloc[fwRole[f]];
    for (int r = 0; r < nRes; r++) {
      long d = sign * res.milli(resIdx[r]);
      if (d == 0) {
        continue;
      }
      a[r] += d;
      ra[r] += d;
      totalAlloc[r] += d;
      util[r].set(now, ratio(totalAlloc[r], cap[r]));
    }
    updateShare(f);
    roleShare[fwRole[f]].set(now, dominant(ra));
  }

  private static double ratio(long a, long c) {
    return c <= 0 ? 0.0 : a / (double) c;
  }

  private double dominant(long[] a) {
    double s = 0;
    for (int r = 0; r < nRes; r++) {
      if (cap[r] > 0) {
        s = Math.max(s, a[r] / (double) cap[r]);
      }
    }
    return s;
  }

  private void updateShare(int f) {
    double s = dominant(alloc[f]);
    share[f].set(now, s);
    wshare[f].set(now, s / fwWeight[f]);
    sharesDirty = true;
  }

  private void capacityChanged() {
    for (int r = 0; r < nRes; r++) {
      util[r].set(now, ratio(totalAlloc[r], cap[r]));
    }
    for (int f = 0; f < nFw; f++) {
      updateShare(f);
    }
    for (int g = 0; g < nRoles; g++) {
      roleShare[g].set(now, dominant(roleAlloc[g]));
    }
  }

  /**
   * Recomputes Jain's index (all frameworks and those with demand) and the gap if a share, or
   * whether a framework has demand, changed.
   */
  private void settle() {
    if (!sharesDirty) {
      return;
    }
    sharesDirty = false;
    double[] x = weightedShares;
    for (int f = 0; f < nFw; f++) {
      x[f] = wshare[f].value;
    }
    jain.set(now, jainIndex(x));
    gap.set(now, maxMinGap(x));
    int n = 0;
    for (int f = 0; f < nFw; f++) {
      // The queue of a deactivated framework is no demand the allocator sees (its sorter
      // deactivates the framework), but what it still holds is.
      if (x[f] > 0 || (pendingNow[f] > 0 && !inactive[f])) {
        x[n++] = x[f];
      }
    }
    jainActive.set(now, jainIndex(x, n));
  }

  /**
   * Jain's fairness index (Σx)² / (n·Σx²); 1 when every x is 0 (all equal) or there are none.
   */
  public static double jainIndex(double[] x) {
    return jainIndex(x, x.length);
  }

  /** Jain's index over the first {@code n} values of {@code x}. */
  public static double jainIndex(double[] x, int n) {
    double s = 0;
    double s2 = 0;
    for (int i = 0; i < n; i++) {
      double v = x[i];
      s += v;
      s2 += v * v;
    }
    if (s2 <= 0) {
      return 1.0;
    }
    return Math.min(1.0, s * s / (n * s2));
  }

  /** max(x) − min(x); 0 for fewer than two values. */
  public static double maxMinGap(double[] x) {
    if (x.length < 2) {
      return 0.0;
    }
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (double v : x) {
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
    return hi - lo;
  }

  private void writeRow(long t) throws IOException {
    StringBuilder sb = row;
    sb.setLength(0);
    Num.appendMicros(sb, t);
    int c = 0;
    for (int r = 0; r < nRes; r++) {
      sb.append(',');
      Num.append(sb, util[r].value);
      chartRow[c++] = util[r].value;
    }
    for (int f = 0; f < nFw; f++) {
      sb.append(',');
      Num.append(sb, share[f].value);
      for (int r = 0; r < nRes; r++) {
        sb.append(',');
        Num.appendMilli(sb, alloc[f][r]);
      }
      sb.append(',').append(pendingNow[f]);
    }
    sb.append(',');
    Num.append(sb, jain.value);
    sb.append(',');
    Num.append(sb, gap.value);
    sb.append(',');
    Num.append(sb, jainActive.value);
    for (int g = 0; g < nRoles; g++) {
      sb.append(',');
      Num.append(sb, roleShare[g].value);
    }
    appendAllocatorCells(sb);
    sb.append('\n');
    tsOut.append(sb);
    for (int f = 0; f < nFw; f++) {
      chartRow[c++] = share[f].value;
    }
    for (int f = 0; f < nFw; f++) {
      chartRow[c++] = pendingNow[f];
    }
    chartRow[c++] = jain.value;
    chartRow[c++] = gap.value;
    chartRow[c] = jainActive.value;
    chartSeries.add(t / 1e6, chartRow);
    lastRowTime = t;
  }

  private void writeJob(String framework, String job, long submit, long start, long endT, int tasks, String state)
      throws IOException {
    StringBuilder sb = row;
    sb.setLength(0);
    sb.append(Num.csv(framework)).append(',').append(Num.csv(job)).append(',');
    Num.appendMicros(sb, submit);
    sb.append(',');
    if (start >= 0) {
      Num.appendMicros(sb, start);
    }
    sb.append(',');
    if (endT >= 0) {
      Num.appendMicros(sb, endT);
    }
    sb.append(',').append(tasks).append(',').append(Num.csv(state)).append('\n');
    jobsOut.append(sb);
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
    return allocatorSeries;
  }

  private String allocatorHeader() {
    if (allocatorSeries == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder();
    allocatorSeries.appendHeader(sb);
    return sb.toString();
  }

  /** Reads the allocator once per clock move that writes rows (not once per row). */
  private void sampleAllocatorBefore(long t) {
    if (allocatorSeries != null && nextSample < t) {
      allocatorSeries.sample();
    }
  }

  private void sampleAllocatorAtEnd() {
    if (allocatorSeries != null) {
      allocatorSeries.sample();
    }
  }

  private void appendAllocatorCells(StringBuilder sb) {
    if (allocatorSeries != null) {
      allocatorSeries.appendCells(sb);
    }
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
      settle();
      sampleAllocatorAtEnd();
      while (nextSample <= e) {
        writeRow(nextSample);
        nextSample += setup.sampleInterval();
      }
      if (lastRowTime < e) {
        writeRow(e);
      }
      List<OpenJob> open = new ArrayList<>();
      for (Map<String, OpenJob> m : openJobs) {
        open.addAll(m.values());
      }
      // Jobs submitted at one instant keep their submission order (job 2 before job 10), not the
      // text order of their names.
      open.sort(Comparator.comparingLong((OpenJob j) -> j.submit).thenComparingInt(j -> j.fw)
          .thenComparingLong(j -> j.seq));
      for (OpenJob j : open) {
        writeJob(setup.frameworks().get(j.fw).name(), j.job, j.submit, j.start, -1, j.tasks,
            j.start >= 0 ? "running" : "pending");
      }
      closeWriters();
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
    for (int f = 0; f < nFw; f++) {
      if (waitingSince[f] >= 0) {
        closeStarvation(f, e);
        waitingSince[f] = -1;
      }
    }
    if (lostAt >= 0) {
      unavailable += e - lostAt;
    }
    heatmap.finish(e);
    end = e;
  }

  private void closeWriters() throws IOException {
    if (!closed) {
      closed = true;
      try {
        tsOut.close();
      } finally {
        jobsOut.close();
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

  private RunSummary.MeanFinal mf(Level l) {
    return new RunSummary.MeanFinal(l.mean(end), l.value);
  }

  private Map<String, BigDecimal> amounts(long[] milli) {
    Map<String, BigDecimal> m = new LinkedHashMap<>();
    for (int r = 0; r < nRes; r++) {
      m.put(setup.resourceNames().get(r), BigDecimal.valueOf(milli[r], 3).stripTrailingZeros());
    }
    return m;
  }

  /**
   * The run's summary (after {@link #finish}).
   *
   * @param digest hex digest of the event stream
   * @param events simulation events executed
   * @param wallSeconds wall-clock seconds
   * @param invariantViolations invariant violations
   */
  /** Omega's measures for a framework that reported its decisions, else null (left out of summary.json). */
  private RunSummary.SchedulerSummary schedulerSummary(int f) {
    if (!decides[f]) {
      return null;
    }
    long busy = busyMicros[f] - Math.max(0, busyUntil[f] - end);
    return new RunSummary.SchedulerSummary(end > 0 ? (double) busy / end : 0.0, decisions[f],
        RunSummary.Dist.of(firstAttemptWait[f]), jobsAbandoned[f], placed[f], placedLocal[f]);
  }

  public RunSummary summary(String digest, long events, double wallSeconds, long invariantViolations) {
    if (end < 0) {
      throw new IllegalStateException("summary before finish");
    }
    Map<String, RunSummary.MeanFinal> utilization = new LinkedHashMap<>();
    for (int r = 0; r < nRes; r++) {
      utilization.put(setup.resourceNames().get(r), mf(util[r]));
    }
    RunSummary.Cluster cluster = new RunSummary.Cluster(agentTotals.size(), amounts(cap), utilization, agentsMax);
    long[] running = new long[nFw];
    long[] staging = new long[nFw];
    for (int f = 0; f < nFw; f++) {
      for (LiveTask lt : live.get(f).values()) {
        if (lt.state == TaskState.TASK_STAGING || lt.state == TaskState.TASK_STARTING) {
          staging[f]++;
        } else {
          running[f]++;
        }
      }
    }
    long[] openCount = new long[nFw];
    for (int f = 0; f < nFw; f++) {
      openCount[f] = openJobs.get(f).size();
    }
    double thr = starvationThreshold / 1e6;
    List<RunSummary.FrameworkSummary> fws = new ArrayList<>();
    for (int f = 0; f < nFw; f++) {
      FrameworkMeta m = setup.frameworks().get(f);
      fws.add(new RunSummary.FrameworkSummary(m.name(), m.role(),
          new RunSummary.Tasks(launched[f], running[f], finishedTasks[f], failedTasks[f], killedTasks[f],
              lostTasks[f], staging[f], recoveredTasks[f], endedUnseen[f]),
          amounts(alloc[f]), mf(share[f]),
          new RunSummary.Offers(offersReceived[f], offersDeclined[f], offersRescinded[f], offersUsed[f]),
          new RunSummary.Jobs(jobsSubmitted[f], jobsFinished[f], RunSummary.Dist.of(completion[f]),
              RunSummary.Dist.of(waits[f]), jobsFailed[f], jobsKilled[f], openCount[f],
              RunSummary.Dist.of(slowdown[f])),
          mf(wshare[f]), mf(pending[f]), RunSummary.Dist.of(offerLatency[f]),
          new RunSummary.Starvation(thr, starveCount[f], starveTotal[f] / 1e6, starveMax[f] / 1e6),
          schedulerSummary(f)));
    }
    List<RunSummary.RoleSummary> roleSummaries = new ArrayList<>();
    for (int g = 0; g < nRoles; g++) {
      List<String> names = new ArrayList<>();
      for (int f = 0; f < nFw; f++) {
        if (fwRole[f] == g) {
          names.add(setup.frameworks().get(f).name());
        }
      }
      roleSummaries.add(new RunSummary.RoleSummary(roles.get(g), setup.weight(roles.get(g)), names,
          amounts(roleAlloc[g]), mf(roleShare[g])));
    }
    long totalOpen = openJobCount;
    return new RunSummary(setup.scenario(), setup.seed(), setup.allocator(), digest,
        new RunSummary.Simulated(end / 1e6, events), new RunSummary.Wall(wallSeconds), cluster,
        List.copyOf(leaders), fws, new RunSummary.Fairness(mf(jain), mf(gap), mf(jainActive)), invariantViolations,
        roleSummaries,
        new RunSummary.Leadership(elections, Math.max(0, elections - 1), leaderLosses, RunSummary.Dist.of(recovery),
            unavailable / 1e6),
        new RunSummary.Jobs(allSubmitted, allFinished, RunSummary.Dist.of(allCompletion),
            RunSummary.Dist.of(allWaits), allFailed, allKilled, totalOpen, RunSummary.Dist.of(allSlowdown)),
        new RunSummary.Settings(setup.sampleInterval() / 1e6, thr,
            "sum of the totals of the agents registered at the time", faults, unknownFrameworkEvents),
        List.copyOf(faultEvents));
  }

  /** A piecewise-constant level with its running time integral. */
  static final class Level {
    double value;
    double integral;
    long since;

    Level(double initial) {
      value = initial;
    }

    void set(long t, double v) {
      if (t > since) {
        integral += value * (t - since);
        since = t;
      }
      value = v;
    }

    /** Time-weighted mean over [0, end]; the value itself when end is 0. */
    double mean(long end) {
      if (end <= 0) {
        return value;
      }
      double i = integral + value * (end - since);
      return i / end;
    }
  }

  private static final class LiveTask {
    final Resources resources;
    final OpenJob job;
    TaskState state;
    /** Agent index in the heatmap (-1: none), task bar in the Gantt (-1: none). */
    int agent = -1;
    int bar = -1;

    LiveTask(Resources resources, TaskState state, OpenJob job) {
      this.resources = resources;
      this.state = state;
      this.job = job;
      if (job != null) {
        job.live++;
      }
    }

    void ended() {
      if (job != null) {
        job.live--;
      }
    }
  }

  private static final class OpenJob {
    final int fw;
    final String job;
    final long submit;
    final int tasks;
    final long seq;
    long start = -1;
    int live;

    OpenJob(int fw, String job, long submit, int tasks, long seq) {
      this.fw = fw;
      this.job = job;
      this.submit = submit;
      this.tasks = tasks;
      this.seq = seq;
    }
  }
}
