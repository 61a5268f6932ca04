package org.mesosim.model.allocation;

/**
 * Counters an allocator exposes, mirroring Mesos' {@code allocator/mesos/allocation_runs} metric.
 *
 * @param runs allocation runs that looked at agents
 * @param skippedRuns runs skipped because nothing could have changed since the last one
 * @param offers offer callbacks (framework x run)
 */
public record AllocatorStats(long runs, long skippedRuns, long offers) {
  public static final AllocatorStats NONE = new AllocatorStats(0, 0, 0);
}
