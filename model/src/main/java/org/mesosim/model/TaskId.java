package org.mesosim.model;

/**
 * A Mesos TaskID. Compared by value, as Mesos compares IDs; ordering is lexicographic by value,
 * which is the documented tie-break key wherever task IDs order things.
 */
public record TaskId(String value) implements Comparable<TaskId> {
  public TaskId {
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException("TaskId must not be empty");
    }
  }

  @Override
  public int compareTo(TaskId o) {
    return value.compareTo(o.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
