package org.mesosim.workloads.google;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
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
 * The {@code google-like} preset: an endless workload fitted band by band to the Google
 * clusterdata-2011-2 sample ({@code task_events} part 0: trace time 0 to 5,611 s), for a cluster
 * built with {@link GoogleCell#machines(double)} at the same scale. Every parameter, how it was
 * fitted and the statistics it reproduces are in docs/workload-fitting.md; {@link #BANDS} holds them.
 *
 * <p><b>At time 0</b>, like the trace's t = 0 snapshot, jobs of each band in the order production,
 * batch, free are generated until their tasks request {@link Band#startShare} of the scaled
 * cell's cores (together 125.5%: the cell is over-committed, as the trace's was). Production
 * tasks of the snapshot run forever (services); batch and free ones for a residual lifetime.
 *
 * <p><b>Then</b> jobs arrive as a Poisson process at {@value #JOBS_PER_SECOND} per second times
 * {@code scale}; each picks a band by {@link Band#arrivalShare}.
 *
 * <p><b>A job of a band</b> has one task with probability {@link Shape#single}, else
 * {@code 1 + max(1, round(LogNormal(tailMedian, tailSigma)))} tasks, at most {@link Shape#maxTasks}
 * (for the snapshot: times the scale, at least 1, so that one job cannot fill a small cell). Its
 * tasks ask alike: cpus {@code LogNormal(cpuMedian, cpuSigma)} and memory that many cpus times
 * {@code LogNormal(memPerCpuMedian, memPerCpuSigma)}, both in normalised units (1.0 = the largest
 * machine = {@link GoogleCell#CPUS_PER_UNIT} cores, {@link GoogleCell#MEM_PER_UNIT} MB), clamped to
 * the range the trace shows. Each task runs {@code LogNormal(durationMedian, durationSigma)}
 * (forever when the median is {@link SimTime#NEVER}) and then ends FINISHED with probability
 * {@link Shape#finishedShare}, else KILLED (the trace's tasks that were killed, evicted or failed).
 *
 * <p>Fields: {@code band} ({@code production}, {@code batch}, {@code free}: Google's priority bands
 * 9-11, 2-8, 0-1) and {@code kind} ({@code service} for production, else {@code batch}, as Omega
 * §2.1 classifies jobs), so a scenario can split the preset by either ({@code splitBy}).
 *
 * <p>Streams: {@code workload/<framework>/arrivals} (gaps), {@code .../tasks} (band, size,
 * requests, outcomes), {@code .../durations}. Memory: one job; it can run a full cell for a month.
 */
public final class GoogleLikeWorkload implements Workload {
  /** New jobs per second in the full cell (part 0 after t = 0: 911 jobs in 5,000 s). */
  public static final double JOBS_PER_SECOND = 0.1822;

  /**
   * The expected tasks per new job under {@link #BANDS} (their caps included; 20 million draws of
   * each band's size distribution): 2.80 production, 75.46 batch, 11.85 free, 42.73 in all, against
   * 51.08 in the sample, whose mean rests on a few jobs of 1,000+ tasks.
   */
  public static final double MEAN_TASKS_PER_JOB = 42.73;

  /** Fields of the preset's jobs, usable in {@code splitBy}. */
  public static final List<String> FIELDS = List.of("band", "kind");

  /** The values a field takes, sorted; empty for another field. */
  public static List<String> values(String field) {
    return switch (field) {
      case "band" -> List.of("batch", "free", "production");
      case "kind" -> List.of("batch", "service");
      default -> List.of();
    };
  }

  /**
   * How a band's jobs look: tasks per job, requests, durations and outcomes.
   *
   * @param single share of jobs with one task
   * @param tailMedian median of (tasks - 1) over the jobs with more than one task
   * @param tailSigma its log-normal sigma
   * @param maxTasks the largest job of the sample
   * @param cpuMedian median normalised cpu request per task (1.0 = the largest machine)
   * @param cpuSigma its log-normal sigma
   * @param cpuMin smallest request of the sample
   * @param cpuMax largest request of the sample
   * @param memPerCpuMedian median of memory / cpu request (normalised)
   * @param memPerCpuSigma its log-normal sigma
   * @param durationMedian median runtime, µs ({@link SimTime#NEVER}: forever); censored fit
   * @param durationSigma its log-normal sigma
   * @param finishedShare share of ended tasks that FINISHED (the rest are KILLED)
   */
  public record Shape(double single, double tailMedian, double tailSigma, int maxTasks, double cpuMedian,
      double cpuSigma, double cpuMin, double cpuMax, double memPerCpuMedian, double memPerCpuSigma,
      long durationMedian, double durationSigma, double finishedShare) {}

  /**
   * A priority band: its share of new jobs, the cpus its snapshot requests (share of the cell),
   * and the shapes of its new and its snapshot jobs.
   */
  public record Band(String name, double arrivalShare, double startShare, Shape arriving, Shape snapshot) {
    /** {@code service} for production, else {@code batch}. */
    public String kind() {
      return name.equals("production") ? "service" : "batch";
    }
  }

  private static final long S = SimTime.SECOND;

  /** The fitted bands, in snapshot order (docs/workload-fitting.md, table "parameters"). */
  public static final List<Band> BANDS = List.of(
      new Band("production", 0.0988, 0.7426,
          new Shape(0.911, 8.05, 1.519, 128, 0.02949, 1.292, 0.000625, 0.2407, 0.5796, 1.352, 167 * S, 1.576, 0.779),
          new Shape(0.536, 6.85, 1.760, 3879, 0.02330, 1.349, 0.000625, 0.5, 0.6248, 1.197, SimTime.NEVER, 0, 0.002)),
      new Band("batch", 0.4995, 0.2401,
          new Shape(0.719, 43.41, 2.320, 2100, 0.01745, 0.936, 0.000625, 0.125, 0.4609, 0.989, 425 * S, 0.918, 0.889),
          new Shape(0.592, 30.73, 2.098, 5000, 0.03016, 1.184, 0.000625, 0.5, 0.6454, 1.172, 46_024 * S, 2.435, 0.919)),
      new Band("free", 0.4018, 0.2721,
          new Shape(0.911, 19.53, 2.238, 1200, 0.01880, 1.010, 0.006248, 0.1812, 0.5750, 1.426, 737 * S, 2.060, 0.782),
          new Shape(0.723, 7.14, 2.058, 20010, 0.02522, 1.273, 0.000625, 0.4375, 0.6743, 1.319, 1_097_023 * S, 5.511,
              0.118)));

  private final UniformRandomProvider tasksRng;
  private final UniformRandomProvider durRng;
  private final Distribution.Sampler gaps;
  private final double scale;
  private final double capacity;
  private final Distribution.Sampler[][] samplers; // [band*2 + snapshot?1:0][0 tail, 1 cpu, 2 mem/cpu, 3 duration]
  private final SortedMap<String, String>[] fields;
  private int snapshotBand; // band whose snapshot is being generated; BANDS.size() = done
  private double snapshotCpus;
  private long time;
  private long made;

  @SuppressWarnings("unchecked")
  public GoogleLikeWorkload(double scale, RandomStreams streams, String frameworkName) {
    if (!(scale > 0) || Double.isInfinite(scale)) {
      throw new IllegalArgumentException("google-like scale: must be > 0");
    }
    this.scale = scale;
    String base = "workload/" + frameworkName + "/";
    this.tasksRng = streams.stream(base + "tasks");
    this.durRng = streams.stream(base + "durations");
    this.gaps = new Distribution.Exponential(SimTime.SECOND / (JOBS_PER_SECOND * scale))
        .sampler(streams.stream(base + "arrivals"));
    this.capacity = GoogleCell.totalCpus(scale);
    this.samplers = new Distribution.Sampler[BANDS.size() * 2][];
    @SuppressWarnings({"unchecked", "rawtypes"}) // a generic array: filled with SortedMap<String, String> below
    SortedMap<String, String>[] byBand = new SortedMap[BANDS.size()];
    this.fields = byBand;
    for (int b = 0; b < BANDS.size(); b++) {
      Band band = BANDS.get(b);
      samplers[2 * b] = samplers(band.arriving());
      samplers[2 * b + 1] = samplers(band.snapshot());
      TreeMap<String, String> f = new TreeMap<>();
      f.put("band", band.name());
      f.put("kind", band.kind());
      fields[b] = JobSpec.sharedFields(f);
    }
  }

  private Distribution.Sampler[] samplers(Shape s) {
    return new Distribution.Sampler[] {
      new Distribution.LogNormal(s.tailMedian(), s.tailSigma()).sampler(tasksRng),
      new Distribution.LogNormal(s.cpuMedian(), s.cpuSigma()).sampler(tasksRng),
      new Distribution.LogNormal(s.memPerCpuMedian(), s.memPerCpuSigma()).sampler(tasksRng),
      s.durationMedian() == SimTime.NEVER ? null
          : new Distribution.LogNormal(s.durationMedian(), s.durationSigma()).sampler(durRng)
    };
  }

  @Override
  public JobSpec next() {
    made++;
    // the snapshot: band by band until its tasks request the band's share of the cell
    while (snapshotBand < BANDS.size() && snapshotCpus >= BANDS.get(snapshotBand).startShare() * capacity) {
      snapshotBand++;
      snapshotCpus = 0;
    }
    boolean snapshot = snapshotBand < BANDS.size();
    int b;
    if (snapshot) {
      b = snapshotBand;
    } else {
      time = SimTime.plus(time, Math.max(0, Math.round(gaps.sample())));
      double u = tasksRng.nextDouble();
      b = BANDS.size() - 1;
      for (int i = 0; i < BANDS.size(); i++) {
        u -= BANDS.get(i).arrivalShare();
        if (u < 0) {
          b = i;
          break;
        }
      }
    }
    Band band = BANDS.get(b);
    Shape shape = snapshot ? band.snapshot() : band.arriving();
    Distribution.Sampler[] smp = samplers[2 * b + (snapshot ? 1 : 0)];
    int max = snapshot ? (int) Math.max(1, Math.round(shape.maxTasks() * scale)) : shape.maxTasks();
    long n = 1;
    if (tasksRng.nextDouble() >= shape.single()) {
      n = 1 + Math.max(1, Math.round(smp[0].sample()));
    }
    n = Math.min(n, max);
    double cpu = clamp(smp[1].sample(), shape.cpuMin(), shape.cpuMax());
    double mem = clamp(cpu * smp[2].sample(), 0.0001, 1.0);
    Resources r = Resources.of(cpu * GoogleCell.CPUS_PER_UNIT, mem * GoogleCell.MEM_PER_UNIT);
    if (snapshot) {
      snapshotCpus += n * r.cpus();
    }
    List<TaskSpec> tasks = new ArrayList<>((int) n);
    for (int i = 0; i < n; i++) {
      long d = smp[3] == null ? SimTime.NEVER : Math.max(0, Math.round(Math.min(smp[3].sample(), SimTime.NEVER / 2.0)));
      TaskOutcome how = tasksRng.nextDouble() < shape.finishedShare() ? TaskOutcome.FINISHED : TaskOutcome.KILLED;
      tasks.add(new TaskSpec(TaskNames.of(i), "", r, d, how, 0.0, List.of()));
    }
    return new JobSpec(Long.toString(made), time, tasks, fields[b]);
  }

  private static double clamp(double v, double lo, double hi) {
    return Math.max(lo, Math.min(hi, v));
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
