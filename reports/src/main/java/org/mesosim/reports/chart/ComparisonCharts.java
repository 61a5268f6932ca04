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
      org.mesosim.reports.AtomicFiles.write(cd.resolve(name + ".png"), png);
      org.mesosim.reports.AtomicFiles.write(cd.resolve(name + ".svg"), ChartRenderer.svg(c, ChartRenderer.WIDTH, h));
      out.add(new HtmlReport.Image(name, "Headline metrics along " + key + ": mean over seeds and 95% interval at"
          + " each value" + (ns > 1 ? ", one series per combination of the other grid keys" : "") + ".",
          "image/png", png));
    }
    return out;
  }

  /** Points of a band chart's common time grid. */
  public static final int BAND_POINTS = 400;

  /**
   * A policy's level over seeds on a common time grid: median and inter-quartile range.
   *
   * @param name legend entry
   * @param t grid times (s)
   * @param q25 first quartile per time
   * @param median median per time
   * @param q75 third quartile per time
   * @param color colour
   * @param dashed dashed line
   */
  public record Band(String name, double[] t, double[] q25, double[] median, double[] q75, Color color,
      boolean dashed) {}

  /**
   * The median and inter-quartile range over runs of a level, each run given as its sample times and
   * values (a step function: the value of the last sample at or before t), on {@code points} times
   * from 0 to {@code end}. Quartiles from {@link Stats#quantiles} (Commons Statistics). A run has no
   * value before its first sample or after its last; a time no run covers is NaN.
   */
  public static double[][] band(List<double[]> times, List<double[]> values, double end, int points) {
    double[] t = new double[points];
    double[][] out = new double[4][points];
    for (int i = 0; i < points; i++) {
      t[i] = points == 1 ? 0 : end * i / (points - 1);
      double[] v = new double[times.size()];
      for (int r = 0; r < times.size(); r++) {
        double[] ts = times.get(r);
        int k = java.util.Arrays.binarySearch(ts, t[i]);
        if (k < 0) {
          k = -k - 2;
        }
        v[r] = k < 0 || ts.length == 0 || t[i] > ts[ts.length - 1] ? Double.NaN : values.get(r)[k];
      }
      double[] q = Stats.quantiles(v, 0.25, 0.5, 0.75);
      out[1][i] = q[0];
      out[2][i] = q[1];
      out[3][i] = q[2];
    }
    out[0] = t;
    return out;
  }

  /**
   * A time chart of bands (median line, inter-quartile range shaded), with vertical markers
   * (e.g. leader changes) at {@code markers} seconds.
   */
  public static JFreeChart bandChart(String title, String yLabel, List<Band> bands, boolean percent, double yMax,
      List<Double> markers, String markerLabel, double xMaxSeconds) {
    ChartRenderer.TimeUnit u = ChartRenderer.timeUnit(xMaxSeconds);
    YIntervalSeriesCollection data = new YIntervalSeriesCollection();
    for (Band b : bands) {
      YIntervalSeries s = new YIntervalSeries(b.name(), false, true);
      for (int i = 0; i < b.t().length; i++) {
        if (Double.isFinite(b.median()[i])) {
          s.add(b.t()[i] / u.seconds(), b.median()[i], b.q25()[i], b.q75()[i]);
        }
      }
      data.addSeries(s);
    }
    NumberAxis x = new NumberAxis("Simulated time (" + u.label() + ")");
    x.setRange(0, Math.max(xMaxSeconds, 1e-9) / u.seconds());
    NumberAxis y = new NumberAxis(yLabel);
    if (percent) {
      y.setNumberFormatOverride(new java.text.DecimalFormat("0%",
          java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ROOT)));
    }
    if (Double.isFinite(yMax)) {
      y.setRange(0, yMax);
    }
    org.jfree.chart.renderer.xy.DeviationRenderer r = new org.jfree.chart.renderer.xy.DeviationRenderer(true, false);
    r.setAlpha(0.22f);
    for (int i = 0; i < bands.size(); i++) {
      Band b = bands.get(i);
      r.setSeriesPaint(i, b.color());
      r.setSeriesFillPaint(i, b.color());
      r.setSeriesStroke(i, ChartRenderer.stroke(b.dashed(), ChartRenderer.width(i, bands.size())));
    }
    XYPlot plot = new XYPlot(data, x, y, r);
    addMarkers(plot, markers, markerLabel, u.seconds());
    return ChartRenderer.finish(title, plot, bands.size());
  }

  /** Vertical dashed markers at {@code seconds} (x in units of {@code unitSeconds}), the first labelled. */
  public static void addMarkers(XYPlot plot, List<Double> seconds, String label, double unitSeconds) {
    addMarkers(plot, seconds, label, unitSeconds, new Color(0xB00020), false);
  }

  /** As above in {@code color}; {@code dotted} lines and a label at the bottom (fault markers). */
  public static void addMarkers(XYPlot plot, List<Double> seconds, String label, double unitSeconds, Color color,
      boolean dotted) {
    boolean first = true;
    for (double t : seconds) {
      org.jfree.chart.plot.ValueMarker m = new org.jfree.chart.plot.ValueMarker(t / unitSeconds);
      m.setPaint(color);
      m.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f,
          dotted ? new float[] {1.5f, 3f} : new float[] {4f, 4f}, 0f));
      if (first && label != null) {
        m.setLabel(label);
        m.setLabelFont(ChartRenderer.font(Font.PLAIN, 12));
        m.setLabelPaint(color);
        m.setLabelBackgroundColor(new Color(255, 255, 255, 200));
        m.setLabelAnchor(dotted ? org.jfree.chart.ui.RectangleAnchor.BOTTOM_RIGHT
            : org.jfree.chart.ui.RectangleAnchor.TOP_RIGHT);
        m.setLabelTextAnchor(dotted ? org.jfree.chart.ui.TextAnchor.BOTTOM_LEFT
            : org.jfree.chart.ui.TextAnchor.TOP_LEFT);
        first = false;
      }
      plot.addDomainMarker(m);
    }
  }

  private static String shortLabel(MetricDef d) {
    return d.key() + " (" + d.unit() + ")";
  }
}
