package org.mesosim.model.config;

import org.mesosim.engine.random.RandomStreams;
import org.mesosim.model.FrameworkInfo;
import org.mesosim.model.workload.Workload;

/**
 * One framework of the scenario (copies of {@code count: N} already expanded to A-1 … A-N).
 *
 * @param info name, role, failover timeout, checkpoint, partition awareness
 * @param scheduler how it answers offers
 * @param workload opens its workload on the run's random streams when the framework starts
 */
public record FrameworkConfig(FrameworkInfo info, SchedulerConfig scheduler, WorkloadFactory workload,
    RevocableTasks revocableTasks) {

  /** Tasks never use revocable resources. */
  public FrameworkConfig(FrameworkInfo info, SchedulerConfig scheduler, WorkloadFactory workload) {
    this(info, scheduler, workload, RevocableTasks.NONE);
  }

  public FrameworkConfig {
    revocableTasks = revocableTasks == null ? RevocableTasks.NONE : revocableTasks;
  }

  /**
   * Which of its tasks a framework launches on revocable resources (docs/oversubscription.md). A
   * task takes each resource name whole from either the revocable or the regular part of an offer
   * (Mesos refuses a task that mixes revocable and non-revocable resources of one name,
   * {@code src/master/validation.cpp}).
   */
  public enum RevocableTasks {
    /** Never: revocable resources offered are declined. */
    NONE,
    /** Each name from the revocable part when it holds the whole amount, else from the regular part. */
    PREFER,
    /**
     * Only on revocable resources: every name the offer's revocable part has must come whole from
     * it, and at least one name must; the other names come from the regular part.
     */
    ONLY
  }

  public String name() {
    return info.name();
  }

  /** Opens a framework's workload. Called once per run. */
  @FunctionalInterface
  public interface WorkloadFactory {
    Workload open(RandomStreams streams);
  }
}
