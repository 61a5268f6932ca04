package org.mesosim.reports.compare;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.apache.commons.statistics.descriptive.Mean;
import org.apache.commons.statistics.descriptive.Quantile;
import org.apache.commons.statistics.descriptive.StandardDeviation;
import org.apache.commons.statistics.distribution.TDistribution;
import org.apache.commons.statistics.inference.TTest;
import org.apache.commons.statistics.inference.WilcoxonSignedRankTest;

/**
 * The statistics of a comparison over seeds, all from Apache Commons Statistics (quantiles,
 * Student's t distribution, the paired t test and the Wilcoxon signed-rank test); only the
 * Holm–Bonferroni adjustment, a sort and a running maximum, is written here.
 *
 * <ul>
 *   <li>{@link #interval}: the mean over seeds and a two-sided 95% interval. Student's t
 *       (mean ± t(0.975, n−1)·s/√n) when that interval stays inside the metric's range; otherwise
 *       (a fraction near 0 or 1, a time near 0) the bootstrap percentile interval: the 2.5% and
 *       97.5% quantiles of the means of {@value #BOOTSTRAP_RESAMPLES} resamples with replacement,
 *       drawn from a generator with a fixed seed ({@value #BOOTSTRAP_SEED}), so the same values give
 *       the same interval. A mean of values in a range stays in it.
 *   <li>{@link #paired}: the differences (this − baseline) over the seeds both have, their mean
 *       and Student-t interval, the paired t test's and the Wilcoxon signed-rank test's two-sided
 *       p-values (exact for small n, as Commons Statistics chooses).
 *   <li>{@link #holm}: Holm–Bonferroni adjusted p-values for a family of tests.
 * </ul>
 */
public final class Stats {
  private Stats() {}

  /** Confidence level of every interval. */
  public static final double LEVEL = 0.95;
  /** Significance level of the tests (on Holm-adjusted p-values). */
  public static final double ALPHA = 0.05;
  /** Resamples of a bootstrap interval. */
  public static final int BOOTSTRAP_RESAMPLES = 10_000;
  /** Seed of the bootstrap generator (fixed: an interval depends only on the values). */
  public static final long BOOTSTRAP_SEED = 20260101L;
  /** Below this many seeds a result says that intervals and tests are weak. */
  public static final int FEW_SEEDS = 5;

  /** The range a metric's values lie in, which its interval must respect. */
  public record Range(double min, double max) {
    public static final Range UNIT = new Range(0, 1);
    public static final Range NON_NEGATIVE = new Range(0, Double.POSITIVE_INFINITY);
    public static final Range ANY = new Range(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);

    boolean contains(double lo, double hi) {
      return lo >= min && hi <= max;
    }
  }

  /**
   * Mean over seeds and its interval.
   *
   * @param n finite values used
   * @param mean their mean (NaN when none)
   * @param sd sample standard deviation (NaN for n &lt; 2)
   * @param low lower end of the 95% interval (NaN for n &lt; 2)
   * @param high upper end (NaN for n &lt; 2)
   * @param method {@code t}, {@code bootstrap}, or empty when there is no interval
   */
  public record Interval(int n, double mean, double sd, double low, double high, String method) {}

  /**
   * A paired comparison with a baseline over common seeds.
   *
   * @param n pairs (seeds both have, with finite values)
   * @param meanDiff mean of (this − baseline)
   * @param low lower end of its 95% Student-t interval
   * @param high upper end
   * @param pT two-sided p-value of the paired t test (NaN when n &lt; 2 or every difference is the same)
   * @param pWilcoxon two-sided p-value of the Wilcoxon signed-rank test (NaN when not computable)
   */
  public record Paired(int n, double meanDiff, double low, double high, double pT, double pWilcoxon) {}

  static double[] finite(double[] v) {
    return Arrays.stream(v).filter(Double::isFinite).toArray();
  }

  /** The mean of {@code values} (NaN ones left out) and its 95% interval within {@code range}. */
  public static Interval interval(double[] values, Range range) {
    double[] v = finite(values);
    int n = v.length;
    if (n == 0) {
      return new Interval(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, "");
    }
    double mean = Mean.of(v).getAsDouble();
    if (n < 2) {
      return new Interval(1, mean, Double.NaN, Double.NaN, Double.NaN, "");
    }
    double sd = StandardDeviation.of(v).getAsDouble();
    double half = TDistribution.of(n - 1).inverseCumulativeProbability(0.5 + LEVEL / 2) * sd / Math.sqrt(n);
    if (range.contains(mean - half, mean + half)) {
      return new Interval(n, mean, sd, mean - half, mean + half, "t");
    }
    double[] b = bootstrapPercentile(v);
    return new Interval(n, mean, sd, b[0], b[1], "bootstrap");
  }

  /** The 2.5% and 97.5% quantiles of the means of resamples of {@code v} (seeded). */
  static double[] bootstrapPercentile(double[] v) {
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(BOOTSTRAP_SEED);
    double[] means = new double[BOOTSTRAP_RESAMPLES];
    for (int b = 0; b < means.length; b++) {
      double s = 0;
      for (int i = 0; i < v.length; i++) {
        s += v[rng.nextInt(v.length)];
      }
      means[b] = s / v.length;
    }
    double a = (1 - LEVEL) / 2;
    return Quantile.withDefaults().evaluate(means, a, 1 - a);
  }

  /** Quantiles of {@code values} (NaN ones left out; NaN when none), Commons Statistics' default method. */
  public static double[] quantiles(double[] values, double... p) {
    double[] v = finite(values);
    if (v.length == 0) {
      double[] nan = new double[p.length];
      Arrays.fill(nan, Double.NaN);
      return nan;
    }
    return Quantile.withDefaults().evaluate(v, p);
  }

  /**
   * {@code x} against {@code baseline}, pairs by index (the same seed); pairs with a NaN are left out.
   */
  public static Paired paired(double[] x, double[] baseline) {
    List<double[]> pairs = new ArrayList<>();
    for (int i = 0; i < Math.min(x.length, baseline.length); i++) {
      if (Double.isFinite(x[i]) && Double.isFinite(baseline[i])) {
        pairs.add(new double[] {x[i], baseline[i]});
      }
    }
    int n = pairs.size();
    double[] a = new double[n];
    double[] b = new double[n];
    double[] d = new double[n];
    for (int i = 0; i < n; i++) {
      a[i] = pairs.get(i)[0];
      b[i] = pairs.get(i)[1];
      d[i] = a[i] - b[i];
    }
    if (n == 0) {
      return new Paired(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }
    Interval ci = interval(d, Range.ANY);
    double pT = Double.NaN;
    double pW = Double.NaN;
    if (n >= 2 && ci.sd() > 0) {
      pT = TTest.withDefaults().pairedTest(a, b).getPValue();
    }
    if (Arrays.stream(d).anyMatch(x1 -> x1 != 0)) {
      try {
        pW = WilcoxonSignedRankTest.withDefaults().test(a, b).getPValue();
      } catch (IllegalArgumentException e) {
        pW = Double.NaN; // too few non-zero differences for the test
      }
    }
    return new Paired(n, ci.mean(), ci.low(), ci.high(), pT, pW);
  }

  /**
   * Holm–Bonferroni adjusted p-values (same order; NaN entries are not tests and stay NaN): the
   * i-th smallest of m p-values becomes max over j ≤ i of min(1, (m − j + 1)·p(j)).
   */
  public static double[] holm(double[] p) {
    Integer[] idx = new Integer[p.length];
    int m = 0;
    for (int i = 0; i < p.length; i++) {
      idx[i] = i;
      if (!Double.isNaN(p[i])) {
        m++;
      }
    }
    Arrays.sort(idx, (i, j) -> {
      boolean ni = Double.isNaN(p[i]);
      boolean nj = Double.isNaN(p[j]);
      if (ni || nj) {
        return Boolean.compare(ni, nj);
      }
      int c = Double.compare(p[i], p[j]);
      return c != 0 ? c : Integer.compare(i, j);
    });
    double[] out = new double[p.length];
    Arrays.fill(out, Double.NaN);
    double running = 0;
    for (int k = 0; k < m; k++) {
      int i = idx[k];
      running = Math.max(running, Math.min(1, (m - k) * p[i]));
      out[i] = running;
    }
    return out;
  }
}
