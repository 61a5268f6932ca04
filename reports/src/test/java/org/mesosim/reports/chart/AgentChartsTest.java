package org.mesosim.reports.chart;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.junit.jupiter.api.Test;
import org.mesosim.model.Resources;
import org.mesosim.reports.AgentHeatmap;
import org.mesosim.reports.FrameworkMeta;
import org.mesosim.reports.TaskGantt;
import org.mesosim.reports.compare.RunSeries;

class AgentChartsTest {
  static final long S = 1_000_000L;

  @Test
  void colour_isViridis_clampedAbove1_greyWithoutCapacity() {
    assertEquals(new Color(0x440154), AgentCharts.colour(0));
    assertEquals(new Color(0xFDE725), AgentCharts.colour(1));
    assertEquals(new Color(0xFDE725), AgentCharts.colour(1.3)); // a removed agent's tasks not yet lost
    assertEquals(new Color(0x21918C), AgentCharts.colour(0.5));
    assertEquals(AgentCharts.NO_CAPACITY, AgentCharts.colour(Double.NaN));
  }

  @Test
  void raster_hasOneBlockPerCell_rowZeroOnTop_lastColumnAsWideAsItsTime() {
    AgentHeatmap h = new AgentHeatmap(List.of("cpus"), new AgentHeatmap.Options(4, 8, 2 * S));
    h.registered("a", Resources.of(4, 0), 0);
    h.registered("b", Resources.of(4, 0), 0);
    h.allocate(h.agent("a", 0), Resources.of(4, 0), +1, 0);
    h.finish(3 * S); // columns [0,2) and [2,3]: the second half as wide
    BufferedImage img = AgentCharts.raster(h, 0);
    int rowPx = 256 / 2;
    assertEquals(AgentCharts.COL_PX + AgentCharts.COL_PX / 2, img.getWidth());
    assertEquals(2 * rowPx, img.getHeight());
    assertEquals(AgentCharts.colour(1).getRGB(), img.getRGB(0, 0)); // agent a, full
    assertEquals(AgentCharts.colour(0).getRGB(), img.getRGB(0, rowPx)); // agent b, idle
    assertEquals(AgentCharts.colour(1).getRGB(), img.getRGB(img.getWidth() - 1, rowPx - 1));
    JFreeChart c = AgentCharts.heatmap(h, "test");
    assertEquals("height=320", c.getID()); // one panel per resource
    byte[] png = ChartRenderer.png(c, ChartRenderer.WIDTH, ChartRenderer.heightFor(c));
    assertTrue(png.length > 1000);
    String svg = new String(ChartRenderer.svg(c, ChartRenderer.WIDTH, 320), java.nio.charset.StandardCharsets.UTF_8);
    assertTrue(svg.contains("data:image/png;base64,"), "the raster is embedded in the SVG");
  }

  @Test
  void gantt_stacksTasksRunningAtOnceOnAnAgentInLanes() {
    TaskGantt g = new TaskGantt();
    g.started(0, 0, 0); // agent 0, A, 0-4 s
    g.ended(0, 4 * S);
    g.started(0, 1, 1 * S); // agent 0, B, 1-2 s: overlaps, second lane
    g.ended(1, 2 * S);
    g.started(0, 1, 5 * S); // after both: first lane again; still running at the end
    g.started(1, 0, 0); // agent 1 alone
    g.ended(3, 1 * S);
    JFreeChart c = AgentCharts.gantt(g, List.of("a0", "a1"), List.of(new FrameworkMeta("A", "*"),
        new FrameworkMeta("B", "*")), 10 * S, "test");
    XYIntervalSeriesCollection d = (XYIntervalSeriesCollection) c.getXYPlot().getDataset();
    assertEquals(2, d.getSeriesCount());
    // A: the 0-4 s bar in the upper lane of agent 0 (rows centred on the agent's index)
    assertEquals(0.0, d.getStartXValue(0, 0), 1e-9);
    assertEquals(4.0, d.getEndXValue(0, 0), 1e-9);
    assertArrayEquals(new double[] {-0.4, 0.0}, new double[] {d.getStartYValue(0, 0), d.getStartYValue(1, 0)}, 1e-9);
    // the third bar reuses lane 0 and runs to the end (10 s)
    assertEquals(-0.4, d.getStartYValue(1, 1), 1e-9);
    assertEquals(10.0, d.getEndXValue(1, 1), 1e-9);
    // agent 1 has one lane: its bar spans the row's whole band
    assertEquals(0.6, d.getStartYValue(0, 1), 1e-9);
    assertEquals(1.4, d.getEndYValue(0, 1), 1e-9);
    assertNotEquals(null, ChartRenderer.png(c, ChartRenderer.WIDTH, ChartRenderer.heightFor(c)));
  }

  @Test
  void pool_weighsEachRunsCdfByItsCount() {
    double[][] a = {{1, 2}, {0.5, 1}, {2}}; // values 1, 2
    double[][] b = {{3}, {1}, {6}}; // six values of 3
    double[][] p = RunSeries.pool(List.of(a, b));
    assertArrayEquals(new double[] {1, 2, 3}, p[0], 1e-12);
    assertArrayEquals(new double[] {1 / 8.0, 2 / 8.0, 1}, p[1], 1e-12);
  }

  @Test
  void cdfChart_drawsZerosAtTheLeftEdge_thePowerOfTenBelowTheSmallestValue() {
    JFreeChart c = ChartRenderer.cdfChart("t", "x", "y", List.of(new ChartRenderer.Line("l", new double[] {0, 0.002, 5},
        new double[] {0.5, 0.75, 1}, Color.BLACK, false)), "none");
    org.jfree.chart.axis.ValueAxis x = c.getXYPlot().getDomainAxis();
    assertEquals(1e-3, x.getLowerBound(), 1e-12);
    assertEquals(10, x.getUpperBound(), 1e-9);
    assertEquals(1e-3, c.getXYPlot().getDataset().getXValue(0, 0), 1e-12); // 0 s drawn at 1 ms
  }
}
