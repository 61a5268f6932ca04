package org.mesosim.reports;

import java.util.Arrays;

/**
 * A bounded summary of a stream of non-negative values (seconds, ratios): exact count, sum, mean,
 * min and max always; exact nearest-rank percentiles for the first {@value #EXACT_LIMIT} values;
 * beyond that a fixed-bin logarithmic histogram (bins 1% wide from 1 µs to 10^10, values below 1
 * µs in a zero bin), whose percentiles are the geometric centre of the bin holding the rank,
 * clamped to [min, max]: relative error at most 0.5% (absolute error below 1 µs for tiny values).
 * Memory: at most {@value #EXACT_LIMIT} doubles, then {@value #BINS} longs.
 *
 * <p>Percentile definition (nearest rank): the p-th percentile of n values is the
 * ⌈p·n⌉-th smallest (the smallest for p·n ≤ 1). Deterministic: no sampling.
 */
public final class Quantiles {
  /** Values kept exactly before switching to the histogram. */
  public static final int EXACT_LIMIT = 10_000;

  static final double MIN = 1e-6;
  static final double GAMMA = 1.01;
  static final double LOG_GAMMA = StrictMath.log(GAMMA);
  /** Number of histogram bins: bin 0 is [0, MIN); bin i ≥ 1 is [MIN·γ^(i-1), MIN·γ^i). */
  public static final int BINS = 1 + (int) Math.ceil(StrictMath.log(1e16) / LOG_GAMMA);

  private double[] exact = new double[16];
  private long[] bins;
  private long count;
  private double sum;
  private double min = Double.POSITIVE_INFINITY;
  private double max = Double.NEGATIVE_INFINITY;
  private boolean sorted = true;

  /** {@code n} empty sketches (one per framework). */
  static Quantiles[] array(int n) {
    Quantiles[] q = new Quantiles[n];
    for (int i = 0; i < n; i++) {
      q[i] = new Quantiles();
    }
    return q;
  }

  /** Adds a value (negative or non-finite values are clamped to 0 / ignored). */
  public void add(double v) {
    if (Double.isNaN(v)) {
      return;
    }
    if (v < 0) {
      v = 0;
    }
    if (v == Double.POSITIVE_INFINITY) {
      v = Double.MAX_VALUE;
    }
    count++;
    sum += v;
    min = Math.min(min, v);
    max = Math.max(max, v);
    if (bins == null) {
      if (count > EXACT_LIMIT) {
        bins = new long[BINS];
        for (int i = 0; i < count - 1; i++) {
          bins[bin(exact[i])]++;
        }
        exact = null;
        bins[bin(v)]++;
        return;
      }
      int n = (int) count - 1;
      if (n == exact.length) {
        exact = Arrays.copyOf(exact, Math.min(EXACT_LIMIT, n * 2));
      }
      if (n > 0 && v < exact[n - 1]) {
        sorted = false;
      }
      exact[n] = v;
    } else {
      bins[bin(v)]++;
    }
  }

  static int bin(double v) {
    if (v < MIN) {
      return 0;
    }
    int i = 1 + (int) Math.floor(StrictMath.log(v / MIN) / LOG_GAMMA);
    return Math.min(i, BINS - 1);
  }

  static double binCentre(int i) {
    return i == 0 ? 0.0 : MIN * StrictMath.pow(GAMMA, i - 0.5);
  }

  public long count() {
    return count;
  }

  public double sum() {
    return sum;
  }

  /** Arithmetic mean, 0 when empty. */
  public double mean() {
    return count == 0 ? 0.0 : sum / count;
  }

  /** Smallest value, 0 when empty. */
  public double min() {
    return count == 0 ? 0.0 : min;
  }

  /** Largest value, 0 when empty. */
  public double max() {
    return count == 0 ? 0.0 : max;
  }

  /** True while every value is kept and percentiles are exact. */
  public boolean isExact() {
    return bins == null;
  }

  private void sortExact() {
    if (!sorted) {
      Arrays.sort(exact, 0, (int) count);
      sorted = true;
    }
  }

  /** Nearest-rank percentile for {@code p} in [0, 1]; 0 when empty. */
  public double percentile(double p) {
    if (count == 0) {
      return 0.0;
    }
    long rank = Math.max(1, (long) Math.ceil(p * count - 1e-9));
    rank = Math.min(rank, count);
    if (bins == null) {
      sortExact();
      return exact[(int) rank - 1];
    }
    if (rank == count) {
      return max;
    }
    long cum = 0;
    for (int i = 0; i < bins.length; i++) {
      cum += bins[i];
      if (cum >= rank) {
        return Math.max(min, Math.min(max, binCentre(i)));
      }
    }
    return max;
  }

  /**
   * The empirical CDF as at most about {@code maxPoints} points (x, fraction of values ≤ x), x
   * ascending, ending at (max, 1). Empty when there are no values.
   */
  public double[][] cdf(int maxPoints) {
    if (count == 0) {
      return new double[2][0];
    }
    double[] xs;
    double[] ys;
    if (bins == null) {
      sortExact();
      int n = (int) count;
      int step = Math.max(1, (n + maxPoints - 1) / Math.max(1, maxPoints));
      xs = new double[n / step + 2];
      ys = new double[xs.length];
      int k = 0;
      int last = -1;
      for (int i = step - 1; i < n; i += step) {
        xs[k] = exact[i];
        ys[k] = (i + 1) / (double) n;
        k++;
        last = i;
      }
      if (last != n - 1) {
        xs[k] = exact[n - 1];
        ys[k] = 1.0;
        k++;
      }
      return new double[][] {Arrays.copyOf(xs, k), Arrays.copyOf(ys, k)};
    }
    int nonEmpty = 0;
    for (long b : bins) {
      if (b > 0) {
        nonEmpty++;
      }
    }
    xs = new double[nonEmpty];
    ys = new double[nonEmpty];
    long cum = 0;
    int k = 0;
    for (int i = 0; i < bins.length; i++) {
      if (bins[i] > 0) {
        cum += bins[i];
        xs[k] = Math.max(min, Math.min(max, binCentre(i)));
        ys[k] = cum / (double) count;
        k++;
      }
    }
    xs[k - 1] = max;
    return new double[][] {xs, ys};
  }
}
