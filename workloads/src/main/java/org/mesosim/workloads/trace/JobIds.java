package org.mesosim.workloads.trace;

import java.util.HashSet;

/**
 * The job ids a reader has produced, to refuse one that comes back: two jobs with one id would
 * launch tasks with the same task id, which Mesos' master refuses ({@code validateUniqueTaskID},
 * {@code src/master/validation.cpp}) and which would make every count lie. Exact: ids written as a
 * canonical decimal {@code long} (SWF job numbers, most csv ids) cost one slot of a primitive map,
 * others one string in a set (only looked up, never iterated).
 */
public final class JobIds {
  private final LongLongMap numeric = new LongLongMap();
  private HashSet<String> other;

  /** True the first time {@code id} is seen, false when it was seen before. */
  public boolean firstSight(String id) {
    long n = canonicalLong(id);
    if (n != Long.MIN_VALUE) {
      if (numeric.get(n, 0) != 0) {
        return false;
      }
      numeric.put(n, 1);
      return true;
    }
    if (other == null) {
      other = new HashSet<>();
    }
    return other.add(id);
  }

  /** The value of {@code s} if it is a decimal long written the one way {@link Long#toString} writes it, else MIN_VALUE. */
  static long canonicalLong(String s) {
    int len = s.length();
    if (len == 0) {
      return Long.MIN_VALUE;
    }
    boolean neg = s.charAt(0) == '-';
    int i = neg ? 1 : 0;
    if (len == i || len - i > 18) {
      return Long.MIN_VALUE; // longer ones stay strings: no overflow below
    }
    if (s.charAt(i) == '0' && len > i + 1) {
      return Long.MIN_VALUE; // leading zero: "007" is another id than "7"
    }
    if (neg && s.charAt(i) == '0') {
      return Long.MIN_VALUE; // "-0"
    }
    long v = 0;
    for (; i < len; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return Long.MIN_VALUE;
      }
      v = v * 10 + (c - '0'); // at most 18 digits: no overflow
    }
    return neg ? -v : v;
  }
}
