package org.mesosim.reports.compare;

import org.apache.commons.statistics.distribution.TDistribution;

/**
 * Mean and two-sided 95% confidence interval of a sample (one value per seed), from Student's t
 * distribution with n − 1 degrees of freedom (Commons Statistics): half-width
 * t(0.975, n−1) · s / √n, s the sample standard deviation. With one value the half-width is NaN
 * (written as an empty CSV field / JSON null).
 *
 * @param n sample size
 * @param mean sample mean
 * @param sd sample standard deviation (NaN for n &lt; 2)
 * @param halfWidth half-width of the 95% interval (NaN for n &lt; 2)
 */
public record ConfidenceInterval(int n, double mean, double sd, double halfWidth) {
  /** The interval of {@code values}. */
  public static ConfidenceInterval of(double[] values) {
    int n = values.length;
    if (n == 0) {
      return new ConfidenceInterval(0, Double.NaN, Double.NaN, Double.NaN);
    }
    double sum = 0;
    for (double v : values) {
      sum += v;
    }
    double mean = sum / n;
    if (n < 2) {
      return new ConfidenceInterval(n, mean, Double.NaN, Double.NaN);
    }
    double ss = 0;
    for (double v : values) {
      ss += (v - mean) * (v - mean);
    }
    double sd = Math.sqrt(ss / (n - 1));
    double t = TDistribution.of(n - 1).inverseCumulativeProbability(0.975);
    return new ConfidenceInterval(n, mean, sd, t * sd / Math.sqrt(n));
  }

  public double low() {
    return mean - halfWidth;
  }

  public double high() {
    return mean + halfWidth;
  }
}
