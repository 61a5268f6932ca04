package org.mesosim.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class QuantilesTest {
  @Test
  void percentiles_nearestRankOnSmallSets() {
    Quantiles q = new Quantiles();
    for (double v : new double[] {4, 1, 3, 2}) {
      q.add(v);
    }
    assertEquals(2.5, q.mean(), 1e-12);
    assertEquals(2.0, q.percentile(0.5), 1e-12);
    assertEquals(4.0, q.percentile(0.95), 1e-12);
    assertEquals(1.0, q.percentile(0.0), 1e-12);
    assertEquals(1.0, q.percentile(0.25), 1e-12);
    assertEquals(2.0, q.percentile(0.26), 1e-12);
  }

  @Test
  void percentiles_oneToHundred() {
    Quantiles q = new Quantiles();
    for (int i = 100; i >= 1; i--) {
      q.add(i);
    }
    assertEquals(50.0, q.percentile(0.50), 1e-12);
    assertEquals(95.0, q.percentile(0.95), 1e-12);
    assertEquals(99.0, q.percentile(0.99), 1e-12);
    assertEquals(100.0, q.max(), 1e-12);
    assertTrue(q.isExact());
  }

  @Test
  void percentiles_histogramBeyondExactLimitWithinHalfPercent() {
    Quantiles q = new Quantiles();
    int n = 3 * Quantiles.EXACT_LIMIT;
    for (int i = 1; i <= n; i++) {
      q.add(i * 0.5);
    }
    assertFalse(q.isExact());
    assertEquals(n, q.count());
    assertEquals((n + 1) * 0.25, q.mean(), 1e-9);
    for (double p : new double[] {0.5, 0.95, 0.99}) {
      double exact = Math.ceil(p * n) * 0.5;
      assertEquals(exact, q.percentile(p), exact * 0.005, "p" + p);
    }
    assertEquals(n * 0.5, q.percentile(1.0), 0.0);
  }

  @Test
  void empty_isAllZero() {
    Quantiles q = new Quantiles();
    assertEquals(0.0, q.mean());
    assertEquals(0.0, q.percentile(0.99));
    assertEquals(0, q.cdf(10)[0].length);
  }

  @Test
  void cdf_endsAtMaxWithOne() {
    Quantiles q = new Quantiles();
    for (int i = 1; i <= 1000; i++) {
      q.add(i);
    }
    double[][] c = q.cdf(100);
    assertTrue(c[0].length <= 101);
    assertEquals(1000.0, c[0][c[0].length - 1], 0.0);
    assertEquals(1.0, c[1][c[1].length - 1], 0.0);
    assertEquals(0.01, c[1][0], 1e-12);
  }
}
