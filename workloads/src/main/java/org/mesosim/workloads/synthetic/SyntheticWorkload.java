package org.mesosim.workloads.synthetic;

import java.util.ArrayList;
import java.util.List;
import org.mesosim.engine.BadInputException;
import org.mesosim.engine.SimTime;
import org.mesosim.engine.random.Distribution;
import org.mesosim.engine.random.RandomStreams;
import org.mesosim.model.workload.JobSpec;
import org.mesosim.model.workload.TaskOutcome;
import org.mesosim.model.workload.TaskSpec;
import org.mesosim.model.workload.Workload;
import org.mesosim.model.workload.WorkloadStats;
import org.mesosim.workloads.SyntheticSpec;
import org.mesosim.workloads.trace.TaskNames;

/**
 * Generates jobs from a {@link SyntheticSpec}, one at a time (memory: one job).
 *
 * <p>Arrivals are a renewal process on stream {@code workload/<framework>/arrivals}: job k arrives
 * at the sum of k inter-arrival draws (the first job after one gap), or every job at
 * {@code arrivalAt}. Tasks per job are drawn on {@code .../tasks} (rounded to the nearest
 * integer, at least 1), durations on {@code .../durations} (microseconds, rounded; negative draws
 * become 0; no duration = forever). Tasks end {@link TaskOutcome#SAMPLED} with the spec's failure
 * probability: the model draws each attempt's failure on {@code framework/<name>/outcomes}. Job ids are
 * {@code 1}, {@code 2} …; task names {@code 0} … {@code n-1}.
 */
public final class SyntheticWorkload implements Workload {
  private final SyntheticSpec spec;
  private final Distribution.Sampler arrivals;
  private final Distribution.Sampler tasks;
  private final Distribution.Sampler durations;
  private final String frameworkName;
  private long made;
  private long time;

  public SyntheticWorkload(SyntheticSpec spec, RandomStreams streams, String frameworkName) {
    this.spec = spec;
    this.frameworkName = frameworkName;
    String base = "workload/" + frameworkName + "/";
    this.arrivals = spec.arrival() == null ? null : spec.arrival().sampler(streams.stream(base + "arrivals"));
    this.tasks = spec.tasksPerJob().sampler(streams.stream(base + "tasks"));
    this.durations = spec.duration() == null ? null : spec.duration().sampler(streams.stream(base + "durations"));
    this.time = spec.arrivalAt() >= 0 ? spec.arrivalAt() : 0;
  }

  @Override
  public JobSpec next() {
    if (!spec.unbounded() && made >= spec.jobs()) {
      return null;
    }
    made++;
    if (arrivals != null) {
      time = SimTime.plus(time, micros(arrivals.sample()));
    }
    long n = Math.max(1, Math.round(tasks.sample()));
    if (n > 10_000_000) {
      // bad input found only now (a distribution's tail): exit code 2, not an internal error
      throw new BadInputException("tasksPerJob drew " + n + " tasks for job " + made + " of framework " + frameworkName
          + " (more than 10,000,000); bound its distribution");
    }
    List<TaskSpec> list = new ArrayList<>((int) n);
    for (int i = 0; i < n; i++) {
      long d = durations == null ? SimTime.NEVER : micros(durations.sample());
      list.add(new TaskSpec(TaskNames.of(i), "", spec.taskResources(), d, TaskOutcome.SAMPLED,
          spec.failureProbability(), List.of()));
    }
    return JobSpec.of(Long.toString(made), time, list);
  }

  private static long micros(double v) {
    if (!(v > 0)) {
      return 0;
    }
    if (v >= SimTime.NEVER / 2.0) {
      return SimTime.NEVER / 2;
    }
    return Math.round(v);
  }

  @Override
  public boolean endless() {
    return spec.unbounded();
  }

  @Override
  public WorkloadStats stats() {
    return new WorkloadStats(0, 0, made, new java.util.TreeMap<>());
  }
}
