package org.mesosim.reports;

/**
 * The fairness levels of a run (docs/outputs.md): Jain's index over every framework's weighted
 * dominant share, the same over the frameworks with demand ({@code jain_active}) and the max-min
 * gap. Recomputed once per instant at which a share, or whether a framework has demand, changed
 * ({@link #markDirty}, then {@link #settle} when the clock moves).
 */
final class Fairness {
  final Level jain = new Level(1.0);
  final Level gap = new Level(0.0);
  final Level jainActive = new Level(1.0);
  private final int nFw;
  private boolean dirty;
  /** Scratch for {@link #settle}: the weighted shares, filled in place (no allocation per instant). */
  private final double[] weightedShares;

  Fairness(int nFw) {
    this.nFw = nFw;
    this.weightedShares = new double[nFw];
  }

  /** A share, or whether a framework has demand, changed at the current instant. */
  void markDirty() {
    dirty = true;
  }

  /**
   * Recomputes Jain's index (all frameworks and those with demand) and the gap if a share, or
   * whether a framework has demand, changed.
   */
  void settle(long now, AllocationLedger ledger, Starvation demand) {
    if (!dirty) {
      return;
    }
    dirty = false;
    double[] x = weightedShares;
    for (int f = 0; f < nFw; f++) {
      x[f] = ledger.weightedShare(f);
    }
    jain.set(now, jainIndex(x));
    gap.set(now, maxMinGap(x));
    int n = 0;
    for (int f = 0; f < nFw; f++) {
      // The queue of a deactivated framework is no demand the allocator sees (its sorter
      // deactivates the framework), but what it still holds is.
      if (x[f] > 0 || demand.hasDemand(f)) {
        x[n++] = x[f];
      }
    }
    jainActive.set(now, jainIndex(x, n));
  }

  RunSummary.Fairness summary(long end) {
    return new RunSummary.Fairness(jain.meanFinal(end), gap.meanFinal(end), jainActive.meanFinal(end));
  }

  /** Jain's fairness index (Σx)² / (n·Σx²); 1 when every x is 0 (all equal) or there are none. */
  static double jainIndex(double[] x) {
    return jainIndex(x, x.length);
  }

  /** Jain's index over the first {@code n} values of {@code x}. */
  static double jainIndex(double[] x, int n) {
    double s = 0;
    double s2 = 0;
    for (int i = 0; i < n; i++) {
      double v = x[i];
      s += v;
      s2 += v * v;
    }
    if (s2 <= 0) {
      return 1.0;
    }
    return Math.min(1.0, s * s / (n * s2));
  }

  /** max(x) − min(x); 0 for fewer than two values. */
  static double maxMinGap(double[] x) {
    if (x.length < 2) {
      return 0.0;
    }
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (double v : x) {
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
    return hi - lo;
  }
}
