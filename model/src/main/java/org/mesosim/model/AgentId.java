package org.mesosim.model;

/**
 * A Mesos AgentID. Compared by value, as Mesos compares IDs; ordering is lexicographic by value,
 * which is the documented tie-break key wherever agent IDs order things.
 */
public record AgentId(String value) implements Comparable<AgentId> {
  public AgentId {
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException("AgentId must not be empty");
    }
  }

  @Override
  public int compareTo(AgentId o) {
    return value.compareTo(o.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
