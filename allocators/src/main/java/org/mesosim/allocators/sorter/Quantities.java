package org.mesosim.allocators.sorter;

import java.util.Arrays;
import org.mesosim.model.Resources;

/**
 * Arithmetic on scalar quantity vectors held as {@code long[]} thousandths indexed by
 * {@link org.mesosim.model.ResourceNames}, the allocation-free form the sorters and the allocator
 * cycle work on ({@link Resources} is the immutable form used at the API boundary). Missing
 * trailing entries are zero, as in {@link Resources}.
 */
public final class Quantities {
  private Quantities() {}

  /** The thousandths of {@code r}, at least {@code width} long. */
  public static long[] of(Resources r, int width) {
    long[] v = new long[Math.max(width, r.width())];
    for (int i = 0; i < r.width(); i++) {
      v[i] = r.milli(i);
    }
    return v;
  }

  /** {@code v[i]} or 0 beyond its length. */
  public static long get(long[] v, int i) {
    return i < v.length ? v[i] : 0L;
  }

  /** {@code v} grown to at least {@code width} (the same array if already long enough). */
  public static long[] widen(long[] v, int width) {
    return v.length >= width ? v : Arrays.copyOf(v, width);
  }

  /** {@code acc += add}; {@code acc} must be at least as long as the non-zero part of {@code add}. */
  public static void addInto(long[] acc, long[] add) {
    int n = Math.min(acc.length, add.length);
    for (int i = 0; i < n; i++) {
      acc[i] += add[i];
    }
    for (int i = n; i < add.length; i++) {
      if (add[i] != 0) {
        throw new IllegalArgumentException("quantity vector too short");
      }
    }
  }

  /**
   * {@code acc -= sub}; throws if any entry would go negative (Mesos CHECKs the same in
   * {@code Sorter::unallocated} and {@code Slave::allocated -=}).
   */
  public static void subtractInto(long[] acc, long[] sub) {
    for (int i = 0; i < sub.length; i++) {
      if (sub[i] > get(acc, i)) {
        throw new IllegalArgumentException(
            "cannot subtract " + Resources.ofMilli(sub) + " from " + Resources.ofMilli(acc));
      }
    }
    for (int i = 0; i < sub.length; i++) {
      if (sub[i] != 0) {
        acc[i] -= sub[i];
      }
    }
  }

  /** Per-name {@code acc = max(0, acc - sub)} (Mesos' {@code Resources::operator-=} on quantities). */
  public static void subtractFlooredInto(long[] acc, long[] sub) {
    int n = Math.min(acc.length, sub.length);
    for (int i = 0; i < n; i++) {
      acc[i] = Math.max(0L, acc[i] - sub[i]);
    }
  }

  /** True iff {@code a[i] >= b[i]} for every {@code i} (Mesos {@code Resources::contains}). */
  public static boolean contains(long[] a, long[] b) {
    for (int i = 0; i < b.length; i++) {
      if (b[i] > get(a, i)) {
        return false;
      }
    }
    return true;
  }

  /** True iff every entry is zero. */
  public static boolean isZero(long[] v) {
    for (long x : v) {
      if (x != 0) {
        return false;
      }
    }
    return true;
  }

  /** Sets every entry to zero. */
  public static void clear(long[] v) {
    Arrays.fill(v, 0L);
  }
}
