package org.mesosim.model.workload;

/**
 * A streaming source of jobs for one framework, in non-decreasing submit time. Implementations
 * (in {@code workloads}: synthetic generators and trace readers) never hold the whole input: the
 * framework pulls the next job when the previous one arrives.
 *
 * <p>Errors in the input are {@link org.mesosim.engine.BadInputException}s naming the file and
 * line.
 */
public interface Workload extends AutoCloseable {

  /** The next job, or null when the workload is exhausted. Submit times never decrease. */
  JobSpec next();

  /** True if {@link #next()} never returns null ({@code jobs: unbounded}). */
  default boolean endless() {
    return false;
  }

  /** Counters so far (rows read, rows skipped as malformed, jobs skipped and why). */
  default WorkloadStats stats() {
    return WorkloadStats.EMPTY;
  }

  @Override
  default void close() {}
}
