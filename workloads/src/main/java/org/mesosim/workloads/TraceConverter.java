package org.mesosim.workloads;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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

  /**
   * Writes {@code outCsv} ({@code .gz} = compressed); returns the input's stats. The output is
   * written as {@code <name>.partial} beside it and renamed at the end (removed if the conversion
   * fails): a conversion stopped by a malformed row leaves {@code outCsv} as it was, not a truncated
   * copy that could pass for the whole trace, and {@code outCsv} may be one of the inputs.
   */
  public static WorkloadStats convert(TraceSpec in, Path outCsv) {
    if (Files.isDirectory(outCsv)) {
      throw new UncheckedIOException(new IOException("cannot write " + outCsv + ": is a folder"));
    }
    Path partial = outCsv.resolveSibling(outCsv.getFileName() + ".partial");
    WorkloadStats stats;
    try (Workload w = Workloads.traceWithRuntimes(in);
        CsvTraceWriter out = new CsvTraceWriter(partial, Workloads.fields(in),
            outCsv.getFileName().toString().endsWith(".gz"))) {
      JobSpec j;
      while ((j = w.next()) != null) {
        out.write(j);
      }
      stats = w.stats();
    } catch (RuntimeException e) {
      try {
        Files.deleteIfExists(partial);
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
    try {
      Files.move(partial, outCsv, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + outCsv + ": " + e.getMessage(), e);
    }
    return stats;
  }
}
