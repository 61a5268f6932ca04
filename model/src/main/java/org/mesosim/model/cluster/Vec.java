package org.mesosim.model.cluster;

import java.util.Arrays;
import org.mesosim.model.Resources;

/** In-place arithmetic on thousandths vectors (the master's per-agent used/offered sums), allocation-free on the hot path. */
final class Vec {
  private Vec() {}

  static long[] add(long[] acc, Resources r) {
    int w = r.width();
    if (w > acc.length) {
      acc = Arrays.copyOf(acc, w);
    }
    for (int i = 0; i < w; i++) {
      acc[i] += r.milli(i);
    }
    return acc;
  }

  static long[] sub(long[] acc, Resources r) {
    int w = r.width();
    if (w > acc.length) {
      acc = Arrays.copyOf(acc, w);
    }
    for (int i = 0; i < w; i++) {
      acc[i] -= r.milli(i);
    }
    return acc;
  }

  /** As {@link Resources}; a negative component (a bookkeeping bug) is clamped and reported by the caller's checks. */
  static Resources of(long[] v) {
    long[] c = v.clone();
    for (int i = 0; i < c.length; i++) {
      if (c[i] < 0) {
        c[i] = 0;
      }
    }
    return Resources.ofMilli(c);
  }

  static boolean anyNegative(long[] v) {
    for (long x : v) {
      if (x < 0) {
        return true;
      }
    }
    return false;
  }
}
