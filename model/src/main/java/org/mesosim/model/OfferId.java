package org.mesosim.model;

/**
 * A Mesos OfferID. Compared by value, as Mesos compares IDs; ordering is lexicographic by value,
 * which is the documented tie-break key wherever offer IDs order things.
 */
public record OfferId(String value) implements Comparable<OfferId> {
  public OfferId {
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException("OfferId must not be empty");
    }
  }

  @Override
  public int compareTo(OfferId o) {
    return value.compareTo(o.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
