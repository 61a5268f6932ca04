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
