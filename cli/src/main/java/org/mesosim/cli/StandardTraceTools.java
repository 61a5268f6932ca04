package org.mesosim.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.mesosim.engine.Durations;
import org.mesosim.model.workload.WorkloadStats;
import org.mesosim.workloads.TraceConverter;
import org.mesosim.workloads.TraceInspection;
import org.mesosim.workloads.TraceInspector;
import org.mesosim.workloads.TraceSpec;
import org.mesosim.workloads.WorkloadStatistics;
import org.mesosim.workloads.Workloads;
import org.mesosim.workloads.google.GoogleCell;
import org.mesosim.engine.random.RandomStreams;
import org.mesosim.model.workload.Workload;

/** {@code trace inspect} and {@code trace convert} on the workloads module. */
final class StandardTraceTools implements Services.TraceTools {
  @Override
  public List<String> inspect(String format, List<Path> files, boolean skipMalformed, Path index, boolean dropUnended) {
    TraceInspection t = TraceInspector.inspect(TraceSpec.of(format, files).withSkipMalformed(skipMalformed)
        .withIndex(index, dropUnended));
    List<String> out = new ArrayList<>();
    out.add("format:        " + t.format());
    out.add("rows:          " + t.rows());
    out.add("malformed:     " + t.malformed());
    out.add("jobs:          " + t.jobs());
    out.add("tasks:         " + t.tasks());
    out.add("first submit:  " + (t.firstSubmit() < 0 ? "-" : Durations.formatSeconds(t.firstSubmit()) + " s"));
    out.add("last submit:   " + (t.lastSubmit() < 0 ? "-" : Durations.formatSeconds(t.lastSubmit()) + " s"));
    out.add("span:          " + Durations.formatSeconds(t.span()) + " s");
    out.add("resources:     " + t.totals() + " (sum of task requests)");
    out.add(String.format(Locale.ROOT, "task-seconds:  %.1f", t.taskSeconds()));
    out.add("forever tasks: " + t.foreverTasks());
    out.add("users:         " + t.users());
    t.skipped().forEach((why, n) -> out.add("skipped:       " + n + " " + why));
    return out;
  }

  @Override
  public List<String> stats(String format, List<Path> files, Path index, boolean dropUnended, String preset,
      double scale, long seed, long until, double capacityCpus) {
    boolean google = preset != null || "google-2011".equals(format);
    double capacity = Double.isNaN(capacityCpus) && google ? GoogleCell.totalCpus(scale) : capacityCpus;
    List<String> out = new ArrayList<>();
    WorkloadStatistics s;
    if (preset != null) {
      try (Workload w = Workloads.googleLike(scale, new RandomStreams(seed), preset)) {
        s = WorkloadStatistics.of(w, until, capacity);
      }
      out.add(String.format(Locale.ROOT, "workload:            preset %s, scale %s, seed %d (framework name %s)", preset,
          scale, seed, preset));
    } else {
      try (Workload w = Workloads.traceWithRuntimes(TraceSpec.of(format, files).withIndex(index, dropUnended))) {
        s = WorkloadStatistics.of(w, until, capacity);
      }
      out.add("workload:            " + format + " " + (files.size() == 1 ? files.get(0) : files.size() + " files"));
    }
    out.addAll(s.lines());
    return out;
  }

  @Override
  public long convert(String format, List<Path> files, boolean skipMalformed, Path index, boolean dropUnended,
      boolean stream, Path out) {
    WorkloadStats s = TraceConverter.convert(TraceSpec.of(format, files).withSkipMalformed(skipMalformed)
        .withIndex(index, dropUnended), out, stream);
    return s.jobs();
  }

  @Override
  public String index(List<Path> files, Path out) {
    org.mesosim.workloads.trace.google2011.TaskEndIndex.Built b =
        org.mesosim.workloads.trace.google2011.TaskEndIndex.build(files, out);
    return String.format(Locale.ROOT, "wrote %s: %d SCHEDULE and end rows of %d rows in %d files, up to %s s",
        out, b.indexed(), b.rows(), files.size(), Durations.formatSeconds(b.lastTime()));
  }
}
