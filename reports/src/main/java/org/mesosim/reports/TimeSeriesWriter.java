package org.mesosim.reports;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import org.mesosim.reports.chart.SeriesBuffer;
import org.mesosim.reports.csv.Num;

/**
 * The time series (docs/outputs.md): {@code timeseries.csv}, sampled every {@code sampleInterval}
 * by level-hold, and the bounded, downsampled {@link SeriesBuffer} the charts draw. When the clock
 * moves to t, a row is written for every sample boundary b &lt; t with the state after all events at
 * times ≤ b; {@link #finish} writes the boundaries ≤ end and a last row at end. The allocator's
 * metrics ({@link AllocatorSeries}), if any, are extra columns.
 */
final class TimeSeriesWriter {
  /** Points kept per series for charts. */
  static final int CHART_POINTS = 2048;

  private final RunSetup setup;
  private final Writer out;
  private final AllocationLedger ledger;
  private final Starvation demand;
  private final Fairness fairness;
  /** The allocator's metrics columns (null: none). */
  private final AllocatorSeries allocatorSeries;
  private final int nRes;
  private final int nFw;
  private final int nRoles;
  private final StringBuilder row = new StringBuilder(256);
  private final SeriesBuffer chartSeries;
  private final double[] chartRow;
  private long nextSample;
  private long lastRowTime = -1;

  /** Writes the header of {@code timeseries.csv} to {@code out}. */
  TimeSeriesWriter(RunSetup setup, Writer out, AllocatorSeries allocatorSeries, AllocationLedger ledger,
      Starvation demand, Fairness fairness) throws IOException {
    this.setup = setup;
    this.out = out;
    this.allocatorSeries = allocatorSeries;
    this.ledger = ledger;
    this.demand = demand;
    this.fairness = fairness;
    nRes = setup.resourceNames().size();
    nFw = setup.frameworks().size();
    nRoles = setup.roles().size();
    List<String> chartCols = new ArrayList<>();
    for (String r : setup.resourceNames()) {
      chartCols.add("util_" + r);
    }
    for (FrameworkMeta f : setup.frameworks()) {
      chartCols.add("share_" + f.name());
    }
    for (FrameworkMeta f : setup.frameworks()) {
      chartCols.add("pending_" + f.name());
    }
    chartCols.add("jain");
    chartCols.add("gap");
    chartCols.add("jain_active");
    chartSeries = new SeriesBuffer(chartCols, CHART_POINTS);
    chartRow = new double[chartCols.size()];
    out.write(String.join(",", columns(setup)) + allocatorHeader() + "\n");
  }

  /**
   * The columns of {@code timeseries.csv}: {@code time_s}; {@code util_<res>} per resource; per
   * framework (scenario order) {@code share_<name>}, {@code alloc_<name>_<res>} per resource,
   * {@code pending_<name>}; {@code jain}; then additions: {@code gap}, {@code jain_active} and
   * {@code roleshare_<role>} per role.
   */
  static List<String> columns(RunSetup setup) {
    List<String> c = new ArrayList<>();
    c.add("time_s");
    for (String r : setup.resourceNames()) {
      c.add("util_" + r);
    }
    for (FrameworkMeta f : setup.frameworks()) {
      c.add(Num.csv("share_" + f.name()));
      for (String r : setup.resourceNames()) {
        c.add(Num.csv("alloc_" + f.name() + "_" + r));
      }
      c.add(Num.csv("pending_" + f.name()));
    }
    c.add("jain");
    c.add("gap");
    c.add("jain_active");
    for (String role : setup.roles()) {
      c.add(Num.csv("roleshare_" + role));
    }
    return c;
  }

  /** The clock moves to {@code t}: the rows of the sample times before {@code t}. */
  void rowsBefore(long t) throws IOException {
    // Reads the allocator once per clock move that writes rows (not once per row).
    if (allocatorSeries != null && nextSample < t) {
      allocatorSeries.sample();
    }
    while (nextSample < t) {
      writeRow(nextSample);
      nextSample += setup.sampleInterval();
    }
  }

  /** The run ends at {@code end}: the rows of the sample times ≤ end and a last row at end. */
  void finish(long end) throws IOException {
    if (allocatorSeries != null) {
      allocatorSeries.sample();
    }
    while (nextSample <= end) {
      writeRow(nextSample);
      nextSample += setup.sampleInterval();
    }
    if (lastRowTime < end) {
      writeRow(end);
    }
  }

  void close() throws IOException {
    out.close();
  }

  SeriesBuffer chartSeries() {
    return chartSeries;
  }

  AllocatorSeries allocatorSeries() {
    return allocatorSeries;
  }

  private String allocatorHeader() {
    if (allocatorSeries == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder();
    allocatorSeries.appendHeader(sb);
    return sb.toString();
  }

  private void writeRow(long t) throws IOException {
    StringBuilder sb = row;
    sb.setLength(0);
    Num.appendMicros(sb, t);
    int c = 0;
    for (int r = 0; r < nRes; r++) {
      sb.append(',');
      Num.append(sb, ledger.util[r].value);
      chartRow[c++] = ledger.util[r].value;
    }
    for (int f = 0; f < nFw; f++) {
      sb.append(',');
      Num.append(sb, ledger.share[f].value);
      for (int r = 0; r < nRes; r++) {
        sb.append(',');
        Num.appendMilli(sb, ledger.allocated(f, r));
      }
      sb.append(',').append(demand.pendingNow(f));
    }
    sb.append(',');
    Num.append(sb, fairness.jain.value);
    sb.append(',');
    Num.append(sb, fairness.gap.value);
    sb.append(',');
    Num.append(sb, fairness.jainActive.value);
    for (int g = 0; g < nRoles; g++) {
      sb.append(',');
      Num.append(sb, ledger.roleShare[g].value);
    }
    if (allocatorSeries != null) {
      allocatorSeries.appendCells(sb);
    }
    sb.append('\n');
    out.append(sb);
    for (int f = 0; f < nFw; f++) {
      chartRow[c++] = ledger.share[f].value;
    }
    for (int f = 0; f < nFw; f++) {
      chartRow[c++] = demand.pendingNow(f);
    }
    chartRow[c++] = fairness.jain.value;
    chartRow[c++] = fairness.gap.value;
    chartRow[c] = fairness.jainActive.value;
    chartSeries.add(t / 1e6, chartRow);
    lastRowTime = t;
  }
}
