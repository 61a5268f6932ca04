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
public record FrameworkConfig(FrameworkInfo info, SchedulerConfig scheduler, WorkloadFactory workload) {

  public String name() {
    return info.name();
  }

  /** Opens a framework's workload. Called once per run. */
  @FunctionalInterface
  public interface WorkloadFactory {
    Workload open(RandomStreams streams);
  }
}
