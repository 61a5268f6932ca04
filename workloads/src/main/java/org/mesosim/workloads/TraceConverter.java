package org.mesosim.workloads;

import java.nio.file.Path;
import org.mesosim.model.workload.JobSpec;
import org.mesosim.model.workload.Workload;
import org.mesosim.model.workload.WorkloadStats;
import org.mesosim.workloads.trace.csv.CsvTraceWriter;

/**
 * Converts any trace to the native CSV format ({@code mesosim trace convert}), applying the
 * spec's units, filter, window and time scale, so a large trace is preprocessed once and
 * replayed fast. Reading the output back with {@code format: csv} gives the same jobs.
 */
public final class TraceConverter {
  private TraceConverter() {}

  /** Writes {@code outCsv} ({@code .gz} = compressed); returns the input's stats. */
  public static WorkloadStats convert(TraceSpec in, Path outCsv) {
    try (Workload w = Workloads.traceWithRuntimes(in);
        CsvTraceWriter out = new CsvTraceWriter(outCsv, Workloads.fields(in))) {
      JobSpec j;
      while ((j = w.next()) != null) {
        out.write(j);
      }
      return w.stats();
    }
  }
}
