package org.mesosim.model.workload;

import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A job: tasks submitted together at {@code submitTime} (microseconds of simulated time).
 *
 * @param id unique within its workload (the trace's job ID, or a generated one)
 * @param submitTime arrival time in microseconds
 * @param tasks its tasks, in order
 * @param fields the trace fields a job can be filtered or split by ({@code user}, {@code queue} …);
 *     copied, except a map made by {@link #sharedFields}, which jobs share as it is
 */
public record JobSpec(String id, long submitTime, List<TaskSpec> tasks, SortedMap<String, String> fields) {
  public JobSpec {
    if (id == null || id.isEmpty()) {
      throw new IllegalArgumentException("job id must not be empty");
    }
    if (submitTime < 0) {
      throw new IllegalArgumentException("job " + id + ": submit time must be >= 0");
    }
    if (tasks == null || tasks.isEmpty()) {
      throw new IllegalArgumentException("job " + id + ": needs at least one task");
    }
    tasks = List.copyOf(tasks);
    fields = fields == null ? new TreeMap<>() : fields.getClass() == SHARED ? fields : new TreeMap<>(fields);
  }

  private static final Class<?> SHARED = Collections.unmodifiableSortedMap(new TreeMap<String, String>()).getClass();

  /**
   * An unmodifiable copy of {@code fields} that jobs built with it share without copying (a trace
   * reader emits many jobs with the same fields). Any unmodifiable sorted map view is taken as
   * shared, so its backing map must never change.
   */
  public static SortedMap<String, String> sharedFields(SortedMap<String, String> fields) {
    return Collections.unmodifiableSortedMap(new TreeMap<>(fields));
  }

  public static JobSpec of(String id, long submitTime, List<TaskSpec> tasks) {
    return new JobSpec(id, submitTime, tasks, new TreeMap<>());
  }
}
