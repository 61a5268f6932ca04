package org.mesosim.workloads.transform;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.mesosim.model.workload.JobSpec;
import org.mesosim.model.workload.Workload;
import org.mesosim.model.workload.WorkloadStats;

/**
 * Splits one workload into one per value of a job field ({@code splitBy}) reading the source
 * once: a view that needs its next job pulls jobs from the shared source, queueing every other
 * value's jobs for their views. Jobs whose value is not one of the requested ones (or that lack
 * the field) are dropped and counted.
 *
 * <p>Memory: the queued jobs. In a simulation every framework pulls its next job when its
 * previous one arrives, so all views read near the current simulated time and a queue only holds
 * the jobs of its value between its own next job and the furthest any view has read ahead.
 * The source is closed when every view is closed.
 */
public final class Demultiplexer {
  private final Workload source;
  private final String field;
  private final TreeMap<String, View> views = new TreeMap<>();
  private boolean exhausted;
  private long dropped;
  private int open;

  public Demultiplexer(Workload source, String field, List<String> values) {
    this.source = source;
    this.field = field;
    for (String v : values) {
      views.put(v, new View(v));
    }
    open = views.size();
  }

  /** The view of each value, in value order. */
  public SortedMap<String, Workload> views() {
    return Collections.unmodifiableSortedMap(new TreeMap<String, Workload>(views));
  }

  private boolean pullOne() {
    if (exhausted) {
      return false;
    }
    JobSpec j = source.next();
    if (j == null) {
      exhausted = true;
      return false;
    }
    String v = j.fields().get(field);
    View view = v == null ? null : views.get(v);
    if (view == null) {
      dropped++;
    } else if (!view.closed) {
      view.queue.add(j);
    }
    return true;
  }

  /** One value's workload. */
  private final class View implements Workload {
    final String value;
    final ArrayDeque<JobSpec> queue = new ArrayDeque<>();
    long jobs;
    boolean closed;

    View(String value) {
      this.value = value;
    }

    @Override
    public JobSpec next() {
      while (queue.isEmpty()) {
        if (!pullOne()) {
          return null;
        }
      }
      jobs++;
      return queue.poll();
    }

    @Override
    public boolean endless() {
      return source.endless();
    }

    @Override
    public WorkloadStats stats() {
      WorkloadStats s = source.stats();
      TreeMap<String, Long> sk = new TreeMap<>(s.skipped());
      if (dropped > 0) {
        sk.put("splitBy: job of another value or without the field", dropped);
      }
      return new WorkloadStats(s.rows(), s.malformed(), jobs, sk);
    }

    @Override
    public void close() {
      if (!closed) {
        closed = true;
        queue.clear();
        if (--open == 0) {
          source.close();
        }
      }
    }

    @Override
    public String toString() {
      return field + "=" + value;
    }
  }
}
