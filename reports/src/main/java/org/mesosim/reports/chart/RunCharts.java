package org.mesosim.reports.chart;

import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.mesosim.reports.FrameworkMeta;
import org.mesosim.reports.MetricsRecorder;
import org.mesosim.reports.Quantiles;
import org.mesosim.reports.RunSetup;

/**
 * The five charts of a run, built from the recorder's bounded {@link SeriesBuffer} and its
 * completion-time distributions (never by re-reading the CSV files):
 * {@code utilization} (allocated / capacity per resource, %), {@code shares} (dominant share per
 * framework, %), {@code fairness} (Jain's index and the max-min gap of weighted shares),
 * {@code queue} (pending tasks per framework), {@code completion} (CDF of finished jobs'
 * completion times per framework, log time axis). Framework i has {@link Palette#series(int)}
 * in every chart.
 */
public final class RunCharts {
  private RunCharts() {}

  /**
   * The charts named in {@code names} (a subset of ReportOptions.CHARTS), in that order; a chart
   * that is not drawn for this run (see {@link #note}) maps to null.
   */
  public static Map<String, JFreeChart> build(MetricsRecorder rec, List<String> names) {
    Map<String, JFreeChart> out = new LinkedHashMap<>();
    for (String n : names) {
      out.put(n, note(rec, n) != null ? null : build(rec, n));
    }
    return out;
  }

  /** Charts that are distributions (no time axis, no markers). */
  static final List<String> DISTRIBUTIONS = List.of("completion", "wait", "offers");

  /** Shares and queues of more frameworks than this show the top {@link #TOP_K} and the rest summed. */
  public static final int MANY = 10;
  /** Frameworks shown individually in a chart of many. */
  public static final int TOP_K = 8;

  /** Why chart {@code name} is not drawn for this run, or null when it is. */
  public static String note(MetricsRecorder rec, String name) {
    switch (name) {
      case "gantt":
        if (rec.gantt().skipped() != null) {
          return "Task Gantt not drawn: " + rec.gantt().skipped() + " (drawn for runs of at most "
              + org.mesosim.reports.TaskGantt.MAX_TASKS + " tasks on at most " + org.mesosim.reports.TaskGantt.MAX_AGENTS
              + " agents).";
        }
        return rec.gantt().size() == 0 ? "Task Gantt not drawn: no task was launched." : null;
      case "heatmap":
        if (!rec.heatmap().enabled()) {
          return "Agent heatmap not drawn: metrics.agentHeatmap.rows is 0.";
        }
        return rec.heatmap().rows() == 0 || rec.heatmap().columns() == 0
            ? "Agent heatmap not drawn: no agent registered or the run lasted 0 s." : null;
      default:
        return null;
    }
  }

  /**
   * One chart by name; the time charts (all but {@code completion}) mark leader changes (dashed red)
   * and injected faults (dotted orange).
   */
  public static JFreeChart build(MetricsRecorder rec, String name) {
    JFreeChart c = chart(rec, name);
    double[] t = rec.chartSeries().times();
    if (!DISTRIBUTIONS.contains(name) && t.length > 0) {
      double unit = ChartRenderer.timeUnit(t[t.length - 1]).seconds();
      List<Double> leaders = rec.leaderChangeTimes();
      List<Double> faults = rec.faultTimes();
      List<XYPlot> plots = c.getXYPlot() instanceof CombinedDomainXYPlot cp ? cp.getSubplots() : List.of(c.getXYPlot());
      boolean first = true;
      for (XYPlot p : plots) {
        ComparisonCharts.addMarkers(p, leaders, leaders.isEmpty() || !first ? null : "leader change", unit);
        ComparisonCharts.addMarkers(p, faults.size() > 50 ? faults.subList(0, 50) : faults,
            faults.isEmpty() || !first ? null : "fault", unit, new Color(0xE07000), true);
        first = false;
      }
    }
    return c;
  }

  /**
   * What a time chart shows (for the static chart and the interactive one in report.html).
   *
   * @param yMax fixed top of the y axis or NaN
   * @param integer whole-number ticks (counts)
   */
  public record TimeSpec(String title, String yLabel, List<ChartRenderer.Line> lines, double yMax, boolean percent,
      boolean integer) {}

  /** The time charts. */
  public static final List<String> TIME_CHARTS = List.of("utilization", "shares", "fairness", "queue");

  /** The lines of time chart {@code name} (one of {@link #TIME_CHARTS}). */
  public static TimeSpec timeSpec(MetricsRecorder rec, String name) {
    RunSetup setup = rec.setup();
    SeriesBuffer s = rec.chartSeries();
    double[] t = s.times();
    String where = where(setup);
    List<FrameworkMeta> fws = setup.frameworks();
    switch (name) {
      case "utilization": {
        List<ChartRenderer.Line> lines = new ArrayList<>();
        for (int r = 0; r < setup.resourceNames().size(); r++) {
          String res = setup.resourceNames().get(r);
          lines.add(new ChartRenderer.Line(res, t, s.column("util_" + res), Palette.resource(r), false));
        }
        return new TimeSpec("Cluster utilization (" + where + ")", "Allocated / capacity (%)", lines, 1.05, true,
            false);
      }
      case "shares": {
        List<ChartRenderer.Line> lines = topK(s, t, fws, "share_");
        double max = 0;
        for (ChartRenderer.Line l : lines) {
          for (double v : l.y()) {
            max = Math.max(max, v);
          }
        }
        return new TimeSpec("Dominant share per framework (" + where + ")", "Dominant share (%)", lines,
            max > 0.5 ? 1.05 : Double.NaN, true, false);
      }
      case "fairness": {
        List<ChartRenderer.Line> lines = List.of(
            new ChartRenderer.Line("Jain's index (weighted dominant shares)", t, s.column("jain"),
                new Color(0x332288), false),
            new ChartRenderer.Line("Jain's index, frameworks with demand", t, s.column("jain_active"),
                new Color(0x44AA99), false),
            new ChartRenderer.Line("max − min weighted dominant share", t, s.column("gap"), new Color(0xCC6677),
                true));
        return new TimeSpec("Fairness (" + where + ")", "Index / share gap (0–1)", lines, 1.05, false, false);
      }
      case "queue":
        return new TimeSpec("Pending tasks per framework (" + where + ")", "Pending tasks (count)",
            topK(s, t, fws, "pending_"), Double.NaN, false, true);
      default:
        return null;
    }
  }

  private static String where(RunSetup setup) {
    return setup.scenario() + ", " + setup.allocator() + ", seed " + setup.seed();
  }

  private static JFreeChart chart(MetricsRecorder rec, String name) {
    RunSetup setup = rec.setup();
    String where = where(setup);
    List<FrameworkMeta> fws = setup.frameworks();
    TimeSpec ts = timeSpec(rec, name);
    if (ts != null) {
      JFreeChart c = ChartRenderer.timeChart(ts.title(), ts.yLabel(), ts.lines(), ts.yMax(), ts.percent());
      return ts.integer() ? ChartRenderer.integerTicks(c) : c;
    }
    switch (name) {
      case "completion": {
        List<ChartRenderer.Line> lines = new ArrayList<>();
        for (int f = 0; f < fws.size(); f++) {
          double[][] cdf = rec.completion(f).cdf(Math.max(100, 20_000 / Math.max(1, fws.size())));
          if (cdf[0].length > 0) {
            lines.add(new ChartRenderer.Line(label(fws.get(f)) + " (n=" + rec.completion(f).count() + ")",
                cdf[0], cdf[1], Palette.series(f), Palette.dashed(f)));
          }
        }
        return ChartRenderer.cdfChart("Job completion time CDF (" + where + ")",
            "Completion time, submit to end (s, log scale)", lines);
      }
      case "wait": {
        List<ChartRenderer.Line> lines = cdfLines(fws, rec::waits, rec.waits());
        return ChartRenderer.cdfChart("Job wait CDF (" + where + ")",
            "Job wait, submit to first launch (s, log scale)", "Fraction of launched jobs", lines, "no job launched");
      }
      case "offers": {
        List<ChartRenderer.Line> lines = cdfLines(fws, rec::offerWait, rec.offerWait());
        Quantiles launch = rec.offerLatency();
        if (launch.count() > 0) {
          double[][] cdf = launch.cdf(2000);
          lines.add(new ChartRenderer.Line("offer → launch, all frameworks (n=" + launch.count() + ")", cdf[0], cdf[1],
              Color.GRAY, true));
        }
        return ChartRenderer.cdfChart("Offer latency CDFs (" + where + ")", "Latency (s, log scale)",
            "Fraction of offers", lines, "no offer was made to a framework with demand");
      }
      case "heatmap":
        return AgentCharts.heatmap(rec.heatmap(), where);
      case "gantt":
        return AgentCharts.gantt(rec.gantt(), rec.heatmap().agentIds(), fws, rec.endTime(), where);
      default:
        throw new IllegalArgumentException("unknown chart '" + name + "'");
    }
  }

  /**
   * One line per framework, or with more than {@link #MANY} frameworks the {@link #TOP_K} with the
   * largest mean (over the chart buffer's samples) in scenario order, then the others summed.
   */
  static List<ChartRenderer.Line> topK(SeriesBuffer s, double[] t, List<FrameworkMeta> fws, String prefix) {
    List<ChartRenderer.Line> lines = new ArrayList<>();
    int n = fws.size();
    if (n <= MANY) {
      for (int f = 0; f < n; f++) {
        lines.add(new ChartRenderer.Line(label(fws.get(f)), t, s.column(prefix + fws.get(f).name()),
            Palette.series(f), Palette.dashed(f)));
      }
      return lines;
    }
    double[] mean = new double[n];
    for (int f = 0; f < n; f++) {
      for (double v : s.column(prefix + fws.get(f).name())) {
        mean[f] += v;
      }
    }
    Integer[] rank = new Integer[n];
    for (int f = 0; f < n; f++) {
      rank[f] = f;
    }
    // largest mean first; ties in scenario order
    java.util.Arrays.sort(rank, (a, b) -> mean[a] != mean[b] ? Double.compare(mean[b], mean[a]) : Integer.compare(a, b));
    boolean[] top = new boolean[n];
    for (int k = 0; k < TOP_K; k++) {
      top[rank[k]] = true;
    }
    double[] others = new double[t.length];
    for (int f = 0; f < n; f++) {
      double[] y = s.column(prefix + fws.get(f).name());
      if (top[f]) {
        lines.add(new ChartRenderer.Line(label(fws.get(f)), t, y, Palette.series(f), Palette.dashed(f)));
      } else {
        for (int i = 0; i < y.length; i++) {
          others[i] += y[i];
        }
      }
    }
    lines.add(new ChartRenderer.Line("others (" + (n - TOP_K) + ", summed)", t, others, Color.GRAY, true));
    return lines;
  }

  /**
   * CDF lines per framework; with two or more frameworks first "all frameworks" (black), and with
   * more than {@link #MANY} only the {@link #TOP_K} with the most values besides it.
   */
  static List<ChartRenderer.Line> cdfLines(List<FrameworkMeta> fws, java.util.function.IntFunction<Quantiles> per,
      Quantiles all) {
    List<ChartRenderer.Line> lines = new ArrayList<>();
    int n = fws.size();
    int points = Math.max(100, 20_000 / Math.max(1, n));
    if (n >= 2 && all.count() > 0) {
      double[][] cdf = all.cdf(2000);
      lines.add(new ChartRenderer.Line("all frameworks (n=" + all.count() + ")", cdf[0], cdf[1], Color.BLACK, false));
    }
    boolean[] shown = new boolean[n];
    if (n > MANY) {
      Integer[] rank = new Integer[n];
      for (int f = 0; f < n; f++) {
        rank[f] = f;
      }
      java.util.Arrays.sort(rank, (a, b) -> per.apply(a).count() != per.apply(b).count()
          ? Long.compare(per.apply(b).count(), per.apply(a).count()) : Integer.compare(a, b));
      for (int k = 0; k < TOP_K; k++) {
        shown[rank[k]] = true;
      }
    } else {
      java.util.Arrays.fill(shown, true);
    }
    for (int f = 0; f < n; f++) {
      Quantiles q = per.apply(f);
      if (shown[f] && q.count() > 0) {
        double[][] cdf = q.cdf(points);
        lines.add(new ChartRenderer.Line(label(fws.get(f)) + " (n=" + q.count() + ")", cdf[0], cdf[1],
            Palette.series(f), Palette.dashed(f)));
      }
    }
    return lines;
  }

  private static String label(FrameworkMeta f) {
    return "*".equals(f.role()) ? f.name() : f.name() + " (" + f.role() + ")";
  }
}
