package org.mesosim.reports.chart;

import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.mesosim.reports.FrameworkMeta;
import org.mesosim.reports.MetricsRecorder;
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

  /** The charts named in {@code names} (a subset of ReportOptions.CHARTS), in that order. */
  public static Map<String, JFreeChart> build(MetricsRecorder rec, List<String> names) {
    Map<String, JFreeChart> out = new LinkedHashMap<>();
    for (String n : names) {
      out.put(n, build(rec, n));
    }
    return out;
  }

  /**
   * One chart by name; the time charts (all but {@code completion}) mark leader changes (dashed red)
   * and injected faults (dotted orange).
   */
  public static JFreeChart build(MetricsRecorder rec, String name) {
    JFreeChart c = chart(rec, name);
    double[] t = rec.chartSeries().times();
    if (!name.equals("completion") && t.length > 0) {
      double unit = ChartRenderer.timeUnit(t[t.length - 1]).seconds();
      List<Double> leaders = rec.leaderChangeTimes();
      ComparisonCharts.addMarkers(c.getXYPlot(), leaders, leaders.isEmpty() ? null : "leader change", unit);
      List<Double> faults = rec.faultTimes();
      ComparisonCharts.addMarkers(c.getXYPlot(), faults.size() > 50 ? faults.subList(0, 50) : faults,
          faults.isEmpty() ? null : "fault", unit, new Color(0xE07000), true);
    }
    return c;
  }

  private static JFreeChart chart(MetricsRecorder rec, String name) {
    RunSetup setup = rec.setup();
    SeriesBuffer s = rec.chartSeries();
    double[] t = s.times();
    String where = setup.scenario() + ", " + setup.allocator() + ", seed " + setup.seed();
    List<FrameworkMeta> fws = setup.frameworks();
    switch (name) {
      case "utilization": {
        List<ChartRenderer.Line> lines = new ArrayList<>();
        for (int r = 0; r < setup.resourceNames().size(); r++) {
          String res = setup.resourceNames().get(r);
          lines.add(new ChartRenderer.Line(res, t, s.column("util_" + res), Palette.resource(r), false));
        }
        return ChartRenderer.timeChart("Cluster utilization (" + where + ")", "Allocated / capacity (%)", lines,
            1.05, true);
      }
      case "shares": {
        List<ChartRenderer.Line> lines = new ArrayList<>();
        double max = 0;
        for (int f = 0; f < fws.size(); f++) {
          double[] y = s.column("share_" + fws.get(f).name());
          for (double v : y) {
            max = Math.max(max, v);
          }
          lines.add(new ChartRenderer.Line(label(fws.get(f)), t, y, Palette.series(f), Palette.dashed(f)));
        }
        return ChartRenderer.timeChart("Dominant share per framework (" + where + ")", "Dominant share (%)", lines,
            max > 0.5 ? 1.05 : Double.NaN, true);
      }
      case "fairness": {
        List<ChartRenderer.Line> lines = List.of(
            new ChartRenderer.Line("Jain's index (weighted dominant shares)", t, s.column("jain"),
                new Color(0x332288), false),
            new ChartRenderer.Line("Jain's index, frameworks with demand", t, s.column("jain_active"),
                new Color(0x44AA99), false),
            new ChartRenderer.Line("max − min weighted dominant share", t, s.column("gap"), new Color(0xCC6677),
                true));
        return ChartRenderer.timeChart("Fairness (" + where + ")", "Index / share gap (0–1)", lines, 1.05, false);
      }
      case "queue": {
        List<ChartRenderer.Line> lines = new ArrayList<>();
        for (int f = 0; f < fws.size(); f++) {
          lines.add(new ChartRenderer.Line(label(fws.get(f)), t, s.column("pending_" + fws.get(f).name()),
              Palette.series(f), Palette.dashed(f)));
        }
        return ChartRenderer.integerTicks(ChartRenderer.timeChart("Pending tasks per framework (" + where + ")",
            "Pending tasks (count)", lines, Double.NaN, false));
      }
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
      default:
        throw new IllegalArgumentException("unknown chart '" + name + "'");
    }
  }

  private static String label(FrameworkMeta f) {
    return "*".equals(f.role()) ? f.name() : f.name() + " (" + f.role() + ")";
  }
}
