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
  /**
   * Width of the {@code duration_us,outcome} region written for a task whose runtime is not known
   * yet (patchable mode): the duration is zero-padded so that the region keeps its width whatever
   * the outcome (19 digits + FINISHED, 21 + KILLED or FAILED, 23 + LOST).
   */
  static final int PATCH_WIDTH = 28;

  private final Writer out;
  // patchable mode (plain output only): bytes go through this buffer to the channel, and a region
  // still in the buffer or already in the file can be overwritten once its runtime is resolved
  private final java.nio.channels.FileChannel channel;
  private final java.nio.ByteBuffer buffer;
  private long flushed; // bytes in the file before the buffer
  private long pending;
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
    this(file, fieldNames, gzip, false);
  }

  /**
   * @param patchable plain output (not gzip) in which a task with a deferred runtime not resolved yet
   *     is written with a fixed-width placeholder, overwritten in place when the runtime is resolved
   *     (its outcome too): memory holds one waiter per such task, not the jobs after it
   */
  public CsvTraceWriter(Path file, List<String> fieldNames, boolean gzip, boolean patchable) {
    this.fields = List.copyOf(fieldNames);
    if (patchable) {
      if (gzip) {
        throw new IllegalArgumentException("a patchable output cannot be compressed");
      }
      this.out = null;
      this.buffer = java.nio.ByteBuffer.allocate(1 << 16);
      try {
        this.channel = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.CREATE,
            java.nio.file.StandardOpenOption.TRUNCATE_EXISTING, java.nio.file.StandardOpenOption.WRITE);
        append(header());
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
      }
      return;
    }
    this.channel = null;
    this.buffer = null;
    try {
      OutputStream os = Files.newOutputStream(file);
      if (gzip) {
        os = new GZIPOutputStream(os, 1 << 16);
      }
      this.out = new BufferedWriter(new OutputStreamWriter(os, StandardCharsets.UTF_8), 1 << 16);
      out.write(header());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  private String header() {
    StringBuilder h = new StringBuilder(String.join(",", CsvTraceFormat.COLUMNS));
    for (String f : fields) {
      if (f.isEmpty()) {
        throw new IllegalArgumentException("bad field column name '" + f + "'");
      }
      h.append(',').append(CsvTraceFormat.encode(CsvTraceFormat.fieldColumn(f)));
    }
    return h.append('\n').toString();
  }

  /** Patchable mode: appends text (UTF-8). */
  private void append(CharSequence text) throws IOException {
    byte[] b = text.toString().getBytes(StandardCharsets.UTF_8);
    int off = 0;
    while (off < b.length) {
      if (!buffer.hasRemaining()) {
        flush();
      }
      int n = Math.min(buffer.remaining(), b.length - off);
      buffer.put(b, off, n);
      off += n;
    }
  }

  private void flush() throws IOException {
    buffer.flip();
    while (buffer.hasRemaining()) {
      flushed += channel.write(buffer, flushed);
    }
    buffer.clear();
  }

  /** Bytes written so far (patchable mode). */
  private long position() {
    return flushed + buffer.position();
  }

  /** Overwrites the placeholder at {@code at} with the resolved runtime. */
  private void patch(long at, org.mesosim.model.workload.DeferredRuntime rt) {
    String o = rt.outcome().name();
    String d = Long.toString(rt.micros());
    StringBuilder r = new StringBuilder(PATCH_WIDTH);
    for (int i = d.length() + 1 + o.length(); i < PATCH_WIDTH; i++) {
      r.append('0');
    }
    r.append(d).append(',').append(o);
    byte[] b = r.toString().getBytes(StandardCharsets.US_ASCII);
    try {
      // the part already in the file is written there, the rest (if any) into the buffer
      int inFile = (int) Math.max(0, Math.min(b.length, flushed - at));
      java.nio.ByteBuffer w = java.nio.ByteBuffer.wrap(b, 0, inFile);
      long pos = at;
      while (w.hasRemaining()) {
        pos += channel.write(w, pos);
      }
      for (int i = inFile; i < b.length; i++) {
        buffer.put((int) (at + i - flushed), b[i]);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    pending--;
  }

  /** Tasks written with a placeholder whose runtime is not resolved yet (patchable mode). */
  public long pendingRuntimes() {
    return pending;
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
        org.mesosim.model.workload.DeferredRuntime rt = t.runtime();
        long placeholder = -1;
        if (rt != null && !rt.isResolved()) {
          if (channel == null) {
            throw new IllegalArgumentException("task " + t.name() + " of job " + job.id()
                + ": runtime not known yet (write it to a patchable output)");
          }
          append(sb);
          sb.setLength(0);
          placeholder = position();
          sb.append("0000000000000000000,FINISHED"); // PATCH_WIDTH
        } else {
          long d = t.knownDuration();
          if (d == SimTime.NEVER) {
            sb.append("forever");
          } else {
            sb.append(d);
          }
          sb.append(',').append(t.knownOutcome().name());
        }
        if (t.knownOutcome() == TaskOutcome.SAMPLED) {
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
        if (channel != null) {
          append(sb);
          if (placeholder >= 0) {
            long at = placeholder;
            pending++;
            rt.whenResolved(() -> patch(at, rt));
          }
        } else {
          out.write(sb.toString());
        }
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
      if (channel != null) {
        flush();
        channel.close();
        return;
      }
      out.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
