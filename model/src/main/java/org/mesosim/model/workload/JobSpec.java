package org.mesosim.model.workload;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
    fields = fields == null ? new TreeMap<>() : fields instanceof SharedFields ? fields : new TreeMap<>(fields);
  }

  /**
   * An unmodifiable copy of {@code fields} that jobs built with it share without copying (a trace
   * reader emits many jobs with the same fields). Only maps made here are shared; any other map is
   * copied, so a caller's later changes never reach a job.
   */
  public static SortedMap<String, String> sharedFields(SortedMap<String, String> fields) {
    return fields instanceof SharedFields ? fields : new SharedFields(new TreeMap<>(fields));
  }

  /** The marker type of {@link #sharedFields}: an unmodifiable view of a private copy. */
  private static final class SharedFields extends AbstractMap<String, String> implements SortedMap<String, String> {
    private final SortedMap<String, String> view;

    SharedFields(TreeMap<String, String> copy) {
      this.view = Collections.unmodifiableSortedMap(copy);
    }

    @Override
    public Set<Map.Entry<String, String>> entrySet() {
      return view.entrySet();
    }

    @Override
    public String get(Object key) {
      return view.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
      return view.containsKey(key);
    }

    @Override
    public int size() {
      return view.size();
    }

    @Override
    public Comparator<? super String> comparator() {
      return view.comparator();
    }

    @Override
    public SortedMap<String, String> subMap(String fromKey, String toKey) {
      return view.subMap(fromKey, toKey);
    }

    @Override
    public SortedMap<String, String> headMap(String toKey) {
      return view.headMap(toKey);
    }

    @Override
    public SortedMap<String, String> tailMap(String fromKey) {
      return view.tailMap(fromKey);
    }

    @Override
    public String firstKey() {
      return view.firstKey();
    }

    @Override
    public String lastKey() {
      return view.lastKey();
    }
  }

  public static JobSpec of(String id, long submitTime, List<TaskSpec> tasks) {
    return new JobSpec(id, submitTime, tasks, new TreeMap<>());
  }
}
