package org.mesosim.model;

/**
 * A Mesos ExecutorID. Compared by value, as Mesos compares IDs; ordering is lexicographic by value,
 * which is the documented tie-break key wherever executor IDs order things.
 */
public record ExecutorId(String value) implements Comparable<ExecutorId> {
  public ExecutorId {
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException("ExecutorId must not be empty");
    }
  }

  @Override
  public int compareTo(ExecutorId o) {
    return value.compareTo(o.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
