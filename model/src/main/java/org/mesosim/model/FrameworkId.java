package org.mesosim.model;

/**
 * A Mesos FrameworkID. Compared by value, as Mesos compares IDs; ordering is lexicographic by value,
 * which is the documented tie-break key wherever framework IDs order things.
 */
public record FrameworkId(String value) implements Comparable<FrameworkId> {
  public FrameworkId {
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException("FrameworkId must not be empty");
    }
  }

  @Override
  public int compareTo(FrameworkId o) {
    return value.compareTo(o.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
