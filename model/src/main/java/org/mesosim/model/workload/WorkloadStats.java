package org.mesosim.model.workload;

import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a workload read and dropped.
 *
 * @param rows input rows read (0 for generators)
 * @param malformed rows skipped as malformed ({@code skipMalformed: true})
 * @param jobs jobs produced
 * @param skipped jobs or rows skipped for a documented reason, by reason
 */
public record WorkloadStats(long rows, long malformed, long jobs, SortedMap<String, Long> skipped) {
  public static final WorkloadStats EMPTY = new WorkloadStats(0, 0, 0, new TreeMap<>());

  public WorkloadStats {
    skipped = new TreeMap<>(skipped);
  }
}
