package org.mesosim.workloads.trace;

import java.util.SortedMap;
import java.util.TreeMap;
import org.mesosim.engine.BadInputException;
import org.mesosim.engine.SimTime;
import org.mesosim.model.Resources;
import org.mesosim.model.workload.WorkloadStats;

/**
 * Counters and malformed-row policy shared by the trace readers.
 */
public final class ReaderSupport {
  /** Mesos' minimum CPUs for a container ({@code src/slave/constants.hpp}, {@code MIN_CPUS = 0.01}). */
  public static final double MIN_CPUS = 0.01;
  /** Mesos' minimum memory for a container ({@code src/slave/constants.hpp}, {@code MIN_MEMORY = 32MB}). */
  public static final double MIN_MEM = 32;

  /** The most seconds a trace time or duration may have: beyond, µs no longer fit the clock's {@code long}. */
  public static final long MAX_SECONDS = SimTime.NEVER / SimTime.SECOND;

  private final boolean skipMalformed;
  private long rows;
  private long malformed;
  private long jobs;
  private final TreeMap<String, Long> skipped = new TreeMap<>();

  public ReaderSupport(boolean skipMalformed) {
    this.skipMalformed = skipMalformed;
  }

  /**
   * Seconds of trace time in µs. A value beyond {@link #MAX_SECONDS} (about 292,000 years) is
   * malformed: it would saturate to {@link SimTime#NEVER}, so a job would never arrive (and a run
   * {@code until: drained} never end) or a task would run forever.
   */
  public static long micros(double seconds, String name) {
    if (!(seconds <= MAX_SECONDS)) {
      throw new MalformedRowException(name + " is out of range: " + seconds + " s (at most " + MAX_SECONDS + " s)");
    }
    return SimTime.seconds(seconds);
  }

  /**
   * An amount of a resource a task asks for ({@code cpus}, MB …), checked to be representable:
   * Mesos' fixed point keeps thousandths in a {@code long}, so more than about 9.2e15 (or an
   * infinite product of a request and its unit) is malformed rather than saturated.
   */
  public static double amount(double amount, String field, String resource) {
    if (!(amount * Resources.SCALE < 0x1p63)) {
      throw new MalformedRowException(field + " is out of range: " + amount + " " + resource + " (at most "
          + Long.MAX_VALUE / Resources.SCALE + ")");
    }
    return amount;
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
