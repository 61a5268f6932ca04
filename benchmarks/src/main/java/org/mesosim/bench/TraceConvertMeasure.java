package org.mesosim.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.mesosim.model.workload.WorkloadStats;
import org.mesosim.workloads.TraceConverter;
import org.mesosim.workloads.TraceSpec;

/**
 * {@code trace convert} of many Google 2011 parts: rows per second and the largest heap retained
 * while converting, exact (unbounded lookahead: every job after the oldest task still alive is held)
 * against streaming ({@code --stream}: the lookahead's episodes plus one waiter per task alive).
 *
 * <p>Only part 0 is public in the repository's samples, so the "month" is part 0 repeated: copy k is
 * shifted by k × 5,612 s and keeps its job IDs, so the tasks alive at the end of one copy are the
 * ones its next copy's t = 0 rows find running (those rows are ignored) and the live set stays that
 * of one part, as in the real month, while the rows grow with the parts.
 *
 * <p>Run: {@code mvn -B -ntp -q -pl benchmarks -am package -DskipTests && java -Xmx3g -cp
 * benchmarks/target/benchmarks.jar org.mesosim.bench.TraceConvertMeasure [parts]
 * -Dmesosim.traces=DIR}. Retained heap = heap used right after a full GC, sampled every second by a
 * second thread. Measure on an otherwise idle machine.
 */
public final class TraceConvertMeasure {
  private TraceConvertMeasure() {}

  public static void main(String[] args) throws Exception {
    int parts = args.length > 0 ? Integer.parseInt(args[0]) : 4;
    Path part0 = TraceReadBenchmark.traces().resolve(TraceReadBenchmark.GOOGLE);
    Path dir = Files.createTempDirectory("mesosim-convert");
    List<Path> files = synthesize(part0, parts, dir);
    for (boolean stream : new boolean[] {true, false}) {
      Path out = dir.resolve(stream ? "stream.csv" : "exact.csv");
      MemoryMXBean mem = ManagementFactory.getMemoryMXBean();
      System.gc();
      long base = mem.getHeapMemoryUsage().getUsed();
      long[] peak = {0};
      boolean[] done = {false};
      Thread sampler = new Thread(() -> {
        while (!done[0]) {
          System.gc();
          peak[0] = Math.max(peak[0], mem.getHeapMemoryUsage().getUsed() - base);
          try {
            Thread.sleep(1000);
          } catch (InterruptedException e) {
            return;
          }
        }
      });
      sampler.setDaemon(true);
      sampler.start();
      // process CPU: the reader decompresses on a thread of its own
      com.sun.management.OperatingSystemMXBean os =
          (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
      long cpu0 = os.getProcessCpuTime();
      long t0 = System.nanoTime();
      WorkloadStats s;
      try {
        s = TraceConverter.convert(TraceSpec.of("google-2011", files), out, stream);
      } catch (OutOfMemoryError e) {
        done[0] = true;
        System.out.printf("%s, %d parts: out of memory (-Xmx %d MB)%n", stream ? "stream" : "exact", parts,
            Runtime.getRuntime().maxMemory() >> 20);
        continue;
      }
      long t1 = System.nanoTime();
      long cpu1 = os.getProcessCpuTime(); // includes the sampler's GCs
      done[0] = true;
      sampler.join();
      System.out.printf("%s, %d parts: %d rows, %d jobs in %.1f s wall (%.1f s process cpu, with the sampler's GCs): %.0f rows/s wall, %.0f rows/cpu-s;"
          + " retained heap at most %.1f MB; output %.1f MB%n", stream ? "stream" : "exact", parts, s.rows(), s.jobs(),
          (t1 - t0) / 1e9, (cpu1 - cpu0) / 1e9, s.rows() / ((t1 - t0) / 1e9), s.rows() / ((cpu1 - cpu0) / 1e9),
          peak[0] / 1e6, Files.size(out) / 1e6);
      Files.delete(out);
    }
    for (Path f : files) {
      Files.delete(f);
    }
    Files.delete(dir);
  }

  /** Part 0 repeated {@code parts} times, copy k shifted by k × 5,612 s (gzip, as the real parts). */
  static List<Path> synthesize(Path part0, int parts, Path dir) throws IOException {
    List<String> rows = new ArrayList<>();
    try (var in = new java.io.BufferedReader(new java.io.InputStreamReader(
        new GZIPInputStream(Files.newInputStream(part0)), StandardCharsets.US_ASCII))) {
      String line;
      while ((line = in.readLine()) != null) {
        rows.add(line);
      }
    }
    List<Path> out = new ArrayList<>();
    for (int k = 0; k < parts; k++) {
      long shift = k * 5_612_000_000L;
      Path f = dir.resolve(String.format("part-%05d.csv.gz", k));
      try (BufferedWriter w = new BufferedWriter(new OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(f)),
          StandardCharsets.US_ASCII))) {
        for (String r : rows) {
          int c = r.indexOf(',');
          long t = Long.parseLong(r.substring(0, c));
          w.write(Long.toString(t == Long.MAX_VALUE ? t : t + shift));
          w.write(r, c, r.length() - c);
          w.write('\n');
        }
      }
      out.add(f);
    }
    return out;
  }
}
