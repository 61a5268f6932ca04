package org.mesosim.reports.compare;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.statistics.distribution.TDistribution;
import org.junit.jupiter.api.Test;

class StatsTest {
  @Test
  void interval_studentT_whenItStaysInRange() {
    Stats.Interval c = Stats.interval(new double[] {1, 2, 3}, Stats.Range.ANY);
    assertEquals(3, c.n());
    assertEquals(2.0, c.mean(), 1e-12);
    assertEquals(1.0, c.sd(), 1e-12);
    // t(0.975, 2) = 4.302652729911275
    assertEquals(2 - 4.302652729911275 / Math.sqrt(3), c.low(), 1e-9);
    assertEquals(2 + 4.302652729911275 / Math.sqrt(3), c.high(), 1e-9);
    assertEquals("t", c.method());
  }

  @Test
  void interval_boundedMetric_bootstrapInsideTheRange_andReproducible() {
    double[] v = {0.98, 0.99, 1.0};
    // Student t would give 0.99 ± 0.0248: above 1
    Stats.Interval c = Stats.interval(v, Stats.Range.UNIT);
    assertEquals("bootstrap", c.method());
    assertTrue(c.low() >= 0.98 && c.high() <= 1.0, c.toString());
    assertTrue(c.low() < c.mean() && c.mean() < c.high(), c.toString());
    assertEquals(c, Stats.interval(v, Stats.Range.UNIT), "seeded: the same values give the same interval");
    // a Jain interval near 0 as in the issue (t would go below 0)
    Stats.Interval j = Stats.interval(new double[] {0.01, 0.39, 0.17}, Stats.Range.UNIT);
    assertEquals("bootstrap", j.method());
    assertTrue(j.low() >= 0.01 && j.high() <= 0.39, j.toString());
  }

  @Test
  void interval_nanLeftOut_oneValueHasNoInterval() {
    Stats.Interval c = Stats.interval(new double[] {Double.NaN, 5}, Stats.Range.ANY);
    assertEquals(1, c.n());
    assertEquals(5, c.mean());
    assertTrue(Double.isNaN(c.low()) && c.method().isEmpty());
    assertEquals(0, Stats.interval(new double[] {}, Stats.Range.ANY).n());
  }

  @Test
  void paired_meanDifferenceTTestAndExactWilcoxon() {
    double[] x = {2, 3, 5, 6};
    double[] base = {1, 1, 2, 2};
    Stats.Paired p = Stats.paired(x, base);
    // differences 1, 2, 3, 4: mean 2.5, sd sqrt(5/3)
    assertEquals(4, p.n());
    assertEquals(2.5, p.meanDiff(), 1e-12);
    double se = Math.sqrt(5.0 / 3) / 2;
    double t = 2.5 / se;
    assertEquals(2 * TDistribution.of(3).survivalProbability(t), p.pT(), 1e-12);
    assertEquals(2.5 - TDistribution.of(3).inverseCumulativeProbability(0.975) * se, p.low(), 1e-9);
    // all four differences positive, no ties: exact two-sided p = 2 / 2^4
    assertEquals(0.125, p.pWilcoxon(), 1e-12);
  }

  @Test
  void paired_identicalRuns_noTest() {
    Stats.Paired p = Stats.paired(new double[] {1, 2, 3}, new double[] {1, 2, 3});
    assertEquals(0.0, p.meanDiff());
    assertTrue(Double.isNaN(p.pT()) && Double.isNaN(p.pWilcoxon()), p.toString());
  }

  @Test
  void holm_stepDownAdjustment() {
    assertArrayEquals(new double[] {0.03, 0.06, 0.06}, Stats.holm(new double[] {0.01, 0.04, 0.03}), 1e-12);
    double[] h = Stats.holm(new double[] {0.2, Double.NaN, 0.01});
    assertEquals(0.2, h[0], 1e-12);
    assertTrue(Double.isNaN(h[1]));
    assertEquals(0.02, h[2], 1e-12);
    assertArrayEquals(new double[] {1.0, 1.0}, Stats.holm(new double[] {0.6, 0.9}), 1e-12);
  }

  @Test
  void quantiles_fromCommonsStatistics() {
    double[] q = Stats.quantiles(new double[] {5, 1, 4, 2, 3, Double.NaN}, 0.25, 0.5, 0.75);
    assertEquals(3.0, q[1], 1e-12);
    assertEquals(3.0 - q[0], q[2] - 3.0, 1e-12, "symmetric data, symmetric quartiles");
    assertTrue(q[0] > 1 && q[0] < 3, "interpolated between order statistics: " + q[0]);
  }
}
