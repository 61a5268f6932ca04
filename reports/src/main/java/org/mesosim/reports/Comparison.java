package org.mesosim.reports;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.jfree.chart.JFreeChart;
import org.mesosim.reports.chart.ChartRenderer;
import org.mesosim.reports.chart.Palette;
import org.mesosim.reports.chart.SeriesBuffer;
import org.mesosim.reports.compare.ConfidenceInterval;
import org.mesosim.reports.compare.RunSeries;
import org.mesosim.reports.csv.Num;
import org.mesosim.reports.html.Html;
import org.mesosim.reports.html.HtmlReport;

/**
 * The results of {@code compare} and {@code sweep}: several runs of one scenario under different
 * policies (or override sets) and seeds. Writes into {@code dir}:
 * <ul>
 *   <li>{@code comparison.csv}: a {@code kind} column ({@code run}, {@code mean}, {@code ci95}),
 *       {@code policy}, {@code seed} (empty on aggregate rows), {@code n} (seeds), {@code digest},
 *       then one column per {@link #metricKeys metric}. {@code ci95} rows hold the half-width of
 *       the 95% Student-t interval over seeds (empty with one seed).
 *   <li>{@code comparison.json}: the same as {@code metrics}, {@code runs} and {@code policies}
 *       (per metric mean, sd, ci95 half-width, low, high).
 *   <li>{@code charts/}: {@code shares-<policy>} (dominant share timelines of the policy's first
 *       run, same axes for every policy), {@code completion} (completion-time CDFs of every
 *       policy, all its seeds pooled, log axis), {@code utilization} and {@code fairness} (the
 *       first run of each policy over time), each as PNG and SVG.
 *   <li>{@code comparison.html}: one self-contained page with the tables and charts.
 * </ul>
 * Groups keep the order in which they first appear in {@code runs}.
 */
public final class Comparison {
  // The charts write() leaves in charts/ (.png and .svg), named once for it and removeOutputs().
  private static final String SHARES_CHART = "shares-"; // + the policy
  private static final String COMPLETION_CHART = "completion";
  private static final String UTILIZATION_CHART = "utilization";
  private static final String FAIRNESS_CHART = "fairness";

  private Comparison() {}

  /** A metric of a run. */
  private record Metric(String key, String label, ToDoubleFunction<RunSummary> f) {}

  private static List<Metric> metrics(List<RunSummary> runs) {
    List<Metric> m = new ArrayList<>();
    m.add(new Metric("jain_mean", "Jain's index (mean)", s -> s.fairness().jainIndex().mean()));
    m.add(new Metric("jain_final", "Jain's index (final)", s -> s.fairness().jainIndex().last()));
    m.add(new Metric("jain_active_mean", "Jain's index, frameworks with demand (mean)",
        s -> s.fairness().jainIndexActive().mean()));
    m.add(new Metric("gap_mean", "max−min weighted share (mean)", s -> s.fairness().maxMinGap().mean()));
    List<String> res = runs.isEmpty() ? List.of() : new ArrayList<>(runs.get(0).cluster().utilization().keySet());
    for (String r : res) {
      m.add(new Metric("util_" + r + "_mean", "utilization " + r + " (mean)", s -> {
        RunSummary.MeanFinal u = s.cluster().utilization().get(r);
        return u == null ? Double.NaN : u.mean();
      }));
    }
    m.add(new Metric("completion_mean_s", "completion mean (s)", s -> s.jobs().completionSeconds().mean()));
    m.add(new Metric("completion_p50_s", "completion p50 (s)", s -> s.jobs().completionSeconds().p50()));
    m.add(new Metric("completion_p95_s", "completion p95 (s)", s -> s.jobs().completionSeconds().p95()));
    m.add(new Metric("completion_p99_s", "completion p99 (s)", s -> s.jobs().completionSeconds().p99()));
    m.add(new Metric("wait_mean_s", "wait mean (s)", s -> s.jobs().waitSeconds().mean()));
    m.add(new Metric("wait_p95_s", "wait p95 (s)", s -> s.jobs().waitSeconds().p95()));
    m.add(new Metric("slowdown_mean", "bounded slowdown (mean)", s -> s.jobs().slowdown().mean()));
    m.add(new Metric("jobs_submitted", "jobs submitted", s -> s.jobs().submitted()));
    m.add(new Metric("jobs_finished", "jobs finished", s -> s.jobs().finished()));
    m.add(new Metric("tasks_launched", "tasks launched", s -> sum(s, f -> f.tasks().launched())));
    m.add(new Metric("tasks_lost", "tasks lost", s -> sum(s, f -> f.tasks().lost())));
    m.add(new Metric("offers_declined", "offers declined", s -> sum(s, f -> f.offers().declined())));
    m.add(new Metric("starved_s", "starved (s, all frameworks)", s -> sum(s, f -> f.starvation().seconds())));
    m.add(new Metric("leader_changes", "leader changes", s -> s.leadership().changes()));
    m.add(new Metric("simulated_s", "simulated (s)", s -> s.simulated().seconds()));
    return m;
  }

  private static double sum(RunSummary s, ToDoubleFunction<RunSummary.FrameworkSummary> f) {
    double t = 0;
    for (RunSummary.FrameworkSummary x : s.frameworks()) {
      t += f.applyAsDouble(x);
    }
    return t;
  }

  /** The metric columns of comparison.csv for these runs. */
  public static List<String> metricKeys(List<RunSummary> runs) {
    List<String> k = new ArrayList<>();
    for (Metric m : metrics(runs)) {
      k.add(m.key());
    }
    return k;
  }

  /**
   * A run's headline figures, keyed as the metric columns of {@code comparison.csv} (for
   * {@code sweep.csv} and progress output), in column order.
   */
  public static Map<String, Double> headline(RunSummary s) {
    Map<String, Double> out = new LinkedHashMap<>();
    for (Metric m : metrics(List.of(s))) {
      out.put(m.key(), m.f().applyAsDouble(s));
    }
    return out;
  }

  /**
   * Removes what {@link #write} leaves in {@code dir} (comparison.csv/json/html and its charts,
   * {@code shares-*} of any policy included), so that a comparison that is not written this time
   * leaves none from an earlier one that could pass for its own. Other files are kept.
   */
  public static void removeOutputs(Path dir) throws IOException {
    for (String f : List.of("comparison.csv", "comparison.json", "comparison.html")) {
      Files.deleteIfExists(dir.resolve(f));
    }
    Path cd = dir.resolve("charts");
    if (!Files.isDirectory(cd)) {
      return;
    }
    List<Path> stale = new ArrayList<>();
    try (var files = Files.list(cd)) {
      files.filter(f -> {
        String n = f.getFileName().toString();
        String base = n.endsWith(".png") || n.endsWith(".svg") ? n.substring(0, n.length() - 4) : null;
        return base != null && (base.startsWith(SHARES_CHART) || List.of(COMPLETION_CHART, UTILIZATION_CHART, FAIRNESS_CHART)
            .contains(base));
      }).forEach(stale::add);
    }
    for (Path f : stale) {
      Files.deleteIfExists(f);
    }
  }

  /** Groups runs by allocator. */
  public static void write(Path dir, List<RunSummary> runs, List<Path> runDirs) throws IOException {
    List<String> labels = new ArrayList<>();
    for (RunSummary r : runs) {
      labels.add(r.allocator());
    }
    write(dir, runs, runDirs, labels);
  }

  /**
   * Groups runs by {@code labels} (e.g. a sweep's override set), one label per run.
   *
   * @param dir output directory
   * @param runs the runs' summaries
   * @param runDirs the runs' directories (for their CSV files and reports), same order
   * @param labels group label per run
   */
  public static void write(Path dir, List<RunSummary> runs, List<Path> runDirs, List<String> labels)
      throws IOException {
    write(dir, runs, runDirs, labels, true);
  }

  /** {@link #write(Path, List, List, List)}; without {@code charts/} (and its images in the page) unless {@code charts}. */
  public static void write(Path dir, List<RunSummary> runs, List<Path> runDirs, List<String> labels, boolean charts)
      throws IOException {
    if (runs.size() != runDirs.size() || runs.size() != labels.size()) {
      throw new IllegalArgumentException("runs, runDirs and labels must have the same length");
    }
    Files.createDirectories(dir);
    List<Metric> metrics = metrics(runs);
    Map<String, List<Integer>> groups = new LinkedHashMap<>();
    for (int i = 0; i < runs.size(); i++) {
      groups.computeIfAbsent(labels.get(i), k -> new ArrayList<>()).add(i);
    }
    double[][] values = new double[runs.size()][metrics.size()];
    for (int i = 0; i < runs.size(); i++) {
      for (int m = 0; m < metrics.size(); m++) {
        values[i][m] = metrics.get(m).f().applyAsDouble(runs.get(i));
      }
    }
    Map<String, ConfidenceInterval[]> cis = new LinkedHashMap<>();
    for (Map.Entry<String, List<Integer>> g : groups.entrySet()) {
      ConfidenceInterval[] c = new ConfidenceInterval[metrics.size()];
      for (int m = 0; m < metrics.size(); m++) {
        double[] v = new double[g.getValue().size()];
        for (int k = 0; k < v.length; k++) {
          v[k] = values[g.getValue().get(k)][m];
        }
        c[m] = ConfidenceInterval.of(v);
      }
      cis.put(g.getKey(), c);
    }

    // comparison.csv
    StringBuilder csv = new StringBuilder();
    csv.append("kind,policy,seed,n,digest");
    for (Metric m : metrics) {
      csv.append(',').append(m.key());
    }
    csv.append('\n');
    for (int i = 0; i < runs.size(); i++) {
      csv.append("run,").append(Num.csv(labels.get(i))).append(',').append(runs.get(i).seed()).append(",1,")
          .append(Num.csv(runs.get(i).digest()));
      for (double v : values[i]) {
        csv.append(',');
        Num.append(csv, v);
      }
      csv.append('\n');
    }
    for (Map.Entry<String, ConfidenceInterval[]> e : cis.entrySet()) {
      int n = groups.get(e.getKey()).size();
      for (String kind : List.of("mean", "ci95")) {
        csv.append(kind).append(',').append(Num.csv(e.getKey())).append(",,").append(n).append(',');
        for (ConfidenceInterval c : e.getValue()) {
          csv.append(',');
          Num.append(csv, kind.equals("mean") ? c.mean() : c.halfWidth());
        }
        csv.append('\n');
      }
    }
    AtomicFiles.write(dir.resolve("comparison.csv"), csv.toString());

    // comparison.json
    JsonNodeFactory jf = JsonNodeFactory.instance;
    ObjectNode root = jf.objectNode();
    ArrayNode mk = root.putArray("metrics");
    metrics.forEach(m -> mk.add(m.key()));
    ArrayNode rs = root.putArray("runs");
    for (int i = 0; i < runs.size(); i++) {
      ObjectNode r = rs.addObject();
      r.put("policy", labels.get(i));
      r.put("allocator", runs.get(i).allocator());
      r.put("seed", runs.get(i).seed());
      r.put("digest", runs.get(i).digest());
      r.put("dir", dir.toAbsolutePath().normalize().relativize(runDirs.get(i).toAbsolutePath().normalize())
          .toString().replace('\\', '/'));
      ObjectNode v = r.putObject("values");
      for (int m = 0; m < metrics.size(); m++) {
        num(v, metrics.get(m).key(), values[i][m]);
      }
    }
    ArrayNode ps = root.putArray("policies");
    for (Map.Entry<String, ConfidenceInterval[]> e : cis.entrySet()) {
      ObjectNode p = ps.addObject();
      p.put("policy", e.getKey());
      p.put("n", groups.get(e.getKey()).size());
      ObjectNode mm = p.putObject("metrics");
      for (int m = 0; m < metrics.size(); m++) {
        ConfidenceInterval c = e.getValue()[m];
        ObjectNode o = mm.putObject(metrics.get(m).key());
        num(o, "mean", c.mean());
        num(o, "sd", c.sd());
        num(o, "ci95", c.halfWidth());
        num(o, "low", c.low());
        num(o, "high", c.high());
      }
    }
    SummaryJson.write(root, dir.resolve("comparison.json"));

    // charts
    List<HtmlReport.Image> images = charts ? charts(dir, runs, runDirs, groups) : List.of();

    // comparison.html
    AtomicFiles.write(dir.resolve("comparison.html"), html(runs, runDirs, labels, dir, metrics, values, cis, groups,
        images));
  }

  private static void num(ObjectNode o, String k, double v) {
    if (Double.isFinite(v)) {
      o.put(k, v);
    } else {
      o.putNull(k);
    }
  }

  private static List<HtmlReport.Image> charts(Path dir, List<RunSummary> runs, List<Path> runDirs,
      Map<String, List<Integer>> groups) throws IOException {
    Path cd = dir.resolve("charts");
    Files.createDirectories(cd);
    List<HtmlReport.Image> images = new ArrayList<>();
    List<String> res = runs.isEmpty() ? List.of() : new ArrayList<>(runs.get(0).cluster().utilization().keySet());
    List<ChartRenderer.Line> utilLines = new ArrayList<>();
    List<ChartRenderer.Line> jainLines = new ArrayList<>();
    List<ChartRenderer.Line> cdfLines = new ArrayList<>();
    double xMax = 0;
    for (List<Integer> g : groups.values()) {
      xMax = Math.max(xMax, runs.get(g.get(0)).simulated().seconds());
    }
    int gi = 0;
    for (Map.Entry<String, List<Integer>> g : groups.entrySet()) {
      String policy = g.getKey();
      int first = g.getValue().get(0);
      RunSummary s = runs.get(first);
      List<String> fwNames = new ArrayList<>();
      s.frameworks().forEach(f -> fwNames.add(f.name()));
      List<String> cols = new ArrayList<>(RunSeries.prefixed("share_", fwNames));
      cols.addAll(RunSeries.prefixed("util_", res));
      cols.add("jain");
      SeriesBuffer b = RunSeries.timeseries(runDirs.get(first), cols);
      if (b != null) {
        double[] t = b.times();
        List<ChartRenderer.Line> shareLines = new ArrayList<>();
        for (int f = 0; f < fwNames.size(); f++) {
          shareLines.add(new ChartRenderer.Line(fwNames.get(f), t, b.column("share_" + fwNames.get(f)),
              Palette.series(f), Palette.dashed(f)));
        }
        images.add(save(cd, SHARES_CHART + safe(policy), ChartRenderer.timeChart("Dominant share: " + policy
            + " (seed " + s.seed() + ")", "Dominant share (%)", shareLines, 1.05, true, xMax > 0 ? xMax : Double.NaN),
            "Dominant share per framework under " + policy + " (seed " + s.seed() + ")."));
        for (int r = 0; r < res.size(); r++) {
          utilLines.add(new ChartRenderer.Line(policy + " · " + res.get(r), t, b.column("util_" + res.get(r)),
              Palette.series(gi), r > 0));
        }
        jainLines.add(new ChartRenderer.Line(policy, t, b.column("jain"), Palette.series(gi), false));
      }
      Quantiles q = new Quantiles();
      for (int i : g.getValue()) {
        RunSeries.completions(runDirs.get(i), q);
      }
      double[][] cdf = q.cdf(2000);
      if (cdf[0].length > 0) {
        cdfLines.add(new ChartRenderer.Line(policy + " (n=" + q.count() + ")", cdf[0], cdf[1], Palette.series(gi),
            false));
      }
      gi++;
    }
    images.add(save(cd, COMPLETION_CHART, ChartRenderer.cdfChart("Job completion time CDF by policy",
        "Completion time, submit to end (s, log scale)", cdfLines),
        "Completion-time CDFs of finished jobs, every seed of a policy pooled."));
    images.add(save(cd, UTILIZATION_CHART, ChartRenderer.timeChart("Utilization by policy (first seed)",
        "Allocated / capacity (%)", utilLines, 1.05, true),
        "Utilization over time per policy (solid: " + (res.isEmpty() ? "" : res.get(0)) + ", dashed: other resources)."));
    images.add(save(cd, FAIRNESS_CHART, ChartRenderer.timeChart("Jain's index by policy (first seed)",
        "Jain's index (0–1)", jainLines, 1.05, false), "Jain's index over weighted dominant shares per policy."));
    return images;
  }

  private static String safe(String s) {
    return s.replaceAll("[^A-Za-z0-9._-]", "_");
  }

  private static HtmlReport.Image save(Path cd, String name, JFreeChart c, String caption) throws IOException {
    byte[] png = ChartRenderer.png(c, ChartRenderer.WIDTH, ChartRenderer.heightFor(c));
    AtomicFiles.write(cd.resolve(name + ".png"), png);
    AtomicFiles.write(cd.resolve(name + ".svg"), ChartRenderer.svg(c, ChartRenderer.WIDTH, ChartRenderer.heightFor(c)));
    return new HtmlReport.Image(name, caption, "image/png", png);
  }

  private static String html(List<RunSummary> runs, List<Path> runDirs, List<String> labels, Path dir,
      List<Metric> metrics, double[][] values, Map<String, ConfidenceInterval[]> cis,
      Map<String, List<Integer>> groups, List<HtmlReport.Image> images) {
    String scenario = runs.isEmpty() ? "" : runs.get(0).scenario();
    StringBuilder h = new StringBuilder(1 << 16);
    h.append(Html.head("mesosim comparison: " + scenario));
    h.append("<h1>Comparison: ").append(Html.esc(scenario)).append("</h1>\n<p class=\"meta\">")
        .append(groups.size()).append(" policies × seeds, ").append(runs.size())
        .append(" runs. Means over seeds with 95% Student-t confidence intervals (± half-width).</p>\n");
    h.append("<h2>Means over seeds</h2>\n<div class=\"table-wrap\"><table id=\"means\">\n<thead><tr><th>metric</th>");
    for (String g : groups.keySet()) {
      h.append("<th>").append(Html.esc(g)).append(" (n=").append(groups.get(g).size()).append(")</th>");
    }
    h.append("</tr></thead>\n<tbody>\n");
    for (int m = 0; m < metrics.size(); m++) {
      h.append("<tr><td>").append(Html.esc(metrics.get(m).label())).append("</td>");
      for (ConfidenceInterval[] c : cis.values()) {
        h.append("<td>").append(HtmlReport.num(c[m].mean()));
        if (Double.isFinite(c[m].halfWidth())) {
          h.append(" ± ").append(HtmlReport.num(c[m].halfWidth()));
        }
        h.append("</td>");
      }
      h.append("</tr>\n");
    }
    h.append("</tbody></table></div>\n");
    h.append("<h2>Charts</h2>\n");
    if (images.isEmpty()) {
      h.append("<p>None drawn (--no-charts).</p>\n");
    }
    h.append("<div class=\"grid\">\n");
    for (HtmlReport.Image im : images) {
      if (im.name().startsWith(SHARES_CHART)) {
        figure(h, im);
      }
    }
    h.append("</div>\n");
    for (HtmlReport.Image im : images) {
      if (!im.name().startsWith(SHARES_CHART)) {
        figure(h, im);
      }
    }
    h.append("<h2>Runs</h2>\n<div class=\"table-wrap\"><table id=\"runs\">\n<thead><tr><th>policy</th><th>seed</th>"
        + "<th>report</th>");
    for (Metric m : metrics) {
      h.append("<th>").append(Html.esc(m.label())).append("</th>");
    }
    h.append("</tr></thead>\n<tbody>\n");
    for (int i = 0; i < runs.size(); i++) {
      String rel = dir.toAbsolutePath().normalize().relativize(runDirs.get(i).toAbsolutePath().normalize()
          .resolve("report.html")).toString().replace('\\', '/');
      h.append("<tr><td>").append(Html.esc(labels.get(i))).append("</td><td>").append(runs.get(i).seed())
          .append("</td><td><a href=\"").append(Html.esc(rel)).append("\">report</a></td>");
      for (double v : values[i]) {
        h.append("<td>").append(HtmlReport.num(v)).append("</td>");
      }
      h.append("</tr>\n");
    }
    h.append("</tbody></table></div>\n");
    h.append(Html.tail());
    return h.toString();
  }

  private static void figure(StringBuilder h, HtmlReport.Image im) {
    h.append("<figure id=\"chart-").append(Html.esc(im.name())).append("\"><img alt=\"").append(Html.esc(im.caption()))
        .append("\" src=\"").append(im.dataUri()).append("\"><figcaption>").append(Html.esc(im.caption()))
        .append("</figcaption></figure>\n");
  }
}
