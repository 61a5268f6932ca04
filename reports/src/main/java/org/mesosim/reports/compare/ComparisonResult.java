package org.mesosim.reports.compare;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mesosim.reports.RunSummary;
import org.mesosim.reports.csv.Num;

/**
 * The statistics of a comparison: runs grouped by label (a policy, or a sweep's combination of
 * overrides), per group and metric the mean over seeds with its 95% interval, and per group after
 * the first (the baseline) the paired difference with the baseline over their common seeds, a paired
 * t test and a Wilcoxon signed-rank test, both Holm–Bonferroni adjusted over the groups compared with
 * the baseline (one family per metric). Groups keep the order in which they first appear.
 */
public final class ComparisonResult {
  private final List<MetricDef> metrics;
  private final List<RunSummary> runs;
  private final List<String> labels;
  private final Map<String, List<Integer>> groups = new LinkedHashMap<>();
  private final double[][] values; // [run][metric]
  private final Map<String, Stats.Interval[]> intervals = new LinkedHashMap<>();
  private final Map<String, Stats.Paired[]> paired = new LinkedHashMap<>();
  private final Map<String, double[][]> holm = new LinkedHashMap<>(); // group -> [metric][t, wilcoxon]
  private final String groupColumn;

  /**
   * @param runs the runs' summaries
   * @param dirs their folders (for per-role job figures), same order; entries may be null
   * @param labels one group label per run
   * @param groupColumn what a group is called in tables ({@code policy}, {@code config})
   */
  public ComparisonResult(List<RunSummary> runs, List<java.nio.file.Path> dirs, List<String> labels,
      String groupColumn) {
    this.runs = List.copyOf(runs);
    this.labels = List.copyOf(labels);
    this.groupColumn = groupColumn;
    this.metrics = ComparisonStats.allMetrics(runs);
    for (int i = 0; i < runs.size(); i++) {
      groups.computeIfAbsent(labels.get(i), k -> new ArrayList<>()).add(i);
    }
    values = new double[runs.size()][metrics.size()];
    for (int i = 0; i < runs.size(); i++) {
      ComparisonStats.RunData d = new ComparisonStats.RunData(runs.get(i), dirs.get(i));
      for (int m = 0; m < metrics.size(); m++) {
        values[i][m] = metrics.get(m).f().applyAsDouble(d);
      }
    }
    String baseline = groups.keySet().iterator().next();
    for (Map.Entry<String, List<Integer>> g : groups.entrySet()) {
      Stats.Interval[] ci = new Stats.Interval[metrics.size()];
      Stats.Paired[] pd = new Stats.Paired[metrics.size()];
      for (int m = 0; m < metrics.size(); m++) {
        ci[m] = Stats.interval(column(g.getValue(), m), metrics.get(m).range());
        if (!g.getKey().equals(baseline)) {
          pd[m] = pairedWithBaseline(g.getValue(), groups.get(baseline), m);
        }
      }
      intervals.put(g.getKey(), ci);
      paired.put(g.getKey(), pd);
    }
    List<String> others = new ArrayList<>(groups.keySet()).subList(1, groups.size());
    for (String g : others) {
      holm.put(g, new double[metrics.size()][2]);
    }
    for (int m = 0; m < metrics.size(); m++) {
      for (int w = 0; w < 2; w++) {
        double[] p = new double[others.size()];
        for (int k = 0; k < p.length; k++) {
          Stats.Paired x = paired.get(others.get(k))[m];
          p[k] = w == 0 ? x.pT() : x.pWilcoxon();
        }
        double[] adj = Stats.holm(p);
        for (int k = 0; k < p.length; k++) {
          holm.get(others.get(k))[m][w] = adj[k];
        }
      }
    }
  }

  private double[] column(List<Integer> idx, int m) {
    double[] v = new double[idx.size()];
    for (int k = 0; k < v.length; k++) {
      v[k] = values[idx.get(k)][m];
    }
    return v;
  }

  private Stats.Paired pairedWithBaseline(List<Integer> g, List<Integer> base, int m) {
    Map<Long, Double> b = new LinkedHashMap<>();
    for (int i : base) {
      b.put(runs.get(i).seed(), values[i][m]);
    }
    List<double[]> pairs = new ArrayList<>();
    for (int i : g) {
      Double bv = b.get(runs.get(i).seed());
      if (bv != null) {
        pairs.add(new double[] {values[i][m], bv});
      }
    }
    double[] x = new double[pairs.size()];
    double[] y = new double[pairs.size()];
    for (int k = 0; k < x.length; k++) {
      x[k] = pairs.get(k)[0];
      y[k] = pairs.get(k)[1];
    }
    return Stats.paired(x, y);
  }

  public List<MetricDef> metrics() {
    return metrics;
  }

  public Map<String, List<Integer>> groups() {
    return groups;
  }

  public String baseline() {
    return groups.keySet().iterator().next();
  }

  public double value(int run, int metric) {
    return values[run][metric];
  }

  public Stats.Interval interval(String group, int metric) {
    return intervals.get(group)[metric];
  }

  /** Null for the baseline. */
  public Stats.Paired paired(String group, int metric) {
    return paired.get(group)[metric];
  }

  /** Holm-adjusted p-values {t, Wilcoxon}; null for the baseline. */
  public double[] holm(String group, int metric) {
    double[][] h = holm.get(group);
    return h == null ? null : h[metric];
  }

  public int index(String key) {
    for (int m = 0; m < metrics.size(); m++) {
      if (metrics.get(m).key().equals(key)) {
        return m;
      }
    }
    return -1;
  }

  /** The group with the best mean (by the metric's direction), or null if it has none or every mean ties. */
  public String best(int m) {
    int dir = metrics.get(m).better();
    if (dir == 0 || groups.size() < 2) {
      return null;
    }
    String best = null;
    double bv = Double.NaN;
    boolean tie = false;
    for (String g : groups.keySet()) {
      double v = intervals.get(g)[m].mean();
      if (!Double.isFinite(v)) {
        continue;
      }
      if (best == null || dir * v > dir * bv) {
        best = g;
        bv = v;
        tie = false;
      } else if (v == bv) {
        tie = true;
      }
    }
    return tie ? null : best;
  }

  /** Seeds per group: the smallest group's count. */
  public int minSeeds() {
    return groups.values().stream().mapToInt(List::size).min().orElse(0);
  }

  /** Whether a group's difference with the baseline is significant (Holm-adjusted paired t p &lt; α). */
  public boolean significant(String group, int m) {
    double[] h = holm(group, m);
    return h != null && h[0] < Stats.ALPHA;
  }

  /** Statements a reader of the numbers must see (few seeds, multiple comparisons). */
  public List<String> warnings() {
    List<String> w = new ArrayList<>();
    int n = minSeeds();
    if (n < 2) {
      w.add("only 1 seed per " + groupColumn + ": no intervals and no tests; use --seeds 5 or more");
    } else if (n < Stats.FEW_SEEDS) {
      w.add("only " + n + " seeds per " + groupColumn + " (fewer than " + Stats.FEW_SEEDS + "): intervals are wide and"
          + " the tests weak; the Wilcoxon signed-rank test cannot reach p < 0.05 with fewer than 6 pairs");
    }
    if (groups.size() > 2) {
      w.add((groups.size() - 1) + " " + plural(groupColumn) + " are compared with " + baseline()
          + ": p-values are Holm–Bonferroni adjusted over them (per metric)");
    }
    return w;
  }

  /**
   * The terminal table of {@code keys}: per metric its label and unit, then one line per group with
   * n, mean, 95% interval and (after the baseline) the paired difference with the baseline, its
   * interval and the Holm-adjusted p-values; {@code *} marks the best mean, {@code n.s.} a difference
   * that is not significant at 5%.
   */
  public String table(List<String> keys) {
    StringBuilder sb = new StringBuilder();
    int w = Math.max(groupColumn.length(), groups.keySet().stream().mapToInt(String::length).max().orElse(0)) + 2;
    String base = baseline();
    for (String key : keys) {
      int m = index(key);
      if (m < 0) {
        continue;
      }
      MetricDef d = metrics.get(m);
      String dir = d.betterWord();
      sb.append(d.key()).append(": ").append(d.label()).append(" [").append(d.unit())
          .append(dir.isEmpty() ? "" : "; " + dir + " is better").append("]\n");
      sb.append(String.format(Locale.ROOT, "  %-" + w + "s %3s %10s  %-22s  %-30s %8s %8s%n", groupColumn, "n", "mean",
          "95% interval", "paired diff vs " + base + " [95%]", "p(t)", "p(W)"));
      String best = best(m);
      for (String g : groups.keySet()) {
        Stats.Interval ci = interval(g, m);
        String interval = ci.method().isEmpty() ? "" : "[" + ComparisonStats.fmt(ci.low()) + ", "
            + ComparisonStats.fmt(ci.high()) + "]" + (ci.method().equals("bootstrap") ? " b" : "");
        String diff = "";
        String pt = "";
        String pw = "";
        String ns = "";
        Stats.Paired p = paired(g, m);
        if (p != null) {
          diff = sign(p.meanDiff()) + (Double.isFinite(p.low()) ? " [" + sign(p.low()) + ", " + sign(p.high()) + "]"
              : "");
          double[] h = holm(g, m);
          pt = ComparisonStats.fmt(h[0]);
          pw = ComparisonStats.fmt(h[1]);
          ns = Double.isNaN(h[0]) ? "" : h[0] < Stats.ALPHA ? "" : " n.s.";
        }
        sb.append(String.format(Locale.ROOT, "  %-" + w + "s %3d %10s  %-22s  %-30s %8s %8s%s%n",
            g + (g.equals(best) ? " *" : ""), ci.n(), ComparisonStats.fmt(ci.mean()), interval, diff, pt, pw, ns));
      }
    }
    sb.append("* best mean; intervals: Student t, or 'b' bootstrap percentile where t would leave the metric's range;"
        + " p(t) paired t test, p(W) Wilcoxon signed-rank, over common seeds, Holm-adjusted; n.s. = not significant"
        + " at 5%\n");
    for (String s : warnings()) {
      sb.append("warning: ").append(s).append('\n');
    }
    return sb.toString();
  }

  /** {@code policy} → {@code policies}, {@code config} → {@code configs}. */
  public static String plural(String noun) {
    return noun.endsWith("y") ? noun.substring(0, noun.length() - 1) + "ies" : noun + "s";
  }

  private static String sign(double v) {
    return (v > 0 ? "+" : "") + ComparisonStats.fmt(v);
  }

  /** The headline keys: every metric marked headline that has a finite value somewhere. */
  public List<String> headlineKeys() {
    List<String> k = new ArrayList<>();
    for (int m = 0; m < metrics.size(); m++) {
      if (metrics.get(m).headline()) {
        k.add(metrics.get(m).key());
      }
    }
    return k;
  }

  /**
   * {@code comparison_runs.csv}: one row per run and metric:
   * {@code <group>,seed,digest,entity_kind,entity,metric,unit,value}.
   */
  public String runsCsv() {
    StringBuilder sb = new StringBuilder(groupColumn + ",seed,digest,entity_kind,entity,metric,unit,value\n");
    for (int i = 0; i < runs.size(); i++) {
      for (int m = 0; m < metrics.size(); m++) {
        MetricDef d = metrics.get(m);
        sb.append(Num.csv(labels.get(i))).append(',').append(runs.get(i).seed()).append(',')
            .append(Num.csv(runs.get(i).digest())).append(',').append(d.entityKind()).append(',')
            .append(Num.csv(d.entity())).append(',').append(d.base()).append(',').append(d.unit()).append(',');
        Num.append(sb, values[i][m]);
        sb.append('\n');
      }
    }
    return sb.toString();
  }

  /** The columns of {@code comparison_summary.csv} after the group column. */
  public static final List<String> SUMMARY_COLUMNS = List.of("entity_kind", "entity", "metric", "unit", "better",
      "n", "mean", "sd", "ci_low", "ci_high", "ci_method", "best", "baseline", "diff_n", "diff_mean", "diff_ci_low",
      "diff_ci_high", "p_t", "p_t_holm", "p_wilcoxon", "p_wilcoxon_holm", "significant");

  /** {@code comparison_summary.csv}: one row per group and metric (columns: {@link #SUMMARY_COLUMNS}). */
  public String summaryCsv() {
    StringBuilder sb = new StringBuilder(groupColumn + "," + String.join(",", SUMMARY_COLUMNS) + "\n");
    String base = baseline();
    for (String g : groups.keySet()) {
      for (int m = 0; m < metrics.size(); m++) {
        MetricDef d = metrics.get(m);
        Stats.Interval ci = interval(g, m);
        sb.append(Num.csv(g)).append(',').append(d.entityKind()).append(',').append(Num.csv(d.entity())).append(',')
            .append(d.base()).append(',').append(d.unit()).append(',').append(d.betterWord()).append(',')
            .append(ci.n());
        for (double v : new double[] {ci.mean(), ci.sd(), ci.low(), ci.high()}) {
          sb.append(',');
          Num.append(sb, v);
        }
        sb.append(',').append(ci.method()).append(',').append(g.equals(best(m))).append(',').append(Num.csv(base));
        Stats.Paired p = paired(g, m);
        if (p == null) {
          sb.append(",,,,,,,,,");
        } else {
          double[] h = holm(g, m);
          sb.append(',').append(p.n());
          for (double v : new double[] {p.meanDiff(), p.low(), p.high(), p.pT(), h[0], p.pWilcoxon(), h[1]}) {
            sb.append(',');
            Num.append(sb, v);
          }
          sb.append(',').append(Double.isNaN(h[0]) ? "" : String.valueOf(h[0] < Stats.ALPHA));
        }
        sb.append('\n');
      }
    }
    return sb.toString();
  }

  /** Adds {@code summary} (as comparison_summary.csv, nested) and {@code warnings} to {@code root}. */
  public void toJson(ObjectNode root) {
    ArrayNode ms = root.putArray("metricDefinitions");
    for (MetricDef d : metrics) {
      ObjectNode o = ms.addObject();
      o.put("key", d.key());
      o.put("metric", d.base());
      o.put("entityKind", d.entityKind());
      o.put("entity", d.entity());
      o.put("label", d.label());
      o.put("unit", d.unit());
      o.put("better", d.betterWord());
    }
    root.put("baseline", baseline());
    ArrayNode sum = root.putArray("summary");
    for (String g : groups.keySet()) {
      ObjectNode go = sum.addObject();
      go.put(groupColumn, g);
      go.put("n", groups.get(g).size());
      ObjectNode mo = go.putObject("metrics");
      for (int m = 0; m < metrics.size(); m++) {
        Stats.Interval ci = interval(g, m);
        ObjectNode o = mo.putObject(metrics.get(m).key());
        num(o, "mean", ci.mean());
        num(o, "sd", ci.sd());
        num(o, "ciLow", ci.low());
        num(o, "ciHigh", ci.high());
        o.put("ciMethod", ci.method());
        o.put("best", g.equals(best(m)));
        Stats.Paired p = paired(g, m);
        if (p != null) {
          double[] h = holm(g, m);
          ObjectNode po = o.putObject("vsBaseline");
          po.put("n", p.n());
          num(po, "diffMean", p.meanDiff());
          num(po, "diffLow", p.low());
          num(po, "diffHigh", p.high());
          num(po, "pT", p.pT());
          num(po, "pTHolm", h[0]);
          num(po, "pWilcoxon", p.pWilcoxon());
          num(po, "pWilcoxonHolm", h[1]);
        }
      }
    }
    ArrayNode w = root.putArray("warnings");
    warnings().forEach(w::add);
  }

  private static void num(ObjectNode o, String k, double v) {
    if (Double.isFinite(v)) {
      o.put(k, v);
    } else {
      o.putNull(k);
    }
  }
}
