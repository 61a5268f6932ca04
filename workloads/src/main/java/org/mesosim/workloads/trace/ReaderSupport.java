package org.mesosim.workloads.trace;

import java.util.SortedMap;
import java.util.TreeMap;
import org.mesosim.engine.BadInputException;
import org.mesosim.model.workload.WorkloadStats;

/**
 * Counters and malformed-row policy shared by the trace readers.
 */
public final class ReaderSupport {
  /** Mesos' minimum CPUs for a container ({@code src/slave/constants.hpp}, {@code MIN_CPUS = 0.01}). */
  public static final double MIN_CPUS = 0.01;
  /** Mesos' minimum memory for a container ({@code src/slave/constants.hpp}, {@code MIN_MEMORY = 32MB}). */
  public static final double MIN_MEM = 32;

  private final boolean skipMalformed;
  private long rows;
  private long malformed;
  private long jobs;
  private final TreeMap<String, Long> skipped = new TreeMap<>();

  public ReaderSupport(boolean skipMalformed) {
    this.skipMalformed = skipMalformed;
  }

  /** Counts one input row. */
  public void row() {
    rows++;
  }

  /** Counts one job produced. */
  public void job() {
    jobs++;
  }

  /** Counts something skipped for a documented reason. */
  public void skip(String reason) {
    skipped.merge(reason, 1L, Long::sum);
  }

  /** Counts {@code n} things skipped for a reason. */
  public void skip(String reason, long n) {
    if (n > 0) {
      skipped.merge(reason, n, Long::sum);
    }
  }

  /** A malformed row: throws {@code file:line: reason}, or counts it when skipping. */
  public void malformed(TraceLines lines, String reason) {
    if (!skipMalformed) {
      throw lines.error(reason);
    }
    malformed++;
  }

  /** A malformed row at an explicit position. */
  public void malformed(String file, long line, String reason) {
    if (!skipMalformed) {
      throw BadInputException.at(file, line, reason);
    }
    malformed++;
  }

  public long rows() {
    return rows;
  }

  public WorkloadStats stats() {
    SortedMap<String, Long> s = new TreeMap<>(skipped);
    return new WorkloadStats(rows, malformed, jobs, s);
  }
}
