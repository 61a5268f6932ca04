package org.mesosim.reports.chart;

import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.Align;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.mesosim.reports.AgentHeatmap;
import org.mesosim.reports.FrameworkMeta;
import org.mesosim.reports.TaskGantt;

/**
 * The per-agent charts of a run: the utilization heatmap (agents × time, one panel per resource)
 * and the task Gantt (tasks as bars on agent rows, coloured by framework).
 */
public final class AgentCharts {
  private AgentCharts() {}

  /** Colour of a cell without capacity (no agent registered in the row then). */
  public static final Color NO_CAPACITY = new Color(0xE8E8E8);

  /** Viridis (perceptually uniform, colour-blind safe), 9 anchors from 0 to 1. */
  private static final int[] VIRIDIS = {
    0x440154, 0x472D7B, 0x3B528B, 0x2C728E, 0x21918C, 0x28AE80, 0x5EC962, 0xADDC30, 0xFDE725,
  };

  /** The colour of an allocated fraction: viridis over [0, 1] (above 1 as 1), NaN grey. */
  public static Color colour(double v) {
    if (Double.isNaN(v)) {
      return NO_CAPACITY;
    }
    double x = Math.max(0, Math.min(1, v)) * (VIRIDIS.length - 1);
    int i = Math.min(VIRIDIS.length - 2, (int) Math.floor(x));
    double f = x - i;
    int a = VIRIDIS[i];
    int b = VIRIDIS[i + 1];
    int r = (int) Math.round(((a >> 16) & 255) * (1 - f) + ((b >> 16) & 255) * f);
    int g = (int) Math.round(((a >> 8) & 255) * (1 - f) + ((b >> 8) & 255) * f);
    int bl = (int) Math.round((a & 255) * (1 - f) + (b & 255) * f);
    return new Color(r, g, bl);
  }

  /** Pixels per column and per row of the heatmap raster (before the chart scales it). */
  static final int COL_PX = 8;

  /**
   * The heatmap raster of resource {@code r}: one pixel block per cell, row 0 (the first agents)
   * on top, the last column as wide as its share of a column's time.
   */
  static BufferedImage raster(AgentHeatmap h, int r) {
    int cols = h.columns();
    int rows = h.rows();
    int[] x0 = new int[cols + 1];
    for (int c = 0; c < cols; c++) {
      double span = (h.columnEnd(c) - h.columnStart(c)) / (double) h.columnWidth();
      x0[c + 1] = x0[c] + Math.max(1, (int) Math.round(span * COL_PX));
    }
    int rowPx = Math.max(1, 256 / Math.max(1, rows));
    BufferedImage img = new BufferedImage(Math.max(1, x0[cols]), Math.max(1, rows * rowPx), BufferedImage.TYPE_INT_RGB);
    for (int row = 0; row < rows; row++) {
      for (int c = 0; c < cols; c++) {
        int rgb = colour(h.fraction(r, row, c)).getRGB();
        for (int y = row * rowPx; y < (row + 1) * rowPx; y++) {
          for (int x = x0[c]; x < x0[c + 1]; x++) {
            img.setRGB(x, y, rgb);
          }
        }
      }
    }
    return img;
  }

  /** The heatmap chart, or null when nothing was recorded (no agents or heatmap off). */
  public static JFreeChart heatmap(AgentHeatmap h, String where) {
    if (!h.enabled() || h.rows() == 0 || h.columns() == 0) {
      return null;
    }
    double endS = h.columnEnd(h.columns() - 1) / 1e6;
    ChartRenderer.TimeUnit u = ChartRenderer.timeUnit(endS);
    NumberAxis x = new NumberAxis("Simulated time (" + u.label() + ")");
    x.setRange(0, Math.max(endS, 1e-9) / u.seconds());
    x.setLabelFont(ChartRenderer.font(Font.PLAIN, 15));
    x.setTickLabelFont(ChartRenderer.font(Font.PLAIN, 13));
    CombinedDomainXYPlot plot = new CombinedDomainXYPlot(x);
    plot.setGap(12);
    int per = h.agentsPerRow();
    for (int r = 0; r < h.resources().size(); r++) {
      NumberAxis y;
      if (per == 1 && h.rows() <= 12) {
        // few agents: each row named, the name in the middle of its row
        SymbolAxis sy = new SymbolAxis(h.resources().get(r) + ": agent", h.agentIds().toArray(new String[0]));
        sy.setGridBandsVisible(false);
        y = sy;
        y.setRange(-0.5, h.rows() - 0.5);
      } else {
        y = new NumberAxis(h.resources().get(r) + ": agents" + (per > 1 ? " (" + per + " a row)" : ""));
        y.setRange(0, h.rows() * per); // every row as tall as its 2^k agents (the last may hold fewer)
        y.setStandardTickUnits(NumberAxis.createIntegerTickUnits(java.util.Locale.ROOT));
      }
      y.setInverted(true);
      y.setLabelFont(ChartRenderer.font(Font.PLAIN, 13));
      y.setTickLabelFont(ChartRenderer.font(Font.PLAIN, 12));
      XYPlot sub = new XYPlot(null, null, y, new org.jfree.chart.renderer.xy.XYLineAndShapeRenderer());
      sub.setBackgroundImage(raster(h, r));
      sub.setBackgroundImageAlignment(Align.FIT);
      sub.setBackgroundImageAlpha(1f);
      sub.setDomainGridlinesVisible(false);
      sub.setRangeGridlinesVisible(false);
      sub.setOutlinePaint(new Color(0x999999));
      sub.setAxisOffset(RectangleInsets.ZERO_INSETS);
      plot.add(sub, 1);
    }
    JFreeChart c = new JFreeChart("Allocated fraction per agent (" + where + ")", ChartRenderer.font(Font.BOLD, 18),
        plot, false);
    c.setBackgroundPaint(Color.WHITE);
    c.setPadding(new RectangleInsets(8, 8, 8, 16));
    NumberAxis scale = new NumberAxis("allocated / capacity");
    scale.setRange(0, 1);
    scale.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(0.2));
    scale.setNumberFormatOverride(new java.text.DecimalFormat("0%",
        java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ROOT)));
    scale.setLabelFont(ChartRenderer.font(Font.PLAIN, 13));
    scale.setTickLabelFont(ChartRenderer.font(Font.PLAIN, 12));
    PaintScaleLegend legend = new PaintScaleLegend(new Viridis(), scale);
    legend.setPosition(RectangleEdge.RIGHT);
    legend.setMargin(new RectangleInsets(30, 12, 60, 4));
    legend.setStripWidth(14);
    legend.setSubdivisionCount(64);
    legend.setBackgroundPaint(Color.WHITE);
    c.addSubtitle(legend);
    c.setID("height=" + (120 + 200 * h.resources().size()));
    return c;
  }

  /** Viridis over [0, 1] for the colour legend. */
  static final class Viridis implements PaintScale {
    @Override
    public double getLowerBound() {
      return 0;
    }

    @Override
    public double getUpperBound() {
      return 1;
    }

    @Override
    public java.awt.Paint getPaint(double value) {
      return colour(value);
    }
  }

  /**
   * The task Gantt: each agent a row (first-appearance order, top to bottom), each task a bar from
   * its launch to its first terminal status (to the run's end if it is still live), coloured by
   * framework; tasks overlapping on one agent are stacked in lanes within its row.
   *
   * @param endMicros the run's end
   */
  public static JFreeChart gantt(TaskGantt g, List<String> agentIds, List<FrameworkMeta> fws, long endMicros,
      String where) {
    double endS = endMicros / 1e6;
    ChartRenderer.TimeUnit u = ChartRenderer.timeUnit(endS);
    int agents = 0;
    for (int i = 0; i < g.size(); i++) {
      agents = Math.max(agents, g.agent(i) + 1);
    }
    // lanes: per agent, tasks by start (then index) take the lowest lane free at their start
    Integer[] order = new Integer[g.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> g.agent(a) != g.agent(b) ? Integer.compare(g.agent(a), g.agent(b))
        : g.start(a) != g.start(b) ? Long.compare(g.start(a), g.start(b)) : Integer.compare(a, b));
    int[] lane = new int[g.size()];
    int[] lanes = new int[Math.max(1, agents)];
    long[] laneFree = new long[16];
    int cur = -1;
    for (int k : order) {
      int a = g.agent(k);
      if (a != cur) {
        cur = a;
        Arrays.fill(laneFree, Long.MIN_VALUE);
      }
      long end = g.end(k) < 0 ? endMicros : g.end(k);
      int l = 0;
      while (l < laneFree.length && laneFree[l] > g.start(k)) {
        l++;
      }
      if (l == laneFree.length) {
        laneFree = Arrays.copyOf(laneFree, l * 2);
        Arrays.fill(laneFree, l, l * 2, Long.MIN_VALUE);
      }
      laneFree[l] = end;
      lane[k] = l;
      lanes[a] = Math.max(lanes[a], l + 1);
    }
    XYIntervalSeriesCollection data = new XYIntervalSeriesCollection();
    List<XYIntervalSeries> series = new ArrayList<>();
    for (int f = 0; f < fws.size(); f++) {
      XYIntervalSeries s = new XYIntervalSeries(label(fws.get(f)), false, true);
      series.add(s);
      data.addSeries(s);
    }
    for (int i = 0; i < g.size(); i++) {
      int a = g.agent(i);
      double h = 0.8 / lanes[a];
      double y0 = a - 0.4 + lane[i] * h;
      double y1 = y0 + h * (lanes[a] > 1 ? 0.85 : 1);
      double x0 = g.start(i) / 1e6 / u.seconds();
      double x1 = (g.end(i) < 0 ? endMicros : g.end(i)) / 1e6 / u.seconds();
      series.get(g.framework(i)).add((x0 + x1) / 2, x0, x1, (y0 + y1) / 2, y0, y1);
    }
    NumberAxis x = new NumberAxis("Simulated time (" + u.label() + ")");
    x.setRange(0, Math.max(endS, 1e-9) / u.seconds());
    NumberAxis y;
    if (agents <= 40) {
      String[] names = new String[agents];
      for (int a = 0; a < agents; a++) {
        names[a] = a < agentIds.size() ? agentIds.get(a) : "agent " + a;
      }
      SymbolAxis sy = new SymbolAxis("Agent", names);
      sy.setGridBandsVisible(false);
      y = sy;
    } else {
      y = new NumberAxis("Agent (in order of registration)");
      y.setStandardTickUnits(NumberAxis.createIntegerTickUnits(java.util.Locale.ROOT));
    }
    // agent a's row is centred on a (where SymbolAxis writes its name)
    y.setRange(-0.5, Math.max(1, agents) - 0.5);
    y.setInverted(true);
    XYBarRenderer r = new XYBarRenderer();
    r.setUseYInterval(true);
    r.setBarPainter(new StandardXYBarPainter());
    r.setShadowVisible(false);
    r.setDrawBarOutline(false);
    for (int f = 0; f < fws.size(); f++) {
      r.setSeriesPaint(f, Palette.series(f));
    }
    XYPlot plot = new XYPlot(data, x, y, r);
    JFreeChart c = ChartRenderer.finish("Tasks on agents (" + where + ")", plot, fws.size());
    plot.setRangeGridlinesVisible(false);
    LegendTitle lt = c.getLegend();
    if (lt != null) {
      lt.setFrame(BlockBorder.NONE);
    }
    int legendRows = fws.size() <= ChartRenderer.MAX_LEGEND ? (fws.size() + 4) / 5 : 1;
    c.setID("height=" + Math.min(1600, Math.max(360, 150 + 22 * legendRows + agents * Math.max(16, 5 * maxOf(lanes)))));
    return c;
  }

  private static int maxOf(int[] v) {
    int m = 1;
    for (int x : v) {
      m = Math.max(m, x);
    }
    return Math.min(m, 12);
  }

  static String label(FrameworkMeta f) {
    return "*".equals(f.role()) ? f.name() : f.name() + " (" + f.role() + ")";
  }
}
