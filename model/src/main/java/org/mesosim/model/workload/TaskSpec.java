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
 *     task that runs until killed or the run ends)
 * @param outcome how it ends when its duration elapses
 * @param failureProbability for {@link TaskOutcome#SAMPLED}: the chance an attempt ends FAILED
 * @param dependsOn groups of the same job that must all have finished before this task may start
 */
public record TaskSpec(
    String name,
    String group,
    Resources resources,
    long duration,
    TaskOutcome outcome,
    double failureProbability,
    List<String> dependsOn) {

  public TaskSpec {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("task name must not be empty");
    }
    group = group == null ? "" : group;
    if (resources == null || resources.isEmpty()) {
      throw new IllegalArgumentException("task " + name + ": resources must not be empty");
    }
    if (duration < 0) {
      throw new IllegalArgumentException("task " + name + ": duration must be >= 0");
    }
    if (!(failureProbability >= 0 && failureProbability <= 1)) {
      throw new IllegalArgumentException("task " + name + ": failureProbability must be in [0, 1]");
    }
    dependsOn = dependsOn == null ? List.of() : List.copyOf(dependsOn);
  }

  /** A task with no group, no dependencies and a fixed outcome. */
  public static TaskSpec of(String name, Resources resources, long duration, TaskOutcome outcome) {
    return new TaskSpec(name, "", resources, duration, outcome, 0.0, List.of());
  }
}
