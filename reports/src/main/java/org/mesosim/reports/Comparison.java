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
import org.mesosim.reports.chart.ComparisonCharts;
import org.mesosim.reports.chart.Palette;
import org.mesosim.reports.chart.SeriesBuffer;
import org.mesosim.reports.compare.ComparisonResult;
import org.mesosim.reports.compare.ComparisonStats;
import org.mesosim.reports.compare.ConfidenceInterval;
import org.mesosim.reports.compare.MetricDef;
import org.mesosim.reports.compare.Stats;
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
  private static final String WAIT_CHART = "wait";
  private static final String OFFERS_CHART = "offers";
  private static final String ROLESHARES_CHART = "roleshares-"; // + the policy
  /** One row per run and metric (long form). */
  public static final String RUNS_CSV = "comparison_runs.csv";
  /** One row per group and metric: mean, interval, paired difference with the baseline, tests. */
  public static final String SUMMARY_CSV = "comparison_summary.csv";

  private Comparison() {}

  /** A metric of a run: the columns of comparison.csv (the whole cluster). */
  private record Metric(String key, String label, ToDoubleFunction<RunSummary> f) {}

  private static List<Metric> metrics(List<RunSummary> runs) {
    List<Metric> m = new ArrayList<>();
    for (MetricDef d : ComparisonStats.clusterMetrics(runs)) {
      m.add(new Metric(d.key(), d.label(), r -> d.f().applyAsDouble(new ComparisonStats.RunData(r, null))));
    }
    return m;
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
    List<Path> stale = new ArrayList<>();
    for (Path d : List.of(dir, dir.resolve("charts"))) {
      if (Files.isDirectory(d)) {
        try (var files = Files.list(d)) {
          files.filter(f -> isOutput(dir.relativize(f).toString().replace('\\', '/'))).forEach(stale::add);
        }
      }
    }
    for (Path f : stale) {
      Files.deleteIfExists(f);
    }
  }

  /**
   * Whether {@code path} (relative to a comparison's folder, with {@code /}) is a file that
   * {@link #write} writes, of this comparison or an earlier one: what {@link #removeOutputs} removes
   * (also on a file system {@code java.nio} does not reach, such as HDFS).
   */
  public static boolean isOutput(String path) {
    if (List.of("comparison.csv", RUNS_CSV, SUMMARY_CSV, "comparison.json", "comparison.html").contains(path)) {
      return true;
    }
    if (!path.startsWith("charts/") || path.indexOf('/', "charts/".length()) >= 0) {
      return false;
    }
    String n = path.substring("charts/".length());
    String base = n.endsWith(".png") || n.endsWith(".svg") ? n.substring(0, n.length() - 4) : null;
    return base != null && (base.startsWith(SHARES_CHART) || base.startsWith(ROLESHARES_CHART)
        || base.startsWith(ComparisonCharts.DIMENSION_CHART)
        || List.of(COMPLETION_CHART, UTILIZATION_CHART, FAIRNESS_CHART, WAIT_CHART, OFFERS_CHART).contains(base));
  }

  /** Groups runs by allocator. */
  public static ComparisonResult write(Path dir, List<RunSummary> runs, List<Path> runDirs) throws IOException {
    List<String> labels = new ArrayList<>();
    for (RunSummary r : runs) {
      labels.add(r.allocator());
    }
    return write(dir, runs, runDirs, labels);
  }

  /**
   * Groups runs by {@code labels} (e.g. a sweep's override set), one label per run; groups are
   * called {@code policy} in the files.
   *
   * @param dir output directory
   * @param runs the runs' summaries
   * @param runDirs the runs' directories (for their CSV files and reports), same order
   * @param labels group label per run
   * @return the statistics (for the terminal table)
   */
  public static ComparisonResult write(Path dir, List<RunSummary> runs, List<Path> runDirs, List<String> labels)
      throws IOException {
    return write(dir, runs, runDirs, labels, "policy", Map.of(), true);
  }

  /**
   * As {@link #write(Path, List, List, List)}, groups called {@code groupColumn}; {@code dimensions}
   * (a sweep's grid: group label → grid key → value, keys in grid order) adds a chart per grid key
   * with more than one value: the headline metrics' means and intervals along that key. Without
   * {@code charts/} (and its images in the page) unless {@code charts} ({@code --no-charts}).
   */
  public static ComparisonResult write(Path dir, List<RunSummary> runs, List<Path> runDirs, List<String> labels,
      String groupColumn, Map<String, Map<String, String>> dimensions, boolean charts) throws IOException {
    if (runs.size() != runDirs.size() || runs.size() != labels.size()) {
      throw new IllegalArgumentException("runs, runDirs and labels must have the same length");
    }
    if (runs.isEmpty()) {
      throw new IllegalArgumentException("no runs to compare");
    }
    Files.createDirectories(dir);
    ComparisonResult result = new ComparisonResult(runs, runDirs, labels, groupColumn);
    List<Metric> metrics = metrics(runs);
    Map<String, List<Integer>> groups = result.groups();
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

    // comparison.csv (kept as documented before comparison_runs.csv and comparison_summary.csv)
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
    AtomicFiles.write(dir.resolve(RUNS_CSV), result.runsCsv());
    AtomicFiles.write(dir.resolve(SUMMARY_CSV), result.summaryCsv());

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
    result.toJson(root);
    SummaryJson.write(root, dir.resolve("comparison.json"));

    // charts
    List<HtmlReport.Image> images = new ArrayList<>();
    if (charts) {
      images.addAll(charts(dir, runs, runDirs, groups, groupColumn));
      images.addAll(ComparisonCharts.dimensionCharts(dir.resolve("charts"), result, dimensions));
    }

    // comparison.html
    AtomicFiles.write(dir.resolve("comparison.html"), html(runs, runDirs, labels, dir, metrics, values, cis, groups,
        images, result, groupColumn));
    return result;
  }

  private static void num(ObjectNode o, String k, double v) {
    if (Double.isFinite(v)) {
      o.put(k, v);
    } else {
      o.putNull(k);
    }
  }

  /** Frameworks drawn on their own in a shares chart; the rest are summed as "others". */
  public static final int TOP_FRAMEWORKS = 8;

  private static List<HtmlReport.Image> charts(Path dir, List<RunSummary> runs, List<Path> runDirs,
      Map<String, List<Integer>> groups, String groupColumn) throws IOException {
    Path cd = dir.resolve("charts");
    Files.createDirectories(cd);
    List<HtmlReport.Image> images = new ArrayList<>();
    List<String> res = runs.isEmpty() ? List.of() : new ArrayList<>(runs.get(0).cluster().utilization().keySet());
    List<ComparisonCharts.Band> utilBands = new ArrayList<>();
    List<ComparisonCharts.Band> jainBands = new ArrayList<>();
    List<ChartRenderer.Line> cdfLines = new ArrayList<>();
    List<ChartRenderer.Line> waitLines = new ArrayList<>();
    List<ChartRenderer.Line> offerLines = new ArrayList<>();
    double xMax = 0;
    for (RunSummary r : runs) {
      xMax = Math.max(xMax, r.simulated().seconds());
    }
    List<Double> leaderChanges = leaderChanges(runs);
    String markerLabel = leaderChanges.isEmpty() ? null : "leader change";
    List<Double> faults = faultTimes(runs);
    ChartRenderer.TimeUnit unit = ChartRenderer.timeUnit(xMax);
    int gi = 0;
    for (Map.Entry<String, List<Integer>> g : groups.entrySet()) {
      String policy = g.getKey();
      int first = g.getValue().get(0);
      RunSummary s = runs.get(first);
      List<String> fwNames = new ArrayList<>();
      s.frameworks().forEach(f -> fwNames.add(f.name()));
      List<String> roles = new ArrayList<>();
      s.frameworks().forEach(f -> {
        if (!roles.contains(f.role())) {
          roles.add(f.role());
        }
      });
      List<String> levelCols = new ArrayList<>(RunSeries.prefixed("util_", res));
      levelCols.add("jain");
      levelCols.addAll(RunSeries.prefixed("roleshare_", roles));
      // every seed's levels, for the median and inter-quartile range over seeds
      List<double[]> times = new ArrayList<>();
      List<SeriesBuffer> bufs = new ArrayList<>();
      for (int i : g.getValue()) {
        SeriesBuffer b = RunSeries.timeseries(runDirs.get(i), levelCols);
        if (b != null) {
          times.add(b.times());
          bufs.add(b);
        }
      }
      String n = " (" + bufs.size() + " seed" + (bufs.size() == 1 ? "" : "s") + ")";
      if (!bufs.isEmpty()) {
        for (int r = 0; r < res.size(); r++) {
          utilBands.add(band(policy + " · " + res.get(r) + n, "util_" + res.get(r), times, bufs, xMax,
              Palette.series(gi), r > 0));
        }
        jainBands.add(band(policy + n, "jain", times, bufs, xMax, Palette.series(gi), false));
        if (roles.size() >= 2) {
          List<ComparisonCharts.Band> rb = new ArrayList<>();
          for (int r = 0; r < roles.size(); r++) {
            rb.add(band(roles.get(r), "roleshare_" + roles.get(r), times, bufs, xMax, Palette.series(r),
                Palette.dashed(r)));
          }
          images.add(zoom(save(cd, ROLESHARES_CHART + safe(policy), faultMarks(ComparisonCharts.bandChart("Role shares: "
              + policy + n, "Dominant share of the role (%)", rb, true, 1.05, leaderChanges, markerLabel, xMax), faults,
              unit),
              "Dominant share per role under " + policy + ": median over seeds (line) and inter-quartile range"
                  + " (band)."), "Role shares: " + policy + n, "Dominant share of the role (%)", true, rb,
              leaderChanges, faults, xMax));
        }
      }
      // the first seed's frameworks: the largest by mean share, the rest summed
      List<String> cols = new ArrayList<>(RunSeries.prefixed("share_", fwNames));
      SeriesBuffer b = RunSeries.timeseries(runDirs.get(first), cols);
      if (b != null) {
        images.add(save(cd, SHARES_CHART + safe(policy), faultMarks(sharesChart(policy, s, fwNames, b, xMax,
            leaderChanges, markerLabel, unit), faults, unit), "Dominant share per framework under " + policy
            + " (seed " + s.seed() + ")"
            + (fwNames.size() > TOP_FRAMEWORKS ? "; the " + TOP_FRAMEWORKS + " with the largest mean share, the other "
            + (fwNames.size() - TOP_FRAMEWORKS) + " summed as 'others'" : "") + "."));
      }
      Quantiles q = new Quantiles();
      Quantiles w = new Quantiles();
      for (int i : g.getValue()) {
        RunSeries.completions(runDirs.get(i), q);
        RunSeries.waits(runDirs.get(i), w);
      }
      double[][] cdf = q.cdf(2000);
      if (cdf[0].length > 0) {
        cdfLines.add(new ChartRenderer.Line(policy + " (n=" + q.count() + ")", cdf[0], cdf[1], Palette.series(gi),
            false));
      }
      for (String metric : List.of(AgentData.OFFER_WAIT, AgentData.OFFER_TO_LAUNCH)) {
        List<double[][]> offerCdfs = new ArrayList<>();
        for (int i : g.getValue()) {
          double[][] oc = RunSeries.offerLatencyCdf(runDirs.get(i), metric);
          if (oc != null) {
            offerCdfs.add(oc);
          }
        }
        double[][] pooled = RunSeries.pool(offerCdfs);
        if (pooled[0].length > 0) {
          long values = 0;
          for (double[][] oc : offerCdfs) {
            values += (long) oc[2][0];
          }
          boolean wait = metric.equals(AgentData.OFFER_WAIT);
          offerLines.add(new ChartRenderer.Line(policy + (wait ? ": demand → offer" : ": offer → launch") + " (n=" + values
              + ")", pooled[0], pooled[1], Palette.series(gi), !wait));
        }
      }
      double[][] wc = w.cdf(2000);
      if (wc[0].length > 0) {
        waitLines.add(new ChartRenderer.Line(policy + " (n=" + w.count() + ")", wc[0], wc[1], Palette.series(gi),
            false));
      }
      gi++;
    }
    images.add(save(cd, COMPLETION_CHART, ChartRenderer.cdfChart("Job completion time CDF by " + groupColumn,
        "Completion time, submit to end (s, log scale)", cdfLines),
        "Completion-time CDFs of finished jobs, every seed of a " + groupColumn + " pooled."));
    JFreeChart waitChart = ChartRenderer.cdfChart("Job wait time CDF by " + groupColumn,
        "Wait, submit to first launch (s, log scale)", waitLines);
    waitChart.getXYPlot().getRangeAxis().setLabel("Fraction of launched jobs");
    images.add(save(cd, WAIT_CHART, waitChart, "Wait-time CDFs (submit to first launch) of every job that launched,"
        + " every seed of a " + groupColumn + " pooled; log time axis."));
    images.add(save(cd, OFFERS_CHART, ChartRenderer.cdfChart("Offer latency CDFs by " + groupColumn,
        "Latency (s, log scale)", "Fraction of offers", offerLines, "no offer was made to a framework with demand"),
        "Offer latency, every framework and every seed of a " + groupColumn + " pooled (from each run's"
        + " offer_latency.csv), log time axis. Solid, demand → offer: for each offer to a framework with pending"
        + " tasks, the time it had waited (since its queue became non-empty or its previous offer). Dashed, offer →"
        + " launch: for each used offer, the time to the first launch on it."));
    images.add(zoom(save(cd, UTILIZATION_CHART, faultMarks(ComparisonCharts.bandChart("Utilization by " + groupColumn,
        "Allocated / capacity (%)", utilBands, true, 1.05, leaderChanges, markerLabel, xMax), faults, unit),
        "Utilization over time per " + groupColumn + ": median over seeds (line) and inter-quartile range (band);"
            + " solid: "
            + (res.isEmpty() ? "" : res.get(0)) + ", dashed: other resources"
            + (leaderChanges.isEmpty() ? "" : "; dashed red lines: leader changes")
            + (faults.isEmpty() ? "" : "; dotted orange lines: injected faults") + "."), "Utilization by "
        + groupColumn, "Allocated / capacity (%)", true, utilBands, leaderChanges, faults, xMax));
    images.add(zoom(save(cd, FAIRNESS_CHART, faultMarks(ComparisonCharts.bandChart("Jain's index by " + groupColumn,
        "Jain's index (0–1)", jainBands, false, 1.05, leaderChanges, markerLabel, xMax), faults, unit),
        "Jain's index over weighted dominant shares per " + groupColumn
            + ": median over seeds and inter-quartile range."), "Jain's index by " + groupColumn, "Jain's index (0–1)",
        false, jainBands, leaderChanges, faults, xMax));
    return images;
  }

  private static JFreeChart faultMarks(JFreeChart c, List<Double> faults, ChartRenderer.TimeUnit unit) {
    ComparisonCharts.addMarkers(c.getXYPlot(), faults, faults.isEmpty() ? null : "fault", unit.seconds(),
        new java.awt.Color(0xE07000), true);
    return c;
  }

  private static ComparisonCharts.Band band(String name, String col, List<double[]> times, List<SeriesBuffer> bufs,
      double xMax, java.awt.Color color, boolean dashed) {
    List<double[]> values = new ArrayList<>();
    for (SeriesBuffer b : bufs) {
      values.add(b.column(col));
    }
    double[][] q = ComparisonCharts.band(times, values, xMax, ComparisonCharts.BAND_POINTS);
    return new ComparisonCharts.Band(name, q[0], q[1], q[2], q[3], color, dashed);
  }

  /** Times (s) of the elections after the first, over every run, at most 50, at least 1 s apart. */
  static List<Double> leaderChanges(List<RunSummary> runs) {
    java.util.TreeSet<Double> t = new java.util.TreeSet<>();
    for (RunSummary r : runs) {
      if (r.leaders() != null) {
        for (int i = 1; i < r.leaders().size(); i++) {
          t.add(r.leaders().get(i).since());
        }
      }
    }
    return thin(t);
  }

  /** Times (s) of the injected faults, over every run, at most 50, at least 1 s apart. */
  static List<Double> faultTimes(List<RunSummary> runs) {
    java.util.TreeSet<Double> t = new java.util.TreeSet<>();
    for (RunSummary r : runs) {
      if (r.faultEvents() != null) {
        r.faultEvents().forEach(f -> t.add(f.time()));
      }
    }
    return thin(t);
  }

  private static List<Double> thin(java.util.SortedSet<Double> t) {
    List<Double> out = new ArrayList<>();
    for (double x : t) {
      if ((out.isEmpty() || x - out.get(out.size() - 1) >= 1) && out.size() < 50) {
        out.add(x);
      }
    }
    return out;
  }

  /** The top {@value #TOP_FRAMEWORKS} frameworks by mean share, the rest summed as "others". */
  private static JFreeChart sharesChart(String policy, RunSummary s, List<String> fwNames, SeriesBuffer b,
      double xMax, List<Double> markers, String markerLabel, ChartRenderer.TimeUnit unit) {
    double[] t = b.times();
    List<Integer> order = new ArrayList<>();
    for (int f = 0; f < fwNames.size(); f++) {
      order.add(f);
    }
    double[] mean = new double[fwNames.size()];
    for (int f = 0; f < fwNames.size(); f++) {
      double[] y = b.column("share_" + fwNames.get(f));
      double sum = 0;
      for (double v : y) {
        sum += Double.isFinite(v) ? v : 0;
      }
      mean[f] = y.length == 0 ? 0 : sum / y.length;
    }
    // largest mean share first; ties in scenario order
    order.sort((x, y) -> mean[x] != mean[y] ? Double.compare(mean[y], mean[x]) : Integer.compare(x, y));
    List<Integer> top = fwNames.size() > TOP_FRAMEWORKS ? order.subList(0, TOP_FRAMEWORKS) : order;
    List<ChartRenderer.Line> lines = new ArrayList<>();
    for (int f = 0; f < fwNames.size(); f++) {
      if (top.contains(f)) {
        int k = top.indexOf(f);
        lines.add(new ChartRenderer.Line(fwNames.get(f), t, b.column("share_" + fwNames.get(f)), Palette.series(k),
            Palette.dashed(k)));
      }
    }
    if (fwNames.size() > TOP_FRAMEWORKS) {
      double[] others = new double[t.length];
      for (int f : order.subList(TOP_FRAMEWORKS, order.size())) {
        double[] y = b.column("share_" + fwNames.get(f));
        for (int i = 0; i < t.length; i++) {
          others[i] += Double.isFinite(y[i]) ? y[i] : 0;
        }
      }
      lines.add(new ChartRenderer.Line("others (" + (fwNames.size() - TOP_FRAMEWORKS) + ", summed)", t, others,
          java.awt.Color.GRAY, true));
    }
    double yMax = 1.05;
    JFreeChart c = ChartRenderer.timeChart("Dominant share: " + policy + " (seed " + s.seed() + ")",
        "Dominant share (%)", lines, yMax, true, xMax > 0 ? xMax : Double.NaN);
    ComparisonCharts.addMarkers(c.getXYPlot(), markers, markerLabel, unit.seconds());
    return c;
  }

  private static String safe(String s) {
    return s.replaceAll("[^A-Za-z0-9._-]", "_");
  }

  /** The image with the data of its zoomable version (the same bands, drawn by uPlot in the page). */
  private static HtmlReport.Image zoom(HtmlReport.Image im, String title, String yLabel, boolean percent,
      List<ComparisonCharts.Band> bands, List<Double> leaderChanges, List<Double> faults, double xMax) {
    if (bands.isEmpty()) {
      return im;
    }
    return new HtmlReport.Image(im.name(), im.caption(), im.mime(), im.bytes(),
        org.mesosim.reports.html.Interactive.bandSpec(title, yLabel, percent, 1.05, bands, leaderChanges, faults, xMax),
        null);
  }

  private static HtmlReport.Image save(Path cd, String name, JFreeChart c, String caption) throws IOException {
    byte[] png = ChartRenderer.png(c, ChartRenderer.WIDTH, ChartRenderer.heightFor(c));
    AtomicFiles.write(cd.resolve(name + ".png"), png);
    AtomicFiles.write(cd.resolve(name + ".svg"), ChartRenderer.svg(c, ChartRenderer.WIDTH, ChartRenderer.heightFor(c)));
    return new HtmlReport.Image(name, caption, "image/png", png);
  }

  /** Styles of the comparison page beyond the shared ones: a key-numbers table that wraps, never scrolls. */
  static final String CSS = "table.fit{table-layout:fixed;width:100%;min-width:0}"
      + "table.fit th,table.fit td{white-space:normal;overflow-wrap:anywhere}"
      + "table.fit td .d{display:block;color:#555;font-size:.8rem}"
      + "td.best{font-weight:700;background:#eef7ee !important}"
      + ".warn{background:#fff8e1;border-left:4px solid #f0b400;padding:.4rem .6rem;margin:.6rem 0}"
      + ".unit{color:#666;font-weight:400}"
      + ".grid{grid-template-columns:repeat(auto-fit,minmax(480px,1fr))}";

  private static String html(List<RunSummary> runs, List<Path> runDirs, List<String> labels, Path dir,
      List<Metric> metrics, double[][] values, Map<String, ConfidenceInterval[]> cis,
      Map<String, List<Integer>> groups, List<HtmlReport.Image> images, ComparisonResult result, String groupColumn) {
    String scenario = runs.isEmpty() ? "" : runs.get(0).scenario();
    StringBuilder h = new StringBuilder(1 << 16);
    h.append(Html.head("mesosim comparison: " + scenario));
    h.append("<style>").append(CSS).append("</style>\n");
    h.append("<h1>Comparison: ").append(Html.esc(scenario)).append("</h1>\n<p class=\"meta\">")
        .append(groups.size()).append(" ")
        .append(groups.size() == 1 ? groupColumn : ComparisonResult.plural(groupColumn))
        .append(", ").append(runs.size())
        .append(" runs; baseline ").append(Html.esc(result.baseline()))
        .append(". Means over seeds with 95% intervals (Student t, or bootstrap percentile where t would leave the"
            + " metric's range); differences are paired over common seeds (paired t test and Wilcoxon signed-rank,"
            + " Holm-adjusted p-values).</p>\n");
    for (String w : result.warnings()) {
      h.append("<p class=\"warn\">").append(Html.esc(w)).append("</p>\n");
    }
    h.append("<h2>Key numbers</h2>\n");
    keyTable(h, result, result.headlineKeys(), "headline");
    h.append("<h2>Charts</h2>\n");
    if (images.isEmpty()) {
      h.append("<p>None drawn (--no-charts).</p>\n");
    }
    h.append("<div class=\"grid\">\n");
    for (HtmlReport.Image im : images) {
      if (im.name().startsWith(SHARES_CHART) || im.name().startsWith(ROLESHARES_CHART)) {
        figure(h, im);
      }
    }
    h.append("</div>\n");
    for (HtmlReport.Image im : images) {
      if (!im.name().startsWith(SHARES_CHART) && !im.name().startsWith(ROLESHARES_CHART)) {
        figure(h, im);
      }
    }
    h.append("<details id=\"all-metrics\"><summary>Every metric (").append(result.metrics().size())
        .append(")</summary>\n");
    List<String> all = new ArrayList<>();
    result.metrics().forEach(m -> all.add(m.key()));
    keyTable(h, result, all, "means");
    h.append("</details>\n");
    h.append("<details id=\"runs-details\"><summary>Runs (").append(runs.size()).append(")</summary>\n");
    h.append("<div class=\"table-wrap\"><table id=\"runs\">\n<thead><tr><th>").append(Html.esc(groupColumn))
        .append("</th><th>seed</th><th>report</th>");
    for (Metric m : metrics) {
      MetricDef d = result.metrics().get(result.index(m.key()));
      h.append("<th>").append(Html.esc(m.label())).append(" <span class=\"unit\">(").append(Html.esc(d.unit()))
          .append(")</span></th>");
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
    h.append("</tbody></table></div>\n</details>\n");
    if (h.indexOf("class=\"zoom-data\"") >= 0) {
      h.append(org.mesosim.reports.html.Interactive.scripts());
    }
    h.append(Html.tail());
    return h.toString();
  }

  /** A table of {@code keys} (rows) by group (columns): mean [interval], difference with the baseline. */
  private static void keyTable(StringBuilder h, ComparisonResult r, List<String> keys, String id) {
    h.append("<table class=\"fit\" id=\"").append(id).append("\">\n<thead><tr><th>metric</th>");
    for (String g : r.groups().keySet()) {
      h.append("<th>").append(Html.esc(g)).append(" (n=").append(r.groups().get(g).size()).append(")</th>");
    }
    h.append("</tr></thead>\n<tbody>\n");
    for (String key : keys) {
      int m = r.index(key);
      if (m < 0) {
        continue;
      }
      MetricDef d = r.metrics().get(m);
      h.append("<tr><td>").append(Html.esc(d.label())).append(" <span class=\"unit\">(").append(Html.esc(d.unit()))
          .append(d.better() == 0 ? "" : ", " + d.betterWord() + " is better").append(")</span></td>");
      String best = r.best(m);
      for (String g : r.groups().keySet()) {
        Stats.Interval ci = r.interval(g, m);
        h.append(g.equals(best) ? "<td class=\"best\">" : "<td>").append(ComparisonStats.fmt(ci.mean()));
        if (!ci.method().isEmpty()) {
          h.append(" [").append(ComparisonStats.fmt(ci.low())).append(", ").append(ComparisonStats.fmt(ci.high()))
              .append("]");
        }
        Stats.Paired p = r.paired(g, m);
        if (p != null && Double.isFinite(p.meanDiff())) {
          double[] hp = r.holm(g, m);
          h.append("<span class=\"d\">Δ ").append(p.meanDiff() > 0 ? "+" : "")
              .append(ComparisonStats.fmt(p.meanDiff()));
          if (Double.isFinite(hp[0])) {
            h.append(", p=").append(ComparisonStats.fmt(hp[0])).append(hp[0] < Stats.ALPHA ? "" : " n.s.");
          }
          h.append("</span>");
        }
        h.append("</td>");
      }
      h.append("</tr>\n");
    }
    h.append("</tbody></table>\n");
  }

  private static void figure(StringBuilder h, HtmlReport.Image im) {
    h.append("<figure id=\"chart-").append(Html.esc(im.name())).append("\"><img alt=\"").append(Html.esc(im.caption()))
        .append("\" src=\"").append(im.dataUri()).append("\"><figcaption>").append(Html.esc(im.caption()))
        .append("</figcaption></figure>\n");
    if (im.zoom() != null) {
      h.append(org.mesosim.reports.html.Interactive.dataElement("chart-" + im.name(), im.zoom()));
    }
  }
}
