package org.mesosim.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mesosim.reports.chart.SeriesBuffer;

class SeriesBufferTest {
  @Test
  void decimation_keepsAtMostCapacityPointsSpreadOverTheRunAndTheLast() {
    SeriesBuffer b = new SeriesBuffer(List.of("v"), 64);
    int n = 100_000;
    for (int i = 0; i < n; i++) {
      b.add(i, new double[] {2.0 * i});
    }
    double[] t = b.times();
    double[] v = b.column("v");
    assertTrue(t.length <= 65 && t.length >= 32, "points " + t.length);
    assertEquals(0.0, t[0]);
    assertEquals(n - 1.0, t[t.length - 1]);
    for (int i = 0; i < t.length; i++) {
      assertEquals(2 * t[i], v[i]);
    }
    // evenly spaced except the appended last point
    double step = t[1] - t[0];
    for (int i = 1; i < t.length - 1; i++) {
      assertEquals(step, t[i] - t[i - 1]);
    }
  }

  @Test
  void shortSeries_keptExactly() {
    SeriesBuffer b = new SeriesBuffer(List.of("a", "b"), 16);
    for (int i = 0; i < 10; i++) {
      b.add(i, new double[] {i, -i});
    }
    assertEquals(10, b.points());
    assertEquals(-9.0, b.column("b")[9]);
  }
}
