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
    return convert(in, outCsv, false);
  }

  /**
   * @param streaming bounded memory: the trace is read as a replay reads it (google-2011: the
   *     lookahead of {@code units.lookahead}, default 300 s), and a task handed out before its end was
   *     read is written with a fixed-width placeholder that is overwritten in place once its end is
   *     read (or the input ends); the heap holds the lookahead's episodes and one waiter per task
   *     alive, not every job after the oldest task still alive. A {@code .gz} output is written plain
   *     first and compressed at the end. The tasks differ from an exact conversion only as a replay's
   *     do (a task handed out while pending: requests changed later are ignored, an end without
   *     SCHEDULE runs 0 s; both counted)
   */
  public static WorkloadStats convert(TraceSpec in, Path outCsv, boolean streaming) {
    if (streaming) {
      return convertStreaming(in, outCsv);
    }
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

  private static WorkloadStats convertStreaming(TraceSpec in, Path outCsv) {
    if (Files.isDirectory(outCsv)) {
      throw new UncheckedIOException(new IOException("cannot write " + outCsv + ": is a folder"));
    }
    boolean gz = outCsv.getFileName().toString().endsWith(".gz");
    Path partial = outCsv.resolveSibling(outCsv.getFileName() + ".partial");
    Path plain = gz ? outCsv.resolveSibling(outCsv.getFileName() + ".plain.partial") : partial;
    WorkloadStats stats;
    try {
      try (Workload w = Workloads.trace(in);
          CsvTraceWriter out = new CsvTraceWriter(plain, Workloads.fields(in), false, true)) {
        JobSpec j;
        while ((j = w.next()) != null) {
          out.write(j);
        }
        stats = w.stats();
        if (out.pendingRuntimes() != 0) {
          throw new IllegalStateException(out.pendingRuntimes() + " runtimes never resolved");
        }
      }
      if (gz) {
        try (java.io.InputStream i = Files.newInputStream(plain);
            java.io.OutputStream o = new java.util.zip.GZIPOutputStream(Files.newOutputStream(partial), 1 << 16)) {
          i.transferTo(o);
        }
        Files.delete(plain);
      }
    } catch (IOException e) {
      deleteQuietly(plain);
      deleteQuietly(partial);
      throw new UncheckedIOException("cannot write " + outCsv + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      deleteQuietly(plain);
      deleteQuietly(partial);
      throw e;
    }
    try {
      Files.move(partial, outCsv, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + outCsv + ": " + e.getMessage(), e);
    }
    return stats;
  }

  private static void deleteQuietly(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException ignored) {
      // the original failure is what matters
    }
  }
}
