package org.mesosim.allocators;

/**
 * Pure reference solvers for the DRF paper's model (Ghodsi et al. NSDI 2011, Sections 3-5): one
 * pool of divisible resources with capacities {@code c[r]}; user i runs tasks of demand
 * {@code d[i][r]} (Leontief: x tasks use x·d[i]).
 *
 * <p>{@link #continuous} is progressive filling: every unfrozen user's share rises at the same
 * (weighted) rate until a resource saturates; users that need a saturated resource freeze. With
 * {@link Share#DOMINANT} this is DRF; with {@link Share#SUM}, Asset Fairness.
 *
 * <p>{@link #discrete} is the same in whole tasks: repeatedly give one task to the user with the
 * lowest share whose task still fits, ties by lower index; shares compared exactly as the
 * allocator computes them (thousandths, one division).
 */
final class ProgressiveFilling {
  enum Share {
    /** max over resources of d/c: DRF. */
    DOMINANT,
    /** sum over resources of d/c: Asset Fairness. */
    SUM
  }

  private ProgressiveFilling() {}

  static double perTask(double[] c, double[] d, Share share) {
    double s = 0;
    for (int r = 0; r < c.length; r++) {
      double x = d[r] / c[r];
      s = share == Share.DOMINANT ? Math.max(s, x) : s + x;
    }
    return s;
  }

  /** Tasks per user (real numbers). Users whose demand is all zero get 0. */
  static double[] continuous(double[] c, double[][] d, double[] w, Share share) {
    int n = d.length;
    int m = c.length;
    double[] x = new double[n];
    double[] used = new double[m];
    boolean[] active = new boolean[n];
    double[] rate = new double[n];
    for (int i = 0; i < n; i++) {
      double s = perTask(c, d[i], share);
      active[i] = s > 0;
      rate[i] = s > 0 ? w[i] / s : 0;
    }
    boolean[] saturated = new boolean[m];
    while (true) {
      double[] consume = new double[m];
      boolean any = false;
      for (int i = 0; i < n; i++) {
        if (active[i]) {
          any = true;
          for (int r = 0; r < m; r++) {
            consume[r] += rate[i] * d[i][r];
          }
        }
      }
      if (!any) {
        return x;
      }
      double dt = Double.POSITIVE_INFINITY;
      for (int r = 0; r < m; r++) {
        if (consume[r] > 0) {
          dt = Math.min(dt, (c[r] - used[r]) / consume[r]);
        }
      }
      for (int i = 0; i < n; i++) {
        if (active[i]) {
          x[i] += dt * rate[i];
        }
      }
      for (int r = 0; r < m; r++) {
        used[r] += dt * consume[r];
        if (consume[r] > 0 && c[r] - used[r] <= 1e-12 * c[r]) {
          saturated[r] = true;
          used[r] = c[r];
        }
      }
      for (int i = 0; i < n; i++) {
        for (int r = 0; r < m && active[i]; r++) {
          if (saturated[r] && d[i][r] > 0) {
            active[i] = false;
          }
        }
      }
    }
  }

  /** Whole tasks per user; {@code c} and {@code d} in thousandths, weights 1. */
  static int[] discrete(long[] c, long[][] d, Share share) {
    int n = d.length;
    int m = c.length;
    int[] x = new int[n];
    long[] free = c.clone();
    while (true) {
      int best = -1;
      double bestShare = Double.POSITIVE_INFINITY;
      for (int i = 0; i < n; i++) {
        boolean fits = true;
        for (int r = 0; r < m; r++) {
          fits &= d[i][r] <= free[r];
        }
        if (!fits) {
          continue;
        }
        double s = 0;
        for (int r = 0; r < m; r++) {
          double v = (x[i] * d[i][r]) / (double) c[r];
          s = share == Share.DOMINANT ? Math.max(s, v) : s + v;
        }
        if (s < bestShare) {
          bestShare = s;
          best = i;
        }
      }
      if (best < 0) {
        return x;
      }
      x[best]++;
      for (int r = 0; r < m; r++) {
        free[r] -= d[best][r];
      }
    }
  }
}
