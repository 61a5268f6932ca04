package org.mesosim.allocators;

import org.mesosim.model.Resources;

/**
 * Share arithmetic over scalar resources, as Mesos' {@code DRFSorter::calculateShare}
 * ({@code src/master/allocator/sorter/drf/sorter.cpp}): for every resource whose total is positive,
 * the ratio allocated / total; names with a zero total are skipped. Allocation-free.
 */
public final class Shares {
  private Shares() {}

  /** The dominant share: the largest ratio allocated / total (DRF, Ghodsi et al. NSDI 2011, Section 4). */
  public static double dominant(Resources allocated, Resources total) {
    double max = 0.0;
    int n = Math.min(allocated.width(), total.width());
    for (int i = 0; i < n; i++) {
      long t = total.milli(i);
      if (t > 0) {
        double s = allocated.milli(i) / (double) t;
        if (s > max) {
          max = s;
        }
      }
    }
    return max;
  }

  /** The sum of the ratios allocated / total (Asset Fairness, DRF paper Section 5.1). */
  public static double sum(Resources allocated, Resources total) {
    double sum = 0.0;
    int n = Math.min(allocated.width(), total.width());
    for (int i = 0; i < n; i++) {
      long t = total.milli(i);
      if (t > 0) {
        sum += allocated.milli(i) / (double) t;
      }
    }
    return sum;
  }
}
