package org.mesosim.reports.chart;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ComparisonChartsTest {
  @Test
  void band_medianAndQuartilesOverRuns_ofStepFunctionsOnACommonGrid() {
    // three runs sampled at different times: levels 0 → 1 at t=1 (run a), 0 → 2 at t=2 (b), constant 3 (c)
    List<double[]> t = List.of(new double[] {0, 1, 10}, new double[] {0, 2, 10}, new double[] {0, 10});
    List<double[]> v = List.of(new double[] {0, 1, 1}, new double[] {0, 2, 2}, new double[] {3, 3});
    double[][] b = ComparisonCharts.band(t, v, 10, 11); // t = 0, 1, ..., 10
    assertArrayEquals(new double[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, b[0], 1e-12);
    assertEquals(0, b[2][0], 1e-12, "t=0: median of 0, 0, 3");
    assertEquals(1, b[2][1], 1e-12, "t=1: median of 1, 0, 3");
    assertEquals(2, b[2][5], 1e-12, "t=5: median of 1, 2, 3");
    assertTrue(b[1][5] > 1 && b[1][5] < 2 && b[3][5] > 2 && b[3][5] < 3, "quartiles inside the range");
    assertEquals(b[3][5] - 2, 2 - b[1][5], 1e-12, "symmetric values, symmetric quartiles");
  }

  @Test
  void band_aTimeBeyondARunsLastSample_leavesThatRunOut() {
    List<double[]> t = List.of(new double[] {0, 5}, new double[] {0, 10});
    List<double[]> v = List.of(new double[] {1, 1}, new double[] {3, 3});
    double[][] b = ComparisonCharts.band(t, v, 10, 3); // t = 0, 5, 10
    assertEquals(2, b[2][1], 1e-12);
    assertEquals(3, b[2][2], 1e-12, "only the run that reached t=10");
  }

  @Test
  void lineWidths_firstSeriesWidest_soThatIdenticalLinesStayVisible() {
    assertEquals(4.0f, ChartRenderer.width(0, 2), 1e-6);
    assertEquals(1.8f, ChartRenderer.width(1, 2), 1e-6);
    assertEquals(2.0f, ChartRenderer.width(0, 21), 1e-6, "many series: one width");
  }
}
