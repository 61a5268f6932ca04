package org.mesosim.workloads;

import org.mesosim.engine.random.Distribution;
import org.mesosim.model.Resources;

/**
 * A synthetic workload as a scenario's {@code workload.synthetic} block describes it. Times and
 * durations are microseconds (the scenario loader converts units before building this).
 *
 * @param jobs number of jobs; -1 = unbounded ({@code jobs: unbounded})
 * @param arrival inter-arrival times in microseconds; null when {@code arrivalAt >= 0}
 * @param arrivalAt {@code arrival: {at: X}}: every job arrives at X µs; -1 otherwise
 * @param tasksPerJob tasks per job (rounded to the nearest integer, at least 1)
 * @param taskResources what each task asks for (non-empty)
 * @param duration task run time in microseconds; null = forever ({@link org.mesosim.engine.SimTime#NEVER})
 * @param failureProbability the chance a task attempt ends FAILED instead of FINISHED
 */
public record SyntheticSpec(
    long jobs,
    Distribution arrival,
    long arrivalAt,
    Distribution tasksPerJob,
    Resources taskResources,
    Distribution duration,
    double failureProbability) {

  public SyntheticSpec {
    if (jobs < -1) {
      throw new IllegalArgumentException("jobs: must be >= 0 or unbounded");
    }
    if (arrivalAt < 0 && arrival == null) {
      throw new IllegalArgumentException("arrival: a distribution or {at: X} is required");
    }
    if (arrivalAt >= 0 && arrival != null) {
      throw new IllegalArgumentException("arrival: give either a distribution or {at: X}, not both");
    }
    if (tasksPerJob == null) {
      throw new IllegalArgumentException("tasksPerJob: required");
    }
    if (taskResources == null || taskResources.isEmpty()) {
      throw new IllegalArgumentException("task.resources: must not be empty");
    }
    if (!(failureProbability >= 0 && failureProbability <= 1)) {
      throw new IllegalArgumentException("task.failureProbability: must be in [0, 1]");
    }
  }

  /** True for {@code jobs: unbounded}. */
  public boolean unbounded() {
    return jobs < 0;
  }
}
