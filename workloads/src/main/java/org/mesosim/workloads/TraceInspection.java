package org.mesosim.workloads;

import java.util.SortedMap;
import java.util.TreeMap;
import org.mesosim.model.Resources;

/**
 * What {@code mesosim trace inspect} prints: a summary of a trace as mesosim replays it (after
 * its filter, window and time scale).
 *
 * @param format the format id
 * @param rows input rows read
 * @param malformed rows skipped as malformed
 * @param jobs jobs produced
 * @param tasks tasks produced
 * @param firstSubmit submit time of the first job (µs of simulated time; -1 when no job)
 * @param lastSubmit submit time of the last job (-1 when no job)
 * @param totals the sum of every task's requested resources
 * @param taskSeconds the sum of the finite task durations, in seconds
 * @param foreverTasks tasks that run forever (alive at the end of the trace)
 * @param users distinct values of the {@code user} field (0 when the format has none)
 * @param skipped what was skipped and why
 */
public record TraceInspection(
    String format,
    long rows,
    long malformed,
    long jobs,
    long tasks,
    long firstSubmit,
    long lastSubmit,
    Resources totals,
    double taskSeconds,
    long foreverTasks,
    long users,
    SortedMap<String, Long> skipped) {

  public TraceInspection {
    skipped = new TreeMap<>(skipped);
  }

  /** lastSubmit - firstSubmit, in µs (0 when fewer than two jobs). */
  public long span() {
    return jobs == 0 ? 0 : lastSubmit - firstSubmit;
  }
}
