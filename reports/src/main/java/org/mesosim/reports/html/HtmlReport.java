package org.mesosim.reports.html;

import static org.mesosim.reports.html.Html.esc;

import java.awt.Color;
import java.math.BigDecimal;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mesosim.reports.RunSummary;
import org.mesosim.reports.chart.Palette;

/**
 * The run's {@code report.html}: one self-contained page (no network: charts are {@code data:}
 * URIs; the time charts zoom in the browser with the bundled uPlot, see {@link Interactive}), readable on a phone (viewport meta, fluid images, tables that scroll
 * sideways). Sections: run identity, cluster, the per-framework summary table
 * ({@code id="summary"}), fairness and leadership, the charts, the resolved scenario.
 */
public final class HtmlReport {
  private HtmlReport() {}

  /**
   * An image to embed: chart name, caption, MIME type and bytes; {@code zoom} the data of its
   * interactive version ({@link Interactive#spec}) or null; {@code note} when the chart was not
   * drawn, the reason, written in its place (bytes null).
   */
  public record Image(String name, String caption, String mime, byte[] bytes, String zoom, String note) {
    public Image(String name, String caption, String mime, byte[] bytes) {
      this(name, caption, mime, bytes, null, null);
    }

    /** A chart not drawn, with the reason. */
    public static Image skipped(String name, String note) {
      return new Image(name, note, null, null, null, note);
    }

    /** The {@code data:} URI of the image. */
    public String dataUri() {
      return "data:" + mime + ";base64," + Base64.getEncoder().encodeToString(bytes);
    }
  }

  /** The page for one run. */
  public static String render(RunSummary s, List<Image> charts, String resolvedYaml) {
    StringBuilder h = new StringBuilder(1 << 16);
    h.append(Html.head("mesosim: " + s.scenario() + " (" + s.allocator() + ", seed " + s.seed() + ")"));
    h.append("<h1>").append(esc(s.scenario())).append("</h1>\n");
    h.append("<p class=\"meta\">allocator <b>").append(esc(s.allocator())).append("</b> · seed <b>").append(s.seed())
        .append("</b> · simulated <b>").append(num(s.simulated().seconds())).append(" s</b> · ")
        .append(s.simulated().events()).append(" events · invariant violations ").append(s.invariantViolations())
        .append("<br>digest <code>").append(esc(s.digest())).append("</code></p>\n");

    h.append("<h2>Cluster</h2>\n<p>").append(s.cluster().agents()).append(" agents registered at the end (")
        .append(s.cluster().agentsMax()).append(" at most).</p>\n");
    h.append("<div class=\"table-wrap\"><table id=\"cluster\">\n<thead><tr><th>resource</th><th>capacity</th>"
        + "<th>utilization mean</th><th>utilization final</th></tr></thead>\n<tbody>\n");
    for (Map.Entry<String, BigDecimal> e : s.cluster().capacity().entrySet()) {
      RunSummary.MeanFinal u = s.cluster().utilization().get(e.getKey());
      h.append("<tr><td>").append(esc(e.getKey())).append("</td><td>").append(e.getValue().toPlainString())
          .append("</td><td>").append(pct(u.mean())).append("</td><td>").append(pct(u.last())).append("</td></tr>\n");
    }
    h.append("</tbody></table></div>\n");

    h.append("<h2>Frameworks</h2>\n<div class=\"table-wrap\"><table id=\"summary\">\n<thead><tr>"
        + "<th>framework</th><th>role</th><th>tasks launched</th><th>running</th><th>finished</th><th>failed</th>"
        + "<th>killed</th><th>lost</th><th>dominant share mean</th><th>final</th><th>offers received</th>"
        + "<th>declined</th><th>rescinded</th><th>jobs submitted</th><th>finished</th>"
        + "<th>completion p50 (s)</th><th>p95 (s)</th><th>p99 (s)</th><th>wait mean (s)</th><th>wait p95 (s)</th>"
        + "<th>starved (s)</th></tr></thead>\n<tbody>\n");
    int i = 0;
    for (RunSummary.FrameworkSummary f : s.frameworks()) {
      RunSummary.Tasks t = f.tasks();
      RunSummary.Jobs j = f.jobs();
      h.append("<tr><td>").append(swatch(Palette.series(i++))).append(esc(f.name())).append("</td><td>")
          .append(esc(f.role())).append("</td>");
      cells(h, t.launched(), t.running(), t.finished(), t.failed(), t.killed(), t.lost());
      h.append("<td>").append(pct(f.dominantShare().mean())).append("</td><td>").append(pct(f.dominantShare().last()))
          .append("</td>");
      cells(h, f.offers().received(), f.offers().declined(), f.offers().rescinded(), j.submitted(), j.finished());
      h.append("<td>").append(num(j.completionSeconds().p50())).append("</td><td>")
          .append(num(j.completionSeconds().p95())).append("</td><td>").append(num(j.completionSeconds().p99()))
          .append("</td><td>").append(num(j.waitSeconds().mean())).append("</td><td>")
          .append(num(j.waitSeconds().p95())).append("</td><td>").append(num(f.starvation().seconds()))
          .append("</td></tr>\n");
    }
    h.append("</tbody></table></div>\n");

    h.append("<h2>Fairness and leadership</h2>\n<div class=\"table-wrap\"><table id=\"fairness\">\n"
        + "<thead><tr><th>metric</th><th>mean</th><th>final</th></tr></thead>\n<tbody>\n");
    h.append("<tr><td>Jain's index (weighted dominant shares)</td><td>").append(num(s.fairness().jainIndex().mean()))
        .append("</td><td>").append(num(s.fairness().jainIndex().last())).append("</td></tr>\n");
    h.append("<tr><td>Jain's index, frameworks with demand</td><td>")
        .append(num(s.fairness().jainIndexActive().mean())).append("</td><td>")
        .append(num(s.fairness().jainIndexActive().last())).append("</td></tr>\n");
    h.append("<tr><td>max − min weighted dominant share</td><td>").append(num(s.fairness().maxMinGap().mean()))
        .append("</td><td>").append(num(s.fairness().maxMinGap().last())).append("</td></tr>\n");
    for (RunSummary.RoleSummary r : s.roles()) {
      h.append("<tr><td>role ").append(esc(r.role())).append(" (weight ").append(num(r.weight()))
          .append(") dominant share</td><td>").append(pct(r.dominantShare().mean())).append("</td><td>")
          .append(pct(r.dominantShare().last())).append("</td></tr>\n");
    }
    h.append("</tbody></table></div>\n<p>Leader elections: ").append(s.leadership().elections())
        .append(" (changes ").append(s.leadership().changes()).append(", losses ").append(s.leadership().losses())
        .append(", mean time to recover ").append(num(s.leadership().recoverySeconds().mean())).append(" s).");
    if (!s.leaders().isEmpty()) {
      h.append(" Leaders: ");
      int k = 0;
      for (RunSummary.Leader l : s.leaders()) {
        if (k++ > 0) {
          h.append(", ");
        }
        if (k > 20) {
          h.append("… (").append(s.leaders().size() - 20).append(" more)");
          break;
        }
        h.append(esc(l.master())).append(" at ").append(num(l.since())).append(" s");
      }
      h.append('.');
    }
    h.append("</p>\n");

    h.append("<h2>Charts</h2>\n");
    if (charts.isEmpty()) {
      h.append("<p>None drawn (report.charts is empty, e.g. with --no-charts).</p>\n");
    }
    boolean zoom = false;
    for (Image c : charts) {
      if (c.note() != null) {
        h.append("<figure id=\"chart-").append(esc(c.name())).append("\" class=\"skipped\"><p class=\"note\">")
            .append(esc(c.note())).append("</p></figure>\n");
        continue;
      }
      h.append("<figure id=\"chart-").append(esc(c.name())).append("\"><img alt=\"").append(esc(c.caption()))
          .append("\" src=\"").append(c.dataUri()).append("\"><figcaption>").append(esc(c.caption()))
          .append("</figcaption></figure>\n");
      if (c.zoom() != null) {
        h.append(Interactive.dataElement("chart-" + c.name(), c.zoom()));
        zoom = true;
      }
    }
    h.append("<h2>Resolved scenario</h2>\n<details open><summary>scenario.resolved.yaml</summary><pre>")
        .append(esc(resolvedYaml)).append("</pre></details>\n");
    h.append("<p class=\"meta\">Generated by mesosim. Definitions of every figure: docs/outputs.md in the mesosim repository.</p>\n");
    if (zoom) {
      h.append(Interactive.scripts());
    }
    h.append(Html.tail());
    return h.toString();
  }

  private static void cells(StringBuilder h, long... v) {
    for (long x : v) {
      h.append("<td>").append(x).append("</td>");
    }
  }

  static String swatch(Color c) {
    return String.format(Locale.ROOT, "<span class=\"sw\" style=\"background:#%06x\"></span>", c.getRGB() & 0xFFFFFF);
  }

  /** A number with at most 4 significant decimals, plain. */
  public static String num(double v) {
    if (!Double.isFinite(v)) {
      return "";
    }
    BigDecimal b = BigDecimal.valueOf(v);
    if (Math.abs(v) >= 1000) {
      b = b.setScale(1, java.math.RoundingMode.HALF_UP);
    } else {
      b = b.round(new java.math.MathContext(4));
    }
    b = b.stripTrailingZeros();
    return b.scale() < 0 ? b.setScale(0).toPlainString() : b.toPlainString();
  }

  /** A fraction as a percentage with one decimal. */
  public static String pct(double v) {
    return String.format(Locale.ROOT, "%.1f%%", v * 100);
  }
}
