package org.mesosim.reports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.mesosim.reports.csv.TidyTimeseries;
import org.mesosim.reports.chart.ChartRenderer;
import org.mesosim.reports.chart.RunCharts;
import org.mesosim.reports.html.HtmlReport;

/**
 * Writes a finished run's files into its outDir, each whole under a {@code .partial} name and then
 * renamed ({@link AtomicFiles}): {@code charts/<name>.png|.svg}, {@code report.html},
 * {@code scenario.resolved.yaml}; then {@code metrics.json.partial} (with an
 * {@link AllocatorSeries}) and {@code summary.json.partial}; then renames
 * {@code timeseries.csv.partial}, {@code jobs.csv.partial}, (with an {@link EventLog})
 * {@code events.jsonl.partial} and {@code metrics.json.partial} to their final names, and
 * {@code summary.json.partial} last. So a {@code summary.json} means the run's files are
 * complete, and until it exists some {@code *.partial} file does.
 */
public final class ReportWriter {
  private ReportWriter() {}

  /** File names of a run directory. */
  public static final String SUMMARY = "summary.json";
  public static final String TIMESERIES = "timeseries.csv";
  public static final String JOBS = "jobs.csv";
  public static final String REPORT = "report.html";
  public static final String SCENARIO = "scenario.resolved.yaml";
  public static final String CHARTS_DIR = "charts";

  /**
   * Writes every output of a run.
   *
   * @param setup the run's setup (outDir)
   * @param rec the recorder, after {@link MetricsRecorder#finish}
   * @param s the summary from {@link MetricsRecorder#summary}
   * @param opts which charts and formats
   * @param resolvedScenarioYaml the resolved scenario text, written as is
   * @throws IOException when a file cannot be written
   * @throws IllegalStateException when the recorder was not finished
   */
  public static void write(RunSetup setup, MetricsRecorder rec, RunSummary s, ReportOptions opts,
      String resolvedScenarioYaml) throws IOException {
    if (!rec.isFinished()) {
      throw new IllegalStateException("the run was not finished: results stay *.partial");
    }
    Path out = setup.outDir();
    Files.createDirectories(out);
    Path charts = out.resolve(CHARTS_DIR);
    if (!opts.charts().isEmpty() && !opts.formats().isEmpty()) {
      Files.createDirectories(charts);
    }
    List<HtmlReport.Image> images = new ArrayList<>();
    for (Map.Entry<String, JFreeChart> e : RunCharts.build(rec, opts.charts()).entrySet()) {
      JFreeChart c = e.getValue();
      if (c == null) {
        images.add(HtmlReport.Image.skipped(e.getKey(), RunCharts.note(rec, e.getKey())));
        continue;
      }
      byte[] png = null;
      byte[] svg = null;
      if (opts.formats().contains("png")) {
        png = ChartRenderer.png(c, ChartRenderer.WIDTH, ChartRenderer.heightFor(c));
        AtomicFiles.write(charts.resolve(e.getKey() + ".png"), png);
      }
      if (opts.formats().contains("svg")) {
        svg = ChartRenderer.svg(c, ChartRenderer.WIDTH, ChartRenderer.heightFor(c));
        AtomicFiles.write(charts.resolve(e.getKey() + ".svg"), svg);
      }
      if (png == null) {
        png = ChartRenderer.png(c, ChartRenderer.WIDTH, ChartRenderer.heightFor(c));
      }
      RunCharts.TimeSpec ts = RunCharts.timeSpec(rec, e.getKey());
      String zoom = ts == null ? null : org.mesosim.reports.html.Interactive.spec(ts.title(), ts.yLabel(), ts.percent(), ts.yMax(),
          ts.lines(), rec.leaderChangeTimes(), rec.faultTimes());
      images.add(new HtmlReport.Image(e.getKey(), caption(e.getKey()), "image/png", png, zoom, null));
    }
    AgentData.writeHeatmap(out.resolve(AgentData.HEATMAP), rec);
    AgentData.writeOfferLatency(out.resolve(AgentData.OFFER_LATENCY), rec);
    AtomicFiles.write(out.resolve(SCENARIO), resolvedScenarioYaml == null ? "" : resolvedScenarioYaml);
    AtomicFiles.write(out.resolve(REPORT), HtmlReport.render(s, images, resolvedScenarioYaml == null ? ""
        : resolvedScenarioYaml));
    Path widePartial = out.resolve(MetricsRecorder.TIMESERIES_PARTIAL);
    // the long form first, so that both are complete once summary.json is; not for a huge wide file
    // (the long form is about 12 times its size: a 100 MB timeseries.csv would give 1.2 GB)
    if (Files.exists(widePartial) && Files.size(widePartial) <= TidyTimeseries.MAX_WIDE_BYTES) {
      Path longPartial = out.resolve(TidyTimeseries.FILE + ".partial");
      TidyTimeseries.write(setup, rec.allocatorSeries() == null ? List.of() : rec.allocatorSeries().tidyPrefixes(),
          widePartial, longPartial);
      Files.move(longPartial, out.resolve(TidyTimeseries.FILE), StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
    }
    // summary.json is written whole under its partial name before the CSVs take their final names,
    // and renamed last: until then a *.partial file is always there, and summary.json never is
    if (rec.allocatorSeries() != null) {
      rec.allocatorSeries().writePartial(out); // metrics.json, the allocator's metrics at the end
    }
    AtomicFiles.writePartial(out.resolve(SUMMARY), SummaryJson.toJson(s).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    promote(out, MetricsRecorder.TIMESERIES_PARTIAL, TIMESERIES);
    promote(out, MetricsRecorder.JOBS_PARTIAL, JOBS);
    promote(out, EventLog.PARTIAL, EventLog.FILE); // present only when the run logged its events
    promote(out, AllocatorSeries.FILE + AtomicFiles.PARTIAL, AllocatorSeries.FILE); // with an AllocatorSeries
    AtomicFiles.promote(out.resolve(SUMMARY));
  }

  private static void promote(Path dir, String partial, String complete) throws IOException {
    Path p = dir.resolve(partial);
    if (Files.exists(p)) {
      AtomicFiles.move(p, dir.resolve(complete));
    }
  }

  /**
   * A few lines for a person at a terminal: simulated time, utilization, fairness, and per
   * framework its share, tasks and job times (without the digest line, which the CLI prints last).
   */
  public static String humanSummary(RunSummary s) {
    StringBuilder b = new StringBuilder();
    b.append(String.format(java.util.Locale.ROOT, "%s: %s, seed %d, %s simulated s, %d events%n", s.scenario(),
        s.allocator(), s.seed(), HtmlReport.num(s.simulated().seconds()), s.simulated().events()));
    b.append("utilization (mean/final):");
    for (Map.Entry<String, RunSummary.MeanFinal> e : s.cluster().utilization().entrySet()) {
      b.append(' ').append(e.getKey()).append(' ').append(HtmlReport.pct(e.getValue().mean())).append('/')
          .append(HtmlReport.pct(e.getValue().last()));
    }
    b.append(String.format(java.util.Locale.ROOT, "%nJain's index (mean/final): %s/%s%n",
        HtmlReport.num(s.fairness().jainIndex().mean()), HtmlReport.num(s.fairness().jainIndex().last())));
    for (RunSummary.FrameworkSummary f : s.frameworks()) {
      b.append(String.format(java.util.Locale.ROOT,
          "  %s (%s): share %s mean, %s final; tasks %d launched, %d finished, %d lost; jobs %d/%d finished,"
              + " completion p50 %s s, p95 %s s%n",
          f.name(), f.role(), HtmlReport.pct(f.dominantShare().mean()), HtmlReport.pct(f.dominantShare().last()),
          f.tasks().launched(), f.tasks().finished(), f.tasks().lost(), f.jobs().finished(), f.jobs().submitted(),
          HtmlReport.num(f.jobs().completionSeconds().p50()), HtmlReport.num(f.jobs().completionSeconds().p95())));
    }
    if (s.invariantViolations() > 0) {
      b.append("invariant violations: ").append(s.invariantViolations()).append('\n');
    }
    return b.toString();
  }

  /** The caption of a chart in the report. */
  public static String caption(String chart) {
    switch (chart) {
      case "utilization":
        return "Utilization: resources held by non-terminal tasks / registered capacity, per resource.";
      case "shares":
        return "Dominant share per framework (unweighted): its allocation / capacity, maximised over resources.";
      case "fairness":
        return "Jain's fairness index over weighted dominant shares (1 = equal) of every framework and of those"
            + " with demand (pending tasks or an allocation), and the max − min gap.";
      case "queue":
        return "Tasks waiting in each framework's queue.";
      case "completion":
        return "Empirical CDF of job completion times (submit to end) of finished jobs, log time axis.";
      case "wait":
        return "Empirical CDF of job waits (submit to the first launch of any of its tasks), log time axis; with more"
            + " than 10 frameworks, all of them together and the 8 with the most jobs.";
      case "offers":
        return "Offer latency, log time axis. Per framework, demand → offer: for each offer to a framework with"
            + " pending tasks, how long it had waited for it (since its queue became non-empty or its previous"
            + " offer). Grey dashed, offer → launch: for each used offer, the time to the first launch on it. Latencies"
            + " of 0 s are drawn at the left edge.";
      case "heatmap":
        return "Allocated fraction of each agent's cpus and mem over time (agents in registration order, grouped"
            + " into rows; time-weighted within each cell; grey: no registered agent). Data: agents_heatmap.csv.";
      case "gantt":
        return "Each task as a bar from its launch to its first terminal status, on its agent's row, coloured by"
            + " framework; tasks running at once on an agent are stacked.";
      default:
        return chart;
    }
  }
}
