package org.mesosim.workloads.google;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.apache.commons.rng.UniformRandomProvider;
import org.mesosim.engine.SimTime;
import org.mesosim.engine.random.Distribution;
import org.mesosim.engine.random.RandomStreams;
import org.mesosim.model.Resources;
import org.mesosim.model.workload.JobSpec;
import org.mesosim.model.workload.TaskOutcome;
import org.mesosim.model.workload.TaskSpec;
import org.mesosim.model.workload.Workload;
import org.mesosim.model.workload.WorkloadStats;
import org.mesosim.workloads.trace.TaskNames;

/**
 * The {@code google-like} preset: an endless workload shaped by the published statistics of the
 * 2011 Google cell, for a cluster built with {@link GoogleCell#machines(double)} at the same scale.
 * Parameters (and where they come from; see docs/workloads.md ("The google-like preset")):
 *
 * <ul>
 *   <li>At time 0, like the trace's t = 0 snapshot, long-running <b>services</b> (duration
 *       forever, band production) requesting {@value #SERVICE_SHARE} of the cell's cores: high
 *       priority production jobs hold most of the cell's requested CPU and memory although they
 *       are few (Reiss et al., SoCC 2012, §3-4).
 *   <li>Then jobs arrive as a Poisson process at {@value #JOBS_PER_SECOND} per second times
 *       {@code scale} (about 670,000 jobs in the trace's 29 days). {@value #BATCH_SHARE} of them
 *       are <b>batch</b> (more than 80% of the trace's jobs are short batch jobs); the rest are
 *       later services, long-running but finite (log-normal, median 2 h) so that a month-long run
 *       reaches a steady state instead of filling the cell.
 *   <li>Tasks per job are heavy-tailed: {@code floor(Pareto(1, 0.75))} capped at 10,000 for batch
 *       (40% of jobs have one task, the mean is about 35: 22 million tasks in 29 days of the full
 *       cell, against about 25 million in the trace), {@code floor(Pareto(1, 1.2))} capped at
 *       2,000 × scale (at least 1) for services, whose size follows the cell.
 *   <li>Batch task durations are log-normal with median 5 min and sigma 2.4 (most tasks last
 *       minutes; the mean, 1.5 h, comes from a tail of tasks running for hours or days), so batch
 *       requests occupy about a fifth of the cell's cores besides the services.
 *   <li>Task requests (one per job, as a job's tasks ask alike): batch 0.25-2 cores with 0.5-2 GB
 *       per core; services 0.5-4 cores with 1-4 GB per core (uniform over those lists).
 * </ul>
 *
 * <p>Streams: {@code workload/<framework>/arrivals} (gaps), {@code .../tasks} (kind, size,
 * requests), {@code .../durations}. Memory: one job; it can run a full cell for a month.
 */
public final class GoogleLikeWorkload implements Workload {
  /** Job arrivals per second in the full cell. */
  public static final double JOBS_PER_SECOND = 0.27;
  /** Share of arriving jobs that are batch. */
  public static final double BATCH_SHARE = 0.9;
  /** Share of the cell's cores requested by the services present at time 0. */
  public static final double SERVICE_SHARE = 0.55;

  private static final double[] BATCH_CPUS = {0.25, 0.5, 1, 2};
  private static final double[] BATCH_MB_PER_CPU = {512, 1024, 2048};
  private static final double[] SERVICE_CPUS = {0.5, 1, 2, 4};
  private static final double[] SERVICE_MB_PER_CPU = {1024, 2048, 4096};

  private final UniformRandomProvider tasksRng;
  private final Distribution.Sampler gaps;
  private final Distribution.Sampler batchTasks;
  private final Distribution.Sampler serviceTasks;
  private final Distribution.Sampler batchDurations;
  private final Distribution.Sampler serviceDurations;
  private final double serviceCpuTarget;
  private final long batchCap;
  private final long serviceCap;
  private double snapshotCpus;
  private long time;
  private long made;

  public GoogleLikeWorkload(double scale, RandomStreams streams, String frameworkName) {
    if (!(scale > 0) || Double.isInfinite(scale)) {
      throw new IllegalArgumentException("google-like scale: must be > 0");
    }
    String base = "workload/" + frameworkName + "/";
    this.tasksRng = streams.stream(base + "tasks");
    UniformRandomProvider dur = streams.stream(base + "durations");
    this.gaps = new Distribution.Exponential(SimTime.SECOND / (JOBS_PER_SECOND * scale)).sampler(streams.stream(base + "arrivals"));
    this.batchTasks = new Distribution.Pareto(1, 0.75).sampler(tasksRng);
    this.serviceTasks = new Distribution.Pareto(1, 1.2).sampler(tasksRng);
    this.batchDurations = new Distribution.LogNormal(5 * SimTime.MINUTE, 2.4).sampler(dur);
    this.serviceDurations = new Distribution.LogNormal(2 * SimTime.HOUR, 1.5).sampler(dur);
    this.serviceCpuTarget = SERVICE_SHARE * GoogleCell.totalCpus(scale);
    this.batchCap = 10_000;
    this.serviceCap = Math.max(1, Math.round(2_000 * scale));
  }

  @Override
  public JobSpec next() {
    made++;
    boolean snapshot = snapshotCpus < serviceCpuTarget;
    boolean service = snapshot || tasksRng.nextDouble() >= BATCH_SHARE;
    if (!snapshot) {
      time = SimTime.plus(time, Math.max(0, Math.round(gaps.sample())));
    }
    long n = Math.min(service ? serviceCap : batchCap, (long) Math.floor((service ? serviceTasks : batchTasks).sample()));
    n = Math.max(1, n);
    double[] cpuChoices = service ? SERVICE_CPUS : BATCH_CPUS;
    double[] memChoices = service ? SERVICE_MB_PER_CPU : BATCH_MB_PER_CPU;
    double cpus = cpuChoices[tasksRng.nextInt(cpuChoices.length)];
    double mem = cpus * memChoices[tasksRng.nextInt(memChoices.length)];
    Resources r = Resources.of(cpus, mem);
    if (snapshot) {
      snapshotCpus += n * cpus;
    }
    List<TaskSpec> tasks = new ArrayList<>((int) n);
    for (int i = 0; i < n; i++) {
      long d;
      if (snapshot) {
        d = SimTime.NEVER;
      } else {
        d = Math.max(0, Math.round((service ? serviceDurations : batchDurations).sample()));
      }
      tasks.add(new TaskSpec(TaskNames.of(i), "", r, d, TaskOutcome.FINISHED, 0.0, List.of()));
    }
    TreeMap<String, String> fields = new TreeMap<>();
    fields.put("kind", service ? "service" : "batch");
    fields.put("band", service ? "production" : "batch");
    return new JobSpec(Long.toString(made), time, tasks, fields);
  }

  @Override
  public boolean endless() {
    return true;
  }

  @Override
  public WorkloadStats stats() {
    return new WorkloadStats(0, 0, made, new TreeMap<>());
  }
}
