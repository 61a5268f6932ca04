package org.mesosim.model.workload;

import java.util.List;
import org.mesosim.engine.SimTime;
import org.mesosim.model.Resources;

/**
 * One task of a job, as a workload describes it.
 *
 * @param name the task's name within its job (unique in the job), e.g. {@code 3} or {@code M1-0}
 * @param group the task group it belongs to (Alibaba's task name such as {@code M1}; for other
 *     formats the same as the job's single group {@code ""})
 * @param resources what it asks for (must be non-empty)
 * @param duration run time in microseconds once RUNNING, or {@link SimTime#NEVER} (a service
 *     task that runs until killed or the run ends), or {@link #DEFERRED} when {@code runtime}
 *     carries it
 * @param outcome how it ends when its duration elapses (for a deferred runtime: the runtime's
 *     outcome once resolved; this field is then only a placeholder)
 * @param failureProbability for {@link TaskOutcome#SAMPLED}: the chance an attempt ends FAILED
 * @param dependsOn groups of the same job that must all have finished before this task may start
 * @param runtime null, or the cell that will tell the duration and outcome later (then
 *     {@code duration} is {@link #DEFERRED}); see {@link DeferredRuntime}
 */
public record TaskSpec(
    String name,
    String group,
    Resources resources,
    long duration,
    TaskOutcome outcome,
    double failureProbability,
    List<String> dependsOn,
    DeferredRuntime runtime) {

  /** The {@code duration} of a task whose runtime is deferred to its {@link #runtime()} cell. */
  public static final long DEFERRED = -2;

  public TaskSpec {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("task name must not be empty");
    }
    group = group == null ? "" : group;
    if (resources == null || resources.isEmpty()) {
      throw new IllegalArgumentException("task " + name + ": resources must not be empty");
    }
    if (runtime != null ? duration != DEFERRED : duration < 0) {
      throw new IllegalArgumentException(runtime != null
          ? "task " + name + ": a deferred runtime needs duration DEFERRED"
          : "task " + name + ": duration must be >= 0");
    }
    if (!(failureProbability >= 0 && failureProbability <= 1)) {
      throw new IllegalArgumentException("task " + name + ": failureProbability must be in [0, 1]");
    }
    dependsOn = dependsOn == null || dependsOn.isEmpty() ? List.of() : List.copyOf(dependsOn);
  }

  /** A task whose runtime is known now. */
  public TaskSpec(String name, String group, Resources resources, long duration, TaskOutcome outcome,
      double failureProbability, List<String> dependsOn) {
    this(name, group, resources, duration, outcome, failureProbability, dependsOn, null);
  }

  /** A task with no group, no dependencies and a fixed outcome. */
  public static TaskSpec of(String name, Resources resources, long duration, TaskOutcome outcome) {
    return new TaskSpec(name, "", resources, duration, outcome, 0.0, List.of());
  }

  /**
   * A task with no dependencies whose runtime and outcome {@code runtime} tells later (or already
   * tells, if resolved).
   */
  public static TaskSpec deferred(String name, String group, Resources resources, DeferredRuntime runtime) {
    if (runtime == null) {
      throw new IllegalArgumentException("task " + name + ": runtime must not be null");
    }
    return new TaskSpec(name, group, resources, DEFERRED, TaskOutcome.FINISHED, 0.0, List.of(), runtime);
  }

  /** True when the runtime is carried by {@link #runtime()} (which may or may not be resolved yet). */
  public boolean isDeferred() {
    return runtime != null;
  }

  /**
   * The duration if known now: {@link #duration()}, or the deferred runtime once resolved, else
   * {@link #DEFERRED}.
   */
  public long knownDuration() {
    if (runtime == null) {
      return duration;
    }
    return runtime.isResolved() ? runtime.micros() : DEFERRED;
  }

  /** The outcome if known now: {@link #outcome()}, or the deferred runtime's once resolved, else null. */
  public TaskOutcome knownOutcome() {
    if (runtime == null) {
      return outcome;
    }
    return runtime.isResolved() ? runtime.outcome() : null;
  }
}
