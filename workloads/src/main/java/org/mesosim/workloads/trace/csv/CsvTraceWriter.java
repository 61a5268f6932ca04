package org.mesosim.workloads.trace.csv;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.mesosim.engine.SimTime;
import org.mesosim.model.ResourceNames;
import org.mesosim.model.Resources;
import org.mesosim.model.workload.JobSpec;
import org.mesosim.model.workload.TaskOutcome;
import org.mesosim.model.workload.TaskSpec;

/** Writes jobs in the native CSV format ({@link CsvTraceFormat}); {@code .gz} output is compressed. */
public final class CsvTraceWriter implements AutoCloseable {
  private final Writer out;
  private final List<String> fields;
  private final StringBuilder sb = new StringBuilder(256);
  private long lastSubmit = Long.MIN_VALUE;
  private long jobs;
  private long tasks;

  public CsvTraceWriter(Path file, List<String> fieldNames) {
    this(file, fieldNames, file.getFileName().toString().endsWith(".gz"));
  }

  /** Writes {@code file}, gzip-compressed when {@code gzip} whatever its name (a {@code .partial} file). */
  public CsvTraceWriter(Path file, List<String> fieldNames, boolean gzip) {
    this.fields = List.copyOf(fieldNames);
    try {
      OutputStream os = Files.newOutputStream(file);
      if (gzip) {
        os = new GZIPOutputStream(os, 1 << 16);
      }
      this.out = new BufferedWriter(new OutputStreamWriter(os, StandardCharsets.UTF_8), 1 << 16);
      StringBuilder h = new StringBuilder(String.join(",", CsvTraceFormat.COLUMNS));
      for (String f : fields) {
        if (f.isEmpty()) {
          throw new IllegalArgumentException("bad field column name '" + f + "'");
        }
        h.append(',').append(CsvTraceFormat.encode(CsvTraceFormat.fieldColumn(f)));
      }
      out.write(h.append('\n').toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  /** Appends a job; submit times must not decrease. */
  public void write(JobSpec job) {
    if (job.submitTime() < lastSubmit) {
      throw new IllegalArgumentException("job " + job.id() + " submitted before the previous job");
    }
    lastSubmit = job.submitTime();
    String id = CsvTraceFormat.encode(job.id());
    StringBuilder tail = new StringBuilder();
    for (String f : fields) {
      String v = job.fields().get(f);
      tail.append(',');
      if (v != null) {
        tail.append(CsvTraceFormat.encode(v));
      }
    }
    try {
      for (TaskSpec t : job.tasks()) {
        sb.setLength(0);
        sb.append(id).append(',').append(job.submitTime()).append(',')
            .append(CsvTraceFormat.encode(t.name())).append(',').append(CsvTraceFormat.encode(t.group()));
        Resources r = t.resources();
        if (r.width() > ResourceNames.GPUS + 1) {
          throw new IllegalArgumentException("task " + t.name() + " of job " + job.id()
              + ": the csv format carries cpus, mem, disk and gpus only");
        }
        for (int i = 0; i <= ResourceNames.GPUS; i++) {
          sb.append(',');
          long m = r.milli(i);
          if (m != 0) {
            sb.append(Resources.format(m));
          }
        }
        sb.append(',');
        if (t.duration() == SimTime.NEVER) {
          sb.append("forever");
        } else {
          sb.append(t.duration());
        }
        sb.append(',').append(t.outcome().name());
        if (t.outcome() == TaskOutcome.SAMPLED) {
          sb.append(':').append(t.failureProbability());
        }
        sb.append(',');
        for (int i = 0; i < t.dependsOn().size(); i++) {
          if (i > 0) {
            sb.append(';');
          }
          sb.append(CsvTraceFormat.encode(t.dependsOn().get(i)));
        }
        sb.append(tail).append('\n');
        out.write(sb.toString());
        tasks++;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    jobs++;
  }

  public long jobs() {
    return jobs;
  }

  public long tasks() {
    return tasks;
  }

  @Override
  public void close() {
    try {
      out.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
