package org.mesosim.model.config;

/**
 * How a framework's scheduler answers offers (docs/scenario-format.md {@code scheduler}).
 *
 * @param type batch, service or gang
 * @param maxAttempts batch/gang: a task that ends FAILED, LOST, UNREACHABLE, DROPPED or ERROR is
 *     queued again until it has run this many times (default 4)
 * @param maxTasksPerOffer 0 = as many as fit
 * @param refuseMicros filter on the unused part of an offer (default 5 s, Mesos' refuse_seconds)
 * @param suppressWhenIdle suppress with nothing queued, revive on new work (default true)
 * @param decisionPerOffer time an offer is held before the answer, per offer
 * @param decisionPerTask plus this per task launched from it
 */
public record SchedulerConfig(
    SchedulerType type,
    int maxAttempts,
    int maxTasksPerOffer,
    long refuseMicros,
    boolean suppressWhenIdle,
    long decisionPerOffer,
    long decisionPerTask) {

  public SchedulerConfig {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("scheduler.maxAttempts: must be >= 1");
    }
    if (maxTasksPerOffer < 0) {
      throw new IllegalArgumentException("scheduler.maxTasksPerOffer: must be >= 0");
    }
  }

  public enum SchedulerType {
    BATCH,
    SERVICE,
    GANG
  }
}
