package org.mesosim.workloads;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.mesosim.engine.SimTime;
import org.mesosim.model.workload.JobSpec;
import org.mesosim.model.workload.TaskOutcome;
import org.mesosim.model.workload.TaskSpec;
import org.mesosim.model.workload.Workload;

/**
 * The workload statistics a scheduler feels, computed the same way on a replayed trace and on a
 * generated workload ({@code mesosim trace stats}); the {@code google-like} preset is fitted to
 * them (docs/workload-fitting.md).
 *
 * <p>Definitions, over the jobs submitted from the first job's submit time ({@code start}) up to
 * {@code horizon} inclusive:
 *
 * <ul>
 *   <li>A <b>job</b> is the value of the job field {@code job} when it has one (a Google trace job
 *       whose tasks are submitted at several instants or again is several {@link JobSpec}s), else
 *       the {@link JobSpec} itself. Its tasks are its distinct task names; its band is field
 *       {@code band} of its first {@link JobSpec} ({@code -} without one).
 *   <li>A <b>new job</b> is one first submitted after {@code start}; the jobs submitted at
 *       {@code start} are the <b>snapshot</b> (the trace's t = 0 rows, a preset's load at time 0).
 *   <li><b>Arrival rate</b>: (new jobs - 1) / (last new job's submit - first new job's submit).
 *   <li><b>Tasks per new job</b>: the share with one task, the median, the mean and the p90
 *       (nearest rank: the smallest value with at least p of the jobs at or below it).
 *   <li><b>Band mix</b>: the share of new jobs per band.
 *   <li><b>Load at start</b>: the cpus requested by the tasks submitted at {@code start}, per band,
 *       as a share of {@code capacityCpus} (running or pending then; above 1 = over-committed).
 *   <li><b>Durations</b>: of the tasks whose outcome is FINISHED and whose submit time + duration is
 *       at most {@code horizon} (finished within the window): median and p90 in seconds (nearest
 *       rank). A deferred runtime counts only if resolved when its job is read.
 * </ul>
 *
 * @param horizon the window's end, µs
 * @param start the first job's submit time, µs (-1 without jobs)
 * @param jobs jobs (as defined above)
 * @param tasks tasks of those jobs
 * @param newJobs jobs first submitted after start
 * @param arrivalsPerSecond the new jobs' arrival rate (NaN with fewer than 2 new jobs or no span)
 * @param singleTaskShare share of new jobs with one task (NaN without new jobs)
 * @param medianTasks median tasks per new job (0 without new jobs)
 * @param meanTasks mean tasks per new job (NaN without new jobs)
 * @param p90Tasks p90 of tasks per new job (0 without new jobs)
 * @param bandMix share of new jobs per band
 * @param capacityCpus the cores the load at start is compared with (NaN: not given)
 * @param startCpus cpus requested by the tasks submitted at start, per band
 * @param finished tasks finished within the window
 * @param medianDurationSeconds their median duration (NaN without any)
 * @param p90DurationSeconds their p90 duration (NaN without any)
 */
public record WorkloadStatistics(
    long horizon,
    long start,
    long jobs,
    long tasks,
    long newJobs,
    double arrivalsPerSecond,
    double singleTaskShare,
    long medianTasks,
    double meanTasks,
    long p90Tasks,
    SortedMap<String, Double> bandMix,
    double capacityCpus,
    SortedMap<String, Double> startCpus,
    long finished,
    double medianDurationSeconds,
    double p90DurationSeconds) {

  public WorkloadStatistics {
    bandMix = new TreeMap<>(bandMix);
    startCpus = new TreeMap<>(startCpus);
  }

  /** The cpus requested at start over all bands. */
  public double startCpusTotal() {
    double s = 0;
    for (double v : startCpus.values()) {
      s += v;
    }
    return s;
  }

  /** The load at start as a share of capacity, per band (NaN without a capacity). */
  public double startShare(String band) {
    return startCpus.getOrDefault(band, 0.0) / capacityCpus;
  }

  /** The load at start as a share of capacity, all bands (NaN without a capacity). */
  public double startShare() {
    return startCpusTotal() / capacityCpus;
  }

  /** The statistics as {@code mesosim trace stats} prints them, one per line. */
  public java.util.List<String> lines() {
    java.util.List<String> out = new java.util.ArrayList<>();
    out.add("window:              " + sec(start) + " to " + (horizon == SimTime.NEVER ? "the end of the input" : sec(horizon)));
    out.add("jobs:                " + jobs + " (" + tasks + " tasks)");
    out.add("new jobs:            " + newJobs + " (submitted after " + sec(start) + ")");
    out.add(String.format(java.util.Locale.ROOT, "arrivals:            %.4f jobs/s", arrivalsPerSecond));
    out.add(String.format(java.util.Locale.ROOT, "tasks per new job:   single %.1f%%, median %d, mean %.2f, p90 %d",
        100 * singleTaskShare, medianTasks, meanTasks, p90Tasks));
    StringBuilder mix = new StringBuilder();
    bandMix.forEach((b, v) -> mix.append(mix.length() == 0 ? "" : ", ").append(b)
        .append(String.format(java.util.Locale.ROOT, " %.1f%%", 100 * v)));
    out.add("band mix (new jobs): " + (mix.length() == 0 ? "-" : mix));
    StringBuilder load = new StringBuilder();
    if (Double.isNaN(capacityCpus)) {
      load.append(String.format(java.util.Locale.ROOT, "%.1f cpus (no capacity given)", startCpusTotal()));
    } else {
      load.append(String.format(java.util.Locale.ROOT, "%.1f%% of %.0f cpus", 100 * startShare(), capacityCpus));
      if (!startCpus.isEmpty()) {
        load.append(" (");
        boolean first = true;
        for (String b : startCpus.keySet()) {
          load.append(first ? "" : ", ").append(b).append(String.format(java.util.Locale.ROOT, " %.1f%%", 100 * startShare(b)));
          first = false;
        }
        load.append(")");
      }
    }
    out.add("requested at start:  " + load);
    out.add(String.format(java.util.Locale.ROOT, "finished tasks:      %d, duration median %.1f s, p90 %.1f s", finished,
        medianDurationSeconds, p90DurationSeconds));
    return out;
  }

  private static String sec(long micros) {
    if (micros % SimTime.SECOND == 0) {
      return micros / SimTime.SECOND + " s";
    }
    return String.format(java.util.Locale.ROOT, "%.3f s", micros / (double) SimTime.SECOND);
  }

  /**
   * Reads {@code w} up to the first job submitted after {@code horizon} (an endless workload is
   * read no further) and computes the statistics; does not close {@code w}.
   *
   * @param horizon the window's end in µs ({@link SimTime#NEVER}: the whole workload, which must
   *     then be finite)
   * @param capacityCpus cores of the cluster the load at start is compared with; NaN = none
   */
  public static WorkloadStatistics of(Workload w, long horizon, double capacityCpus) {
    if (horizon == SimTime.NEVER && w.endless()) {
      throw new IllegalArgumentException("an endless workload needs a horizon");
    }
    Map<String, Job> byKey = new HashMap<>();
    long start = -1;
    long tasks = 0;
    TreeMap<String, Double> startCpus = new TreeMap<>();
    LongList durations = new LongList();
    LongList newJobTimes = new LongList();
    TreeMap<String, Long> bands = new TreeMap<>();
    java.util.ArrayList<Job> newJobs = new java.util.ArrayList<>();
    JobSpec j;
    while ((j = w.next()) != null) {
      long t = j.submitTime();
      if (t > horizon) {
        break;
      }
      if (start < 0) {
        start = t;
      }
      String jobField = j.fields().get("job");
      String key = jobField != null ? jobField : "\u0000" + j.id();
      Job job = byKey.get(key);
      String band = j.fields().getOrDefault("band", "-");
      if (job == null) {
        job = new Job();
        byKey.put(key, job);
        if (t > start) {
          newJobs.add(job);
          newJobTimes.add(t);
          bands.merge(band, 1L, Long::sum);
        }
      }
      for (TaskSpec task : j.tasks()) {
        if (job.names.add(task.name())) {
          tasks++;
        }
        if (t == start) {
          startCpus.merge(band, task.resources().cpus(), Double::sum);
        }
        long d = task.knownDuration();
        if (task.knownOutcome() == TaskOutcome.FINISHED && d >= 0 && d != SimTime.NEVER && t <= horizon - d) {
          durations.add(d);
        }
      }
    }
    int n = newJobs.size();
    long[] sizes = new long[n];
    long single = 0;
    double sum = 0;
    for (int i = 0; i < n; i++) {
      sizes[i] = newJobs.get(i).names.size();
      single += sizes[i] == 1 ? 1 : 0;
      sum += sizes[i];
    }
    Arrays.sort(sizes);
    double rate = Double.NaN;
    if (n >= 2) {
      long span = newJobTimes.get(n - 1) - newJobTimes.get(0);
      rate = span > 0 ? (n - 1) / (span / (double) SimTime.SECOND) : Double.NaN;
    }
    TreeMap<String, Double> mix = new TreeMap<>();
    bands.forEach((b, c) -> mix.put(b, c / (double) n));
    long[] ds = durations.sorted();
    return new WorkloadStatistics(horizon, start, byKey.size(), tasks, n, rate,
        n == 0 ? Double.NaN : single / (double) n, n == 0 ? 0 : nearestRank(sizes, 0.5),
        n == 0 ? Double.NaN : sum / n, n == 0 ? 0 : nearestRank(sizes, 0.9), mix, capacityCpus, startCpus,
        ds.length, ds.length == 0 ? Double.NaN : nearestRank(ds, 0.5) / (double) SimTime.SECOND,
        ds.length == 0 ? Double.NaN : nearestRank(ds, 0.9) / (double) SimTime.SECOND);
  }

  /** The smallest value with at least {@code p} of the (sorted, non-empty) values at or below it. */
  static long nearestRank(long[] sorted, double p) {
    int rank = (int) Math.ceil(p * sorted.length);
    return sorted[Math.max(0, rank - 1)];
  }

  private static final class Job {
    final HashSet<String> names = new HashSet<>();
  }

  /** A growable long array. */
  private static final class LongList {
    long[] a = new long[1024];
    int n;

    void add(long v) {
      if (n == a.length) {
        a = Arrays.copyOf(a, n * 2);
      }
      a[n++] = v;
    }

    long get(int i) {
      return a[i];
    }

    long[] sorted() {
      long[] s = Arrays.copyOf(a, n);
      Arrays.sort(s);
      return s;
    }
  }
}
