package org.mesosim.reports;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.mesosim.model.ResourceNames;
import org.mesosim.model.Resources;
import org.mesosim.model.allocation.AllocatorMetrics;
import org.mesosim.reports.csv.Num;
import org.mesosim.reports.csv.TidyTimeseries;

/**
 * The allocator's metrics under Mesos' names ({@link AllocatorMetrics}) in a run's results: the
 * {@code allocator/mesos/...} columns of {@code timeseries.csv} (and rows of entity kind
 * {@code allocator} in {@code timeseries_long.csv}) and the end snapshot {@code metrics.json}.
 *
 * <p>The columns are fixed when the run starts, from the scenario: the counters, cpus/mem/disk
 * totals and {@code offered_or_allocated}, per framework role its dominant share and active offer
 * filters, per role with a quota in the scenario the guarantee and {@code offered_or_allocated} of
 * each guaranteed resource. A cell is empty when the allocator has no such gauge at that time
 * (Mesos had not registered it: a role none of whose frameworks is registered yet, a policy that
 * does not report it) or when no master leads. {@code metrics.json} holds every metric the
 * allocator reports at the end, not only the columns.
 *
 * <p>Values come from {@link org.mesosim.model.allocation.Allocator#metrics()} of the leading
 * master's allocator, read through a {@link Supplier} (null when there is none); reading changes
 * nothing in the run.
 */
public final class AllocatorSeries {
  /** The end snapshot's file name. */
  public static final String FILE = "metrics.json";

  /** Units of the long form ({@code timeseries_long.csv}) besides a resource's own. */
  public static final String COUNT = "count";
  public static final String WEIGHTED_SHARE = "share_per_weight";

  /**
   * One column: the Mesos metric name (the wide column's name and the long form's {@code metric}),
   * the entity it is about (a resource, a role, or {@code allocator}) and its unit.
   */
  public record Column(String metric, String entity, String unit) {}

  private final List<Column> columns;
  private final Supplier<SortedMap<String, Double>> source;
  private final double[] values;
  private SortedMap<String, Double> snapshot = Collections.emptySortedMap();

  /**
   * @param columns the time-series columns ({@link #columns})
   * @param source the leading allocator's {@code metrics()}, or null when no master leads
   */
  public AllocatorSeries(List<Column> columns, Supplier<SortedMap<String, Double>> source) {
    this.columns = List.copyOf(columns);
    this.source = source;
    this.values = new double[this.columns.size()];
    Arrays.fill(values, Double.NaN);
  }

  /**
   * The columns of a run whose frameworks have {@code roles} (in scenario order) and whose roles
   * {@code quotas} have quota (by role).
   */
  public static List<Column> columns(List<String> roles, SortedMap<String, Resources> quotas) {
    List<Column> c = new ArrayList<>();
    c.add(new Column(AllocatorMetrics.ALLOCATION_RUNS, "allocator", COUNT));
    c.add(new Column(AllocatorMetrics.EVENT_QUEUE_DISPATCHES, "allocator", COUNT));
    for (String r : AllocatorMetrics.RESOURCES) {
      c.add(new Column(AllocatorMetrics.resourceTotal(r), r, TidyTimeseries.unit(r)));
      c.add(new Column(AllocatorMetrics.resourceOfferedOrAllocated(r), r, TidyTimeseries.unit(r)));
    }
    for (String role : roles) {
      c.add(new Column(AllocatorMetrics.roleDominantShare(role), role, WEIGHTED_SHARE));
      c.add(new Column(AllocatorMetrics.offerFiltersActive(role), role, COUNT));
    }
    for (Map.Entry<String, Resources> q : quotas.entrySet()) {
      List<String> names = new ArrayList<>();
      Resources g = q.getValue();
      for (int x = 0; x < g.width(); x++) {
        if (g.milli(x) != 0) {
          names.add(ResourceNames.name(x));
        }
      }
      for (String r : ResourceNames.outputOrder(names)) {
        c.add(new Column(AllocatorMetrics.quotaGuarantee(q.getKey(), r), q.getKey(), TidyTimeseries.unit(r)));
        c.add(new Column(AllocatorMetrics.quotaOfferedOrAllocated(q.getKey(), r), q.getKey(), TidyTimeseries.unit(r)));
      }
    }
    return c;
  }

  public List<Column> columns() {
    return columns;
  }

  /** Reads the allocator's metrics now: the values of the next rows and the latest snapshot. */
  void sample() {
    SortedMap<String, Double> m = source == null ? null : source.get();
    snapshot = m == null ? Collections.emptySortedMap() : Collections.unmodifiableSortedMap(new TreeMap<>(m));
    for (int i = 0; i < values.length; i++) {
      Double v = snapshot.get(columns.get(i).metric());
      values[i] = v == null ? Double.NaN : v;
    }
  }

  /** The header cells: {@code ,<metric>} per column. */
  void appendHeader(StringBuilder sb) {
    for (Column c : columns) {
      sb.append(',').append(Num.csv(c.metric()));
    }
  }

  /** The cells of a row from the last {@link #sample()}: {@code ,<value>}, empty when absent. */
  void appendCells(StringBuilder sb) {
    for (double v : values) {
      sb.append(',');
      if (!Double.isNaN(v)) {
        Num.append(sb, v);
      }
    }
  }

  /** The long form's row prefixes ({@code entity_kind,entity,metric,unit,}), one per column. */
  public List<String> tidyPrefixes() {
    List<String> p = new ArrayList<>();
    for (Column c : columns) {
      p.add("allocator," + Num.csv(c.entity()) + "," + Num.csv(c.metric()) + "," + Num.csv(c.unit()) + ",");
    }
    return p;
  }

  /** Every metric of the last {@link #sample()} (at the end of a run: its end), by name. */
  public SortedMap<String, Double> snapshot() {
    return snapshot;
  }

  /**
   * {@code metrics.json}: one flat JSON object, metric name to number, keys in name order, as
   * Mesos' {@code /metrics/snapshot}; pretty-printed like {@code summary.json}. Numbers are the
   * shortest decimal that reads back as the same double ({@code 2}, {@code 0.5},
   * {@code 0.3333333333333333}), never in scientific notation.
   */
  public static String json(SortedMap<String, Double> metrics) {
    Map<String, BigDecimal> out = new LinkedHashMap<>();
    for (Map.Entry<String, Double> e : metrics.entrySet()) {
      out.put(e.getKey(), number(e.getValue()));
    }
    return SummaryJson.toJson(out);
  }

  private static BigDecimal number(double v) {
    if (!Double.isFinite(v)) {
      return null;
    }
    BigDecimal d = new BigDecimal(Double.toString(v)).stripTrailingZeros();
    return d.scale() < 0 ? d.setScale(0) : d;
  }

  /** Writes {@link #snapshot()} to {@code dir/metrics.json} under its partial name (promoted later). */
  void writePartial(Path dir) throws IOException {
    AtomicFiles.writePartial(dir.resolve(FILE), json(snapshot).getBytes(StandardCharsets.UTF_8));
  }
}
