package org.mesosim.reports.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.mesosim.reports.compare.ComparisonResult;
import org.mesosim.reports.compare.MetricDef;
import org.mesosim.reports.compare.Stats;
import org.mesosim.reports.html.HtmlReport;

/** Charts of a comparison's statistics (as opposed to the runs' time series). */
public final class ComparisonCharts {
  private ComparisonCharts() {}

  /** Prefix of the per-dimension charts of a sweep ({@code sweep-<key>}). */
  public static final String DIMENSION_CHART = "sweep-";
  /** Most metrics stacked in one dimension chart. */
  public static final int MAX_PANELS = 8;

  /**
   * For a sweep: one chart per grid key with more than one value, the headline metrics (at most
   * {@value #MAX_PANELS}, stacked, sharing the x axis) as mean and 95% interval at each value of the
   * key, one series per combination of the other keys. Empty without dimensions.
   *
   * @param cd the charts folder
   * @param r the statistics
   * @param dimensions group label → grid key → value
   */
  public static List<HtmlReport.Image> dimensionCharts(Path cd, ComparisonResult r,
      Map<String, Map<String, String>> dimensions) throws IOException {
    List<HtmlReport.Image> out = new ArrayList<>();
    if (dimensions == null || dimensions.isEmpty()) {
      return out;
    }
    Files.createDirectories(cd);
    LinkedHashSet<String> keys = new LinkedHashSet<>();
    dimensions.values().forEach(m -> keys.addAll(m.keySet()));
    // the scenario's own figures (per role or framework) first, then the cluster's
    List<String> panels = new ArrayList<>();
    List<String> head = r.headlineKeys();
    head.stream().filter(k -> k.contains("[")).forEach(panels::add);
    head.stream().filter(k -> !k.contains("[")).forEach(panels::add);
    if (panels.size() > MAX_PANELS) {
      panels = new ArrayList<>(panels.subList(0, MAX_PANELS));
    }
    for (String key : keys) {
      List<String> xs = new ArrayList<>();
      for (Map<String, String> m : dimensions.values()) {
        String v = m.get(key);
        if (v != null && !xs.contains(v)) {
          xs.add(v);
        }
      }
      if (xs.size() < 2) {
        continue;
      }
      // series: the other keys' values
      Map<String, List<String>> series = new LinkedHashMap<>();
      for (String g : r.groups().keySet()) {
        Map<String, String> m = dimensions.get(g);
        if (m == null || m.get(key) == null) {
          continue;
        }
        List<String> rest = new ArrayList<>();
        m.forEach((k, v) -> {
          if (!k.equals(key)) {
            rest.add(k + "=" + v);
          }
        });
        series.computeIfAbsent(rest.isEmpty() ? "mean, 95% interval" : String.join(", ", rest),
            s -> new ArrayList<>()).add(g);
      }
      SymbolAxis x = new SymbolAxis(key, xs.toArray(new String[0]));
      x.setGridBandsVisible(false);
      CombinedDomainXYPlot plot = new CombinedDomainXYPlot(x);
      plot.setGap(14);
      int ns = series.size();
      for (String p : panels) {
        int m = r.index(p);
        MetricDef d = r.metrics().get(m);
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        int si = 0;
        for (Map.Entry<String, List<String>> s : series.entrySet()) {
          YIntervalSeries ys = new YIntervalSeries(s.getKey(), false, true);
          for (String g : s.getValue()) {
            Stats.Interval ci = r.interval(g, m);
            if (!Double.isFinite(ci.mean())) {
              continue;
            }
            double lo = Double.isFinite(ci.low()) ? ci.low() : ci.mean();
            double hi = Double.isFinite(ci.high()) ? ci.high() : ci.mean();
            // series side by side around the category, so that their intervals do not hide each other
            double off = ns == 1 ? 0 : (si - (ns - 1) / 2.0) * Math.min(0.12, 0.6 / ns);
            ys.add(xs.indexOf(dimensions.get(g).get(key)) + off, ci.mean(), lo, hi);
          }
          data.addSeries(ys);
          si++;
        }
        NumberAxis y = new NumberAxis(shortLabel(d));
        y.setAutoRangeIncludesZero(false);
        y.setLabelFont(ChartRenderer.font(Font.PLAIN, 13));
        y.setTickLabelFont(ChartRenderer.font(Font.PLAIN, 12));
        XYErrorRenderer er = new XYErrorRenderer();
        er.setDrawXError(false);
        er.setDefaultLinesVisible(true);
        er.setCapLength(8);
        er.setErrorStroke(new BasicStroke(1.6f));
        for (int i = 0; i < ns; i++) {
          er.setSeriesPaint(i, Palette.series(i));
          er.setSeriesStroke(i, new BasicStroke(1.4f));
          er.setSeriesVisibleInLegend(i, p.equals(panels.get(0)));
        }
        XYPlot sub = new XYPlot(data, null, y, er);
        sub.setBackgroundPaint(Color.WHITE);
        sub.setRangeGridlinePaint(new Color(0xDDDDDD));
        sub.setDomainGridlinePaint(new Color(0xDDDDDD));
        plot.add(sub, 1);
      }
      x.setLabelFont(ChartRenderer.font(Font.PLAIN, 15));
      x.setTickLabelFont(ChartRenderer.font(Font.PLAIN, 13));
      x.setRange(-0.5, xs.size() - 0.5);
      JFreeChart c = new JFreeChart("Along " + key + " (mean and 95% interval over seeds)",
          ChartRenderer.font(Font.BOLD, 17), plot, ns > 1);
      c.setBackgroundPaint(Color.WHITE);
      LegendTitle lt = c.getLegend();
      if (lt != null) {
        lt.setItemFont(ChartRenderer.font(Font.PLAIN, 13));
        lt.setFrame(BlockBorder.NONE);
        lt.setPosition(RectangleEdge.BOTTOM);
      }
      int h = 120 + 190 * panels.size();
      String name = DIMENSION_CHART + key.replaceAll("[^A-Za-z0-9._-]", "_");
      byte[] png = ChartRenderer.png(c, ChartRenderer.WIDTH, h);
      Files.write(cd.resolve(name + ".png"), png);
      Files.write(cd.resolve(name + ".svg"), ChartRenderer.svg(c, ChartRenderer.WIDTH, h));
      out.add(new HtmlReport.Image(name, "Headline metrics along " + key + ": mean over seeds and 95% interval at"
          + " each value" + (ns > 1 ? ", one series per combination of the other grid keys" : "") + ".",
          "image/png", png));
    }
    return out;
  }

  private static String shortLabel(MetricDef d) {
    return d.key() + " (" + d.unit() + ")";
  }
}
