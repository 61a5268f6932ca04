package org.mesosim.model;

/**
 * A Mesos OfferID. Compared by value, as Mesos compares IDs; ordering is lexicographic by value,
 * which is the documented tie-break key wherever offer IDs order things.
 *
 * <p>The master names offers {@code prefix + sequence number} ({@link #sequenced}); such an id
 * keeps the two parts and builds its string on first use (usually in the digest's worker thread,
 * not in the simulation's), so an offer that nothing prints costs no string building on the event
 * loop. Every method behaves as if the string had been built up front.
 */
public final class OfferId implements Comparable<OfferId> {
  private final String prefix;
  private final long seq;
  // Built at most once per thread that asks first; a racy but safe publication, as String.hash:
  // the string is immutable and always the same value.
  private String value;

  public OfferId(String value) {
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException("OfferId must not be empty");
    }
    this.prefix = null;
    this.seq = 0;
    this.value = value;
  }

  private OfferId(String prefix, long seq) {
    this.prefix = prefix;
    this.seq = seq;
  }

  /** The id {@code prefix + seq} (seq >= 0, prefix not empty), its string built when first asked for. */
  public static OfferId sequenced(String prefix, long seq) {
    if (prefix == null || prefix.isEmpty() || seq < 0) {
      throw new IllegalArgumentException("OfferId needs a prefix and a sequence number >= 0");
    }
    return new OfferId(prefix, seq);
  }

  public String value() {
    String v = value;
    if (v == null) {
      v = prefix + seq;
      value = v;
    }
    return v;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof OfferId other)) {
      return false;
    }
    if (prefix != null && prefix.equals(other.prefix)) {
      return seq == other.seq; // the same prefix: equal strings iff equal numbers
    }
    return value().equals(other.value());
  }

  @Override
  public int hashCode() {
    return value().hashCode();
  }

  @Override
  public int compareTo(OfferId o) {
    return value().compareTo(o.value());
  }

  @Override
  public String toString() {
    return value();
  }
}
