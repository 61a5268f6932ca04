package org.mesosim.workloads.transform;

import java.util.SortedMap;
import java.util.TreeMap;
import org.mesosim.model.workload.JobSpec;
import org.mesosim.model.workload.Workload;
import org.mesosim.model.workload.WorkloadStats;

/**
 * A workload computed from another, one job at a time. Its stats are the source's rows and
 * malformed rows, its own job count, and the source's skip reasons plus its own.
 */
public abstract class Transform implements Workload {
  protected final Workload source;
  private long jobs;
  private final TreeMap<String, Long> skipped = new TreeMap<>();

  protected Transform(Workload source) {
    this.source = source;
  }

  /** The next job from the source after this transform, or null. */
  protected abstract JobSpec pull();

  @Override
  public final JobSpec next() {
    JobSpec j = pull();
    if (j != null) {
      jobs++;
    }
    return j;
  }

  protected void skip(String reason) {
    skipped.merge(reason, 1L, Long::sum);
  }

  @Override
  public boolean endless() {
    return source.endless();
  }

  @Override
  public WorkloadStats stats() {
    WorkloadStats s = source.stats();
    SortedMap<String, Long> all = new TreeMap<>(s.skipped());
    skipped.forEach((k, v) -> all.merge(k, v, Long::sum));
    return new WorkloadStats(s.rows(), s.malformed(), jobs, all);
  }

  @Override
  public void close() {
    source.close();
  }
}
