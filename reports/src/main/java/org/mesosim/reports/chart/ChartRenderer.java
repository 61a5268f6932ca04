package org.mesosim.reports.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.GraphicsEnvironment;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.apache.batik.svggen.SVGGeneratorContext;
import org.apache.batik.svggen.SVGGraphics2D;
import org.apache.batik.svggen.SVGGraphics2DIOException;

/**
 * Builds the report charts with JFreeChart and renders them as PNG and SVG (Apache Batik). One
 * style for all: white background, light grid, DejaVu Sans (falls back to the logical SansSerif
 * font), 960×480 px, labelled axes with units, a legend below the plot. Level series (utilization,
 * shares, queue) are drawn as steps (one path per series) because they are piecewise constant; the completion CDF uses a
 * logarithmic time axis. Headless: nothing here needs a display.
 */
public final class ChartRenderer {
  /** Default chart width, px. */
  public static final int WIDTH = 960;
  /** Default chart height, px. */
  public static final int HEIGHT = 480;
  /** Beyond this many series the legend is replaced by a count. */
  public static final int MAX_LEGEND = 24;
  /**
   * Most input points drawn in one time chart, over all its series; beyond it every series is
   * uniformly thinned (keeping its last point) so that charts with hundreds of frameworks render
   * in seconds.
   */
  public static final int MAX_TIME_POINTS = 40_000;

  private static final String FAMILY = pickFamily();

  private ChartRenderer() {}

  private static String pickFamily() {
    System.setProperty("java.awt.headless", System.getProperty("java.awt.headless", "true"));
    try {
      for (String f : GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames(Locale.ROOT)) {
        if (f.equals("DejaVu Sans")) {
          return f;
        }
      }
    } catch (RuntimeException | Error e) {
      // no font configuration: the logical font still renders
    }
    return Font.SANS_SERIF;
  }

  static Font font(int style, int size) {
    return new Font(FAMILY, style, size);
  }

  /** The time unit used for an x axis spanning {@code endSeconds}: s, min, h or d. */
  public static TimeUnit timeUnit(double endSeconds) {
    if (endSeconds <= 180) {
      return new TimeUnit("s", 1);
    } else if (endSeconds <= 3 * 3600) {
      return new TimeUnit("min", 60);
    } else if (endSeconds <= 3 * 86400) {
      return new TimeUnit("h", 3600);
    }
    return new TimeUnit("d", 86400);
  }

  /** A display unit for time: label and seconds per unit. */
  public record TimeUnit(String label, double seconds) {}

  /** A named line: x and y values, colour, dashed or not. */
  public record Line(String name, double[] x, double[] y, Color color, boolean dashed) {}

  /**
   * A step chart of levels over time.
   *
   * @param title chart title
   * @param yLabel y axis label with unit
   * @param lines the series (x in seconds)
   * @param yMax fixed upper bound of the y axis, or NaN for automatic
   * @param percent format the y axis as percent (values are fractions)
   */
  public static JFreeChart timeChart(String title, String yLabel, List<Line> lines, double yMax, boolean percent) {
    return timeChart(title, yLabel, lines, yMax, percent, Double.NaN);
  }

  /**
   * As {@link #timeChart(String, String, List, double, boolean)} with a fixed x range [0, xMax]
   * seconds (NaN: to the last point), so that side-by-side charts share their time axis.
   */
  public static JFreeChart timeChart(String title, String yLabel, List<Line> lines, double yMax, boolean percent,
      double xMaxSeconds) {
    double end = Double.isNaN(xMaxSeconds) ? 0 : xMaxSeconds;
    for (Line l : lines) {
      if (l.x().length > 0) {
        end = Math.max(end, l.x()[l.x().length - 1]);
      }
    }
    TimeUnit u = timeUnit(end);
    XYSeriesCollection data = new XYSeriesCollection();
    long total = 0;
    for (Line l : lines) {
      total += l.x().length;
    }
    int stride = (int) Math.max(1, (total + MAX_TIME_POINTS - 1) / MAX_TIME_POINTS);
    for (Line l : lines) {
      // Levels are piecewise constant: draw steps explicitly, one path per series (fast, small SVG).
      XYSeries s = new XYSeries(l.name(), false, true);
      double prev = Double.NaN;
      int n = l.x().length;
      for (int i = 0; i < n; i++) {
        if (i % stride != 0 && i != n - 1) {
          continue;
        }
        double xv = l.x()[i] / u.seconds();
        double yv = l.y()[i];
        if (!Double.isNaN(prev) && prev != yv) {
          s.add(xv, prev, false);
        }
        s.add(xv, yv, false);
        prev = yv;
      }
      data.addSeries(s);
    }
    NumberAxis x = new NumberAxis("Simulated time (" + u.label() + ")");
    x.setAutoRangeIncludesZero(true);
    x.setLowerMargin(0);
    x.setUpperMargin(0);
    if (end <= 0) {
      x.setRange(0, 1);
    } else if (!Double.isNaN(xMaxSeconds)) {
      x.setRange(0, xMaxSeconds / u.seconds());
    }
    NumberAxis y = new NumberAxis(yLabel);
    y.setAutoRangeIncludesZero(true);
    if (percent) {
      y.setNumberFormatOverride(new DecimalFormat("0%", DecimalFormatSymbols.getInstance(Locale.ROOT)));
    }
    if (!Double.isNaN(yMax)) {
      y.setRange(0, yMax);
    } else {
      y.setUpperMargin(0.08);
      y.setStandardTickUnits(NumberAxis.createStandardTickUnits(Locale.ROOT));
    }
    XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
    r.setDrawSeriesLineAsPath(true);
    style(r, lines);
    XYPlot plot = new XYPlot(data, x, y, r);
    return finish(title, plot, lines.size());
  }

  /**
   * Empirical CDFs on a logarithmic x axis.
   *
   * @param title chart title
   * @param xLabel x axis label with unit
   * @param lines CDF points (x ascending, y in [0,1])
   */
  public static JFreeChart cdfChart(String title, String xLabel, List<Line> lines) {
    return cdfChart(title, xLabel, "Fraction of finished jobs", lines, "no finished jobs");
  }

  /** Smallest time a CDF's log axis shows (1 µs, the clock's resolution): 0 s is drawn there. */
  static final double CDF_FLOOR = 1e-6;

  /**
   * Empirical CDFs on a logarithmic x axis (from a decade below the smallest value of at least
   * {@link #CDF_FLOOR}; smaller values, such as 0 s, drawn at that left edge), with the y axis label {@code yLabel} and {@code empty} written when there
   * is nothing to draw.
   */
  public static JFreeChart cdfChart(String title, String xLabel, String yLabel, List<Line> lines, String empty) {
    XYSeriesCollection data = new XYSeriesCollection();
    // zeros (and values below 1 µs) are drawn at the left edge: a decade below the smallest positive value
    double minPos = Double.POSITIVE_INFINITY;
    for (Line l : lines) {
      for (double v : l.x()) {
        if (v >= CDF_FLOOR) {
          minPos = Math.min(minPos, v);
        }
      }
    }
    double floor = Double.isFinite(minPos) ? Math.max(CDF_FLOOR, Math.pow(10, Math.ceil(Math.log10(minPos)) - 1))
        : 1e-3;
    if (floor >= minPos) {
      floor /= 10;
    }
    double lo = Double.POSITIVE_INFINITY;
    double hi = 0;
    for (Line l : lines) {
      XYSeries s = new XYSeries(l.name(), false, true);
      double prevY = 0;
      for (int i = 0; i < l.x().length; i++) {
        double xv = Math.max(l.x()[i], floor);
        lo = Math.min(lo, xv);
        hi = Math.max(hi, xv);
        if (i == 0) {
          s.add(xv, 0.0, false);
        }
        s.add(xv, prevY, false);
        s.add(xv, l.y()[i], false);
        prevY = l.y()[i];
      }
      data.addSeries(s);
    }
    LogAxis x = new LogAxis(xLabel);
    x.setBase(10);
    x.setSmallestValue(CDF_FLOOR);
    x.setNumberFormatOverride(new DecimalFormat("0.######", DecimalFormatSymbols.getInstance(Locale.ROOT)));
    if (hi <= 0) {
      x.setRange(1, 1000);
    } else {
      double l0 = Math.pow(10, Math.floor(Math.log10(lo)));
      double h0 = Math.pow(10, Math.ceil(Math.log10(hi)));
      // at least two decades, so that a narrow distribution reads as narrow
      while (h0 / l0 < 99) {
        if (l0 > CDF_FLOOR) {
          l0 /= 10;
        }
        h0 *= 10;
      }
      x.setRange(l0, h0);
    }
    x.setTickUnit(new NumberTickUnit(1));
    NumberAxis y = new NumberAxis(yLabel);
    y.setRange(0, 1.0);
    y.setTickUnit(new NumberTickUnit(0.2, new DecimalFormat("0.0", DecimalFormatSymbols.getInstance(Locale.ROOT))));
    XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
    r.setDrawSeriesLineAsPath(true);
    style(r, lines);
    XYPlot plot = new XYPlot(data, x, y, r);
    JFreeChart c = finish(title, plot, lines.size());
    if (data.getSeriesCount() == 0 || hi <= 0) {
      TextTitle t = new TextTitle(empty, font(Font.ITALIC, 14));
      t.setPaint(Color.GRAY);
      c.addSubtitle(t);
    }
    return c;
  }

  private static void style(XYItemRenderer r, List<Line> lines) {
    for (int i = 0; i < lines.size(); i++) {
      Line l = lines.get(i);
      r.setSeriesPaint(i, l.color());
      r.setSeriesStroke(i, stroke(l.dashed(), width(i, lines.size())));
    }
  }

  /**
   * Line width of series {@code i} of {@code n}: with 2 to 8 series the first is widest (4 px) and
   * each later one narrower (down to 1.8 px), and later series are drawn on top ({@link #finish}),
   * so that identical lines (two frameworks with the same share) stay visible as a line within a line.
   */
  public static float width(int i, int n) {
    return n < 2 || n > 8 ? 2.0f : (float) (1.8 + 2.2 * (n - 1 - i) / (n - 1));
  }

  static BasicStroke stroke(boolean dashed, float w) {
    return dashed
        ? new BasicStroke(w, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f, new float[] {8f, 5f}, 0f)
        : new BasicStroke(w, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
  }

  static JFreeChart finish(String title, XYPlot plot, int series) {
    plot.setSeriesRenderingOrder(org.jfree.chart.plot.SeriesRenderingOrder.FORWARD);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(new Color(0xDDDDDD));
    plot.setRangeGridlinePaint(new Color(0xDDDDDD));
    plot.setDomainGridlineStroke(new BasicStroke(1f));
    plot.setRangeGridlineStroke(new BasicStroke(1f));
    plot.setOutlinePaint(new Color(0x999999));
    plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
    for (var axis : List.of(plot.getDomainAxis(), plot.getRangeAxis())) {
      axis.setLabelFont(font(Font.PLAIN, 15));
      axis.setTickLabelFont(font(Font.PLAIN, 13));
      axis.setLabelPaint(Color.BLACK);
      axis.setTickLabelPaint(new Color(0x333333));
    }
    JFreeChart c = new JFreeChart(title, font(Font.BOLD, 18), plot, series > 0 && series <= MAX_LEGEND);
    c.setBackgroundPaint(Color.WHITE);
    c.setAntiAlias(true);
    c.setTextAntiAlias(true);
    c.setPadding(new RectangleInsets(8, 8, 8, 16));
    LegendTitle legend = c.getLegend();
    if (legend != null) {
      legend.setItemFont(font(Font.PLAIN, 14));
      legend.setFrame(BlockBorder.NONE);
      legend.setPosition(RectangleEdge.BOTTOM);
      legend.setBackgroundPaint(Color.WHITE);
    } else if (series > MAX_LEGEND) {
      TextTitle t = new TextTitle(series + " series (legend omitted; colours repeat every " + Palette.size() + ")",
          font(Font.ITALIC, 13));
      t.setPaint(Color.DARK_GRAY);
      t.setPosition(RectangleEdge.BOTTOM);
      c.addSubtitle(t);
    }
    return c;
  }

  /**
   * The height to render {@code c} at: {@link #HEIGHT}, plus room for every legend row beyond the
   * second (about five entries a row), so that a long legend does not squash the plot.
   */
  public static int heightFor(JFreeChart c) {
    if (c.getID() != null && c.getID().startsWith("height=")) {
      return Integer.parseInt(c.getID().substring("height=".length()));
    }
    if (c.getLegend() == null) {
      return HEIGHT;
    }
    int n = c.getXYPlot().getDataset() == null ? 0 : c.getXYPlot().getDataset().getSeriesCount();
    int rows = (n + 4) / 5;
    return HEIGHT + Math.max(0, rows - 2) * 22;
  }

  /** Makes the y axis of a time chart use whole-number ticks (counts). */
  public static JFreeChart integerTicks(JFreeChart c) {
    NumberAxis y = (NumberAxis) c.getXYPlot().getRangeAxis();
    y.setStandardTickUnits(NumberAxis.createIntegerTickUnits(Locale.ROOT));
    return c;
  }

  /** PNG bytes of {@code chart} at width×height. */
  public static byte[] png(JFreeChart chart, int width, int height) {
    BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      chart.draw(g, new Rectangle(width, height));
    } finally {
      g.dispose();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(img, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /**
   * A standalone SVG document of {@code chart} at width×height (UTF-8 bytes), drawn by Apache
   * Batik's SVG generator (Apache-2.0, as the project) into a plain JDK DOM document. Output is
   * deterministic: ids come from Batik's per-document counters, coordinates carry two decimals
   * (0.01 px), and the generator's comment is left out.
   */
  public static byte[] svg(JFreeChart chart, int width, int height) {
    org.w3c.dom.Document doc;
    try {
      doc = DOCUMENTS.newDocumentBuilder().newDocument();
    } catch (javax.xml.parsers.ParserConfigurationException e) {
      throw new IllegalStateException("the JDK's XML parser cannot make a document", e);
    }
    SVGGeneratorContext ctx = SVGGeneratorContext.createDefault(doc);
    ctx.setComment(null);
    ctx.setPrecision(2);
    ctx.setEmbeddedFontsOn(false);
    ctx.setImageHandler(new PngDataUris());
    SVGGraphics2D g = new SVGGraphics2D(ctx, false);
    g.setSVGCanvasSize(new java.awt.Dimension(width, height));
    chart.draw(g, new Rectangle(width, height));
    java.io.StringWriter out = new java.io.StringWriter();
    try {
      g.stream(out, true);
    } catch (SVGGraphics2DIOException e) {
      throw new UncheckedIOException(new IOException(e.getMessage(), e));
    } finally {
      g.dispose();
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Embeds raster images (the heatmap) as {@code data:image/png;base64} URIs encoded by the JDK's
   * ImageIO: Batik's own encoder needs its codec module, which the project does not ship.
   */
  static final class PngDataUris extends org.apache.batik.svggen.ImageHandlerBase64Encoder {
    @Override
    public void encodeImage(java.awt.image.RenderedImage img, java.io.OutputStream out)
        throws org.apache.batik.svggen.SVGGraphics2DIOException {
      try {
        ImageIO.write(img, "png", out);
      } catch (IOException e) {
        throw new org.apache.batik.svggen.SVGGraphics2DIOException(e);
      }
    }
  }

  private static final javax.xml.parsers.DocumentBuilderFactory DOCUMENTS =
      javax.xml.parsers.DocumentBuilderFactory.newInstance();
}
