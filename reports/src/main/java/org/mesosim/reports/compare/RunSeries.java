package org.mesosim.reports.compare;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.mesosim.reports.Quantiles;
import org.mesosim.reports.chart.SeriesBuffer;
import org.mesosim.reports.csv.CsvReader;

/** Reads a finished run's CSV files back, bounded: the time series downsampled, jobs folded. */
public final class RunSeries {
  private RunSeries() {}

  /** Points kept per series when reading a time series for comparison charts. */
  public static final int POINTS = 2048;

  /** The columns of {@code timeseries.csv} in {@code runDir} whose names are given, downsampled; null if absent. */
  public static SeriesBuffer timeseries(Path runDir, List<String> columns) throws IOException {
    Path f = runDir.resolve("timeseries.csv");
    if (!Files.exists(f)) {
      return null;
    }
    SeriesBuffer b = new SeriesBuffer(columns, POINTS);
    int[] idx = new int[columns.size()];
    double[] row = new double[columns.size()];
    CsvReader.read(f, h -> {
      for (int i = 0; i < columns.size(); i++) {
        idx[i] = h.indexOf(columns.get(i));
      }
    }, r -> {
      for (int i = 0; i < idx.length; i++) {
        row[i] = idx[i] >= 0 && idx[i] < r.size() ? parse(r.get(idx[i])) : Double.NaN;
      }
      b.add(parse(r.get(0)), row);
    });
    return b;
  }

  /** Completion seconds (end − submit) of the finished jobs in {@code jobs.csv}, added to {@code q}. */
  public static void completions(Path runDir, Quantiles q) throws IOException {
    Path f = runDir.resolve("jobs.csv");
    if (!Files.exists(f)) {
      return;
    }
    int[] idx = new int[3];
    CsvReader.read(f, h -> {
      idx[0] = h.indexOf("submit_s");
      idx[1] = h.indexOf("end_s");
      idx[2] = h.indexOf("state");
    }, r -> {
      if (r.size() > idx[2] && "finished".equals(r.get(idx[2])) && !r.get(idx[1]).isEmpty()) {
        q.add(parse(r.get(idx[1])) - parse(r.get(idx[0])));
      }
    });
  }

  /**
   * The CDF of {@code metric} ({@code offer_wait} or {@code offer_to_launch}) of every framework
   * together ({@code cluster} rows of {@code offer_latency.csv}): {x (s), fraction ≤ x, count},
   * the count as a one-element array; null when the file is absent or has no such rows.
   */
  public static double[][] offerLatencyCdf(Path runDir, String metric) throws IOException {
    Path f = runDir.resolve("offer_latency.csv");
    if (!Files.exists(f)) {
      return null;
    }
    List<double[]> pts = new ArrayList<>();
    double[] count = new double[1];
    int[] idx = new int[5];
    CsvReader.read(f, h -> {
      idx[4] = h.indexOf("metric");
      idx[0] = h.indexOf("entity_kind");
      idx[1] = h.indexOf("count");
      idx[2] = h.indexOf("fraction");
      idx[3] = h.indexOf("seconds");
    }, r -> {
      if (r.size() > idx[3] && idx[4] >= 0 && metric.equals(r.get(idx[4])) && "cluster".equals(r.get(idx[0]))) {
        count[0] = parse(r.get(idx[1]));
        pts.add(new double[] {parse(r.get(idx[3])), parse(r.get(idx[2]))});
      }
    });
    if (pts.isEmpty()) {
      return null;
    }
    double[][] out = {new double[pts.size()], new double[pts.size()], count};
    for (int i = 0; i < pts.size(); i++) {
      out[0][i] = pts.get(i)[0];
      out[1][i] = pts.get(i)[1];
    }
    return out;
  }

  /**
   * Pools empirical CDFs given as {x ascending, F(x), {n}} (step functions: F at x is the value of
   * the last point at or before x): F(x) = Σ nᵢ·Fᵢ(x) / Σ nᵢ at every x of any of them.
   * Returns {x, F}; empty arrays for no values.
   */
  public static double[][] pool(List<double[][]> cdfs) {
    java.util.TreeSet<Double> xs = new java.util.TreeSet<>();
    double total = 0;
    for (double[][] c : cdfs) {
      for (double x : c[0]) {
        xs.add(x);
      }
      total += c[2][0];
    }
    if (total <= 0 || xs.isEmpty()) {
      return new double[2][0];
    }
    double[] x = new double[xs.size()];
    double[] y = new double[xs.size()];
    int k = 0;
    for (double v : xs) {
      double sum = 0;
      for (double[][] c : cdfs) {
        int i = java.util.Arrays.binarySearch(c[0], v);
        if (i < 0) {
          i = -i - 2;
        } else {
          while (i + 1 < c[0].length && c[0][i + 1] == v) {
            i++; // ties: the last point at v
          }
        }
        sum += i < 0 ? 0 : c[1][i] * c[2][0];
      }
      x[k] = v;
      y[k] = sum / total;
      k++;
    }
    return new double[][] {x, y};
  }

  /** Waits (first launch − submit) of every job in {@code jobs.csv} that launched, added to {@code q}. */
  public static void waits(Path runDir, Quantiles q) throws IOException {
    Path f = runDir.resolve("jobs.csv");
    if (!Files.exists(f)) {
      return;
    }
    int[] idx = new int[2];
    CsvReader.read(f, h -> {
      idx[0] = h.indexOf("submit_s");
      idx[1] = h.indexOf("start_s");
    }, r -> {
      if (r.size() > idx[1] && !r.get(idx[1]).isEmpty()) {
        q.add(parse(r.get(idx[1])) - parse(r.get(idx[0])));
      }
    });
  }

  /**
   * Job waits (first launch − submit, every job that launched, as summary.json's
   * {@code jobs.waitSeconds}) in {@code jobs.csv}, pooled per role of the framework
   * ({@code roleOf}: framework name → role; other frameworks' jobs are left out). Roles in the
   * order of {@code roleOf}'s values; a role without launched jobs has an empty {@link Quantiles}.
   */
  public static java.util.Map<String, Quantiles> waitsByRole(Path runDir, java.util.Map<String, String> roleOf)
      throws IOException {
    java.util.Map<String, Quantiles> out = new java.util.LinkedHashMap<>();
    roleOf.values().forEach(r -> out.computeIfAbsent(r, k -> new Quantiles()));
    Path f = runDir.resolve("jobs.csv");
    if (!Files.exists(f)) {
      return out;
    }
    int[] idx = new int[3];
    CsvReader.read(f, h -> {
      idx[0] = h.indexOf("framework");
      idx[1] = h.indexOf("submit_s");
      idx[2] = h.indexOf("start_s");
    }, r -> {
      if (r.size() <= idx[2] || r.get(idx[2]).isEmpty()) {
        return;
      }
      String role = roleOf.get(r.get(idx[0]));
      if (role != null) {
        out.get(role).add(parse(r.get(idx[2])) - parse(r.get(idx[1])));
      }
    });
    return out;
  }

  static double parse(String s) {
    if (s == null || s.isEmpty()) {
      return Double.NaN;
    }
    try {
      return Double.parseDouble(s);
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  /** Names prefixed with {@code prefix}, for a list of suffixes. */
  public static List<String> prefixed(String prefix, List<String> names) {
    List<String> out = new ArrayList<>();
    for (String n : names) {
      out.add(prefix + n);
    }
    return out;
  }
}
