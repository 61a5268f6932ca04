package org.mesosim.reports.html;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.mesosim.reports.chart.ChartRenderer;
import org.mesosim.reports.csv.Num;

/**
 * Zoomable time charts in the HTML pages, drawn in the browser by uPlot (MIT licence, Leon
 * Sorokin; version {@value #UPLOT_VERSION} from the npm registry, bundled in this jar under
 * {@code org/mesosim/reports/html/uplot/} with its LICENSE; NOTICE says so). The library, its CSS
 * and each chart's data are written into the page, so it stays one file with no network access.
 * The static PNG stays in the page (shown when scripts are off) and in {@code charts/}.
 */
public final class Interactive {
  private Interactive() {}

  /** The bundled uPlot release. */
  public static final String UPLOT_VERSION = "1.6.32";

  private static final String BASE = "/org/mesosim/reports/html/uplot/";

  private static String resource(String name) {
    try (InputStream in = Interactive.class.getResourceAsStream(BASE + name)) {
      if (in == null) {
        throw new IllegalStateException("uPlot is missing from the jar: " + BASE + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The chart data of one time chart as JSON: x in the chart's time unit, one array per line; the
   * lines must share their x values (a run's {@code SeriesBuffer} columns do).
   *
   * @param markers leader changes (s)
   * @param faults fault times (s)
   */
  public static String spec(String title, String yLabel, boolean percent, double yMax, List<ChartRenderer.Line> lines,
      List<Double> markers, List<Double> faults) {
    double end = 0;
    for (ChartRenderer.Line l : lines) {
      if (l.x().length > 0) {
        end = Math.max(end, l.x()[l.x().length - 1]);
      }
    }
    ChartRenderer.TimeUnit u = ChartRenderer.timeUnit(end);
    StringBuilder b = head(title, yLabel, percent, yMax, u);
    b.append(",\"series\":[");
    for (int i = 0; i < lines.size(); i++) {
      ChartRenderer.Line l = lines.get(i);
      b.append(i == 0 ? "" : ",").append("{\"label\":").append(str(l.name())).append(",\"color\":\"")
          .append(hex(l.color())).append("\",\"dash\":")
          .append(l.dashed()).append(",\"width\":").append(ChartRenderer.width(i, lines.size())).append('}');
    }
    b.append(']');
    markersAndX(b, markers, faults, u, lines.isEmpty() ? new double[0] : lines.get(0).x());
    int n = lines.isEmpty() ? 0 : lines.get(0).x().length;
    for (ChartRenderer.Line l : lines) {
      column(b, l.y(), n);
    }
    b.append("]}");
    return b.toString();
  }

  /**
   * The data of a band chart (a comparison's median over seeds with its inter-quartile range) as
   * JSON: per band its median (a line with a legend entry) and its first and third quartiles (the
   * shaded band, no legend entry), all on the bands' common time grid.
   *
   * @param xMaxSeconds the time axis' end, s (its unit follows it)
   */
  public static String bandSpec(String title, String yLabel, boolean percent, double yMax,
      List<org.mesosim.reports.chart.ComparisonCharts.Band> bands, List<Double> markers, List<Double> faults,
      double xMaxSeconds) {
    ChartRenderer.TimeUnit u = ChartRenderer.timeUnit(xMaxSeconds);
    StringBuilder b = head(title, yLabel, percent, yMax, u);
    b.append(",\"stepped\":false,\"series\":[");
    StringBuilder bandIdx = new StringBuilder();
    for (int i = 0; i < bands.size(); i++) {
      var band = bands.get(i);
      String colour = hex(band.color());
      b.append(i == 0 ? "" : ",").append("{\"label\":").append(str(band.name())).append(",\"color\":\"").append(colour)
          .append("\",\"dash\":").append(band.dashed()).append(",\"width\":")
          .append(ChartRenderer.width(i, bands.size())).append('}');
      for (String q : List.of("q25", "q75")) {
        b.append(",{\"label\":").append(str(band.name() + " " + q)).append(",\"color\":\"").append(colour)
            .append("\",\"dash\":false,\"width\":0,\"band\":true}");
      }
      // series indices in uPlot count the x values as 0: median 1 + 3i, q25 2 + 3i, q75 3 + 3i
      bandIdx.append(i == 0 ? "" : ",").append('[').append(3 + 3 * i).append(',').append(2 + 3 * i).append(",\"")
          .append(colour).append("38\"]");
    }
    b.append("],\"bands\":[").append(bandIdx).append(']');
    markersAndX(b, markers, faults, u, bands.isEmpty() ? new double[0] : bands.get(0).t());
    int n = bands.isEmpty() ? 0 : bands.get(0).t().length;
    for (var band : bands) {
      for (double[] col : List.of(band.median(), band.q25(), band.q75())) {
        column(b, col, n);
      }
    }
    b.append("]}");
    return b.toString();
  }

  /** The spec's opening fields: title, axis labels, percent flag and the y axis' top. */
  private static StringBuilder head(String title, String yLabel, boolean percent, double yMax,
      ChartRenderer.TimeUnit u) {
    StringBuilder b = new StringBuilder(4096);
    b.append("{\"title\":").append(str(title)).append(",\"x\":").append(str("Simulated time (" + u.label() + ")"))
        .append(",\"y\":").append(str(yLabel)).append(",\"percent\":").append(percent);
    yMax(b, yMax);
    return b;
  }

  /** {@code ,"markers":[..],"faults":[..],"data":[[x..]}: the data array is left open for the y columns. */
  private static void markersAndX(StringBuilder b, List<Double> markers, List<Double> faults,
      ChartRenderer.TimeUnit u, double[] x) {
    b.append(",\"markers\":");
    times(b, markers, u.seconds());
    b.append(",\"faults\":");
    times(b, faults, u.seconds());
    b.append(",\"data\":[[");
    for (int i = 0; i < x.length; i++) {
      if (i > 0) {
        b.append(',');
      }
      Num.append(b, x[i] / u.seconds());
    }
    b.append(']');
  }

  /** {@code ,[y..]} over {@code n} x values: a missing or non-finite value is {@code null} (a gap). */
  private static void column(StringBuilder b, double[] y, int n) {
    b.append(",[");
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        b.append(',');
      }
      double v = i < y.length ? y[i] : Double.NaN;
      if (Double.isFinite(v)) {
        Num.append(b, v);
      } else {
        b.append("null");
      }
    }
    b.append(']');
  }

  private static String hex(java.awt.Color c) {
    return String.format(Locale.ROOT, "#%06x", c.getRGB() & 0xFFFFFF);
  }

  /** A fixed top of the y axis (from 0), or none (NaN: uPlot fits the data). */
  private static void yMax(StringBuilder b, double yMax) {
    if (Double.isFinite(yMax)) {
      b.append(",\"yMax\":");
      Num.append(b, yMax);
    }
  }

  private static void times(StringBuilder b, List<Double> ts, double unit) {
    b.append('[');
    int n = Math.min(ts.size(), 50);
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        b.append(',');
      }
      Num.append(b, ts.get(i) / unit);
    }
    b.append(']');
  }

  /** A JSON string literal (the text is also safe inside a script element: no {@code </}). */
  static String str(String s) {
    StringBuilder b = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        b.append('\\').append(c);
      } else if (c < 0x20 || c == '<' || c == '>' || c == '&') {
        b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.append('"').toString();
  }

  /** The data element of the chart in figure {@code figureId}. */
  public static String dataElement(String figureId, String json) {
    return "<script type=\"application/json\" class=\"zoom-data\" data-fig=\"" + Html.esc(figureId) + "\">"
        + json.replace("</", "<\\/") + "</script>\n";
  }

  /**
   * uPlot, its CSS and the script that turns each figure holding a {@link #dataElement} into a
   * zoomable chart (drag across to zoom into a time range, double-click to zoom out). To be
   * written once, at the end of the body.
   */
  public static String scripts() {
    return "<style>\n" + resource("uPlot.min.css") + "\n.zoom{width:100%;margin:.3rem 0}"
        + ".zoom .u-legend{font-size:.8rem;text-align:left;min-width:0}.zoom .u-title{font-size:1rem}"
        + ".zoom .u-legend th,.zoom .u-legend td{border:0;background:none;padding:.1rem .3rem;white-space:normal;"
        + "position:static;text-align:left}.zoom .u-legend tr:nth-child(even) td{background:none}"
        + ".zoom-hint{font-size:.8rem;color:#666;margin:.2rem 0}</style>\n"
        + "<script>\n" + resource("uPlot.iife.min.js").replace("</script", "<\\/script") + "\n</script>\n"
        + "<script>\n" + INIT + "</script>\n";
  }

  private static final String INIT = """
      (function () {
        if (typeof uPlot === 'undefined') { return; }
        var els = document.querySelectorAll('script.zoom-data');
        Array.prototype.forEach.call(els, function (el) {
          var s = JSON.parse(el.textContent);
          var fig = document.getElementById(el.getAttribute('data-fig'));
          if (!fig) { return; }
          var box = document.createElement('div');
          box.className = 'zoom';
          var hint = document.createElement('p');
          hint.className = 'zoom-hint';
          hint.textContent = 'Drag across the chart to zoom into a time range; double-click to zoom out.'
              + ' The static chart is in charts/ as PNG and SVG.';
          var img = fig.querySelector('img');
          fig.insertBefore(box, img);
          fig.insertBefore(hint, img);
          img.style.display = 'none';
          var pct = function (v) { return v == null ? '' : (Math.round(v * 1000) / 10) + '%'; };
          var num = function (v) { return v == null ? '' : String(Math.round(v * 10000) / 10000); };
          var series = [{ label: s.x, value: function (u, v) { return v == null ? '' : num(v); } }];
          s.series.forEach(function (l) {
            series.push({ label: l.label, stroke: l.color, width: l.width, dash: l.dash ? [8, 5] : undefined,
              paths: s.stepped === false ? undefined : uPlot.paths.stepped({ align: 1 }), points: { show: false },
              value: function (u, v) { return s.percent ? pct(v) : num(v); } });
          });
          var bands = (s.bands || []).map(function (b) { return { series: [b[0], b[1]], fill: b[2] }; });
          var marks = function (u) {
            var ctx = u.ctx;
            var draw = function (ts, colour, dash) {
              ctx.save();
              ctx.strokeStyle = colour;
              ctx.lineWidth = 1.5 * devicePixelRatio;
              ctx.setLineDash(dash);
              ts.forEach(function (t) {
                var x = Math.round(u.valToPos(t, 'x', true));
                if (x < u.bbox.left || x > u.bbox.left + u.bbox.width) { return; }
                ctx.beginPath();
                ctx.moveTo(x, u.bbox.top);
                ctx.lineTo(x, u.bbox.top + u.bbox.height);
                ctx.stroke();
              });
              ctx.restore();
            };
            draw(s.markers, '#b00020', [4, 4]);
            draw(s.faults, '#e07000', [2, 4]);
          };
          var width = function () { return Math.max(260, box.clientWidth); };
          var height = function () { return Math.max(220, Math.min(380, Math.round(width() * 0.45))); };
          var opts = {
            title: s.title, width: width(), height: height(), series: series,
            scales: s.yMax ? { x: { time: false }, y: { range: [0, s.yMax] } } : { x: { time: false } },
            axes: [{ label: s.x }, { label: s.y, size: 64,
              values: function (u, vals) { return vals.map(function (v) { return s.percent ? pct(v) : num(v); }); } }],
            cursor: { drag: { x: true, y: false } },
            hooks: { draw: [marks] }
          };
          if (bands.length > 0) { opts.bands = bands; }
          var u = new uPlot(opts, s.data, box);
          // the quartiles make the shaded band: no legend entry of their own
          var rows = u.root.querySelectorAll('.u-legend .u-series');
          s.series.forEach(function (l, i) { if (l.band && rows[i + 1]) { rows[i + 1].style.display = 'none'; } });
          fig.setAttribute('data-zoom', 'ready');
          window.addEventListener('resize', function () { u.setSize({ width: width(), height: height() }); });
        });
      })();
      """;
}
