package org.mesosim.reports;

import java.util.List;

/**
 * Which charts and image formats a run's report contains.
 *
 * @param charts chart names, a subset of {@link #CHARTS}, in the order to show them
 * @param formats image formats, a subset of {@link #FORMATS}
 */
public record ReportOptions(List<String> charts, List<String> formats) {
  /**
   * Every chart: utilization, shares, fairness, queue, completion, wait and offers (CDFs), heatmap
   * (allocation per agent), gantt (tasks on agents; small runs only).
   */
  public static final List<String> CHARTS = List.of("utilization", "shares", "fairness", "queue", "completion",
      "wait", "offers", "heatmap", "gantt");

  /** Every image format. */
  public static final List<String> FORMATS = List.of("png", "svg");

  public ReportOptions {
    charts = List.copyOf(charts);
    formats = List.copyOf(formats);
    for (String c : charts) {
      if (!CHARTS.contains(c)) {
        throw new IllegalArgumentException("unknown chart '" + c + "' (known: " + String.join(", ", CHARTS) + ")");
      }
    }
    for (String f : formats) {
      if (!FORMATS.contains(f)) {
        throw new IllegalArgumentException("unknown chart format '" + f + "' (known: png, svg)");
      }
    }
  }

  /** All charts, both formats. */
  public static ReportOptions defaults() {
    return new ReportOptions(CHARTS, FORMATS);
  }
}
