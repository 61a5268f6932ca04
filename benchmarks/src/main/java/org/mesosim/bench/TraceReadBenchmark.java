package org.mesosim.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.mesosim.engine.SimTime;
import org.mesosim.model.workload.JobSpec;
import org.mesosim.model.workload.Workload;
import org.mesosim.workloads.TraceSpec;
import org.mesosim.workloads.Workloads;
import org.mesosim.workloads.trace.google2011.GoogleTaskEventsReader;
import org.mesosim.workloads.trace.swf.SwfReader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Trace reading throughput, in rows per second, straight from the gzip samples in the
 * repository's {@code traces/} folder (or another folder holding files of the same names:
 * {@code -Dmesosim.traces=DIR} / {@code MESOSIM_TRACES}).
 *
 * <ul>
 *   <li>{@code googleScan}, {@code swfScan}: decompress, cut lines into fields and parse the key
 *       columns: the reader's row layer.
 *   <li>{@code googleJobs}, {@code swfJobs}: the whole replay (episodes, jobs, tasks, resources),
 *       what a simulation pulls (Google: the default lookahead, tasks alive past it handed out with
 *       deferred runtimes); rows/s counts input rows.
 *   <li>{@code googleJobsExact}: the Google replay with every runtime known when handed out
 *       (unbounded lookahead, what {@code trace inspect}/{@code convert} read).
 * </ul>
 *
 * <p>Run: {@code mvn -B -ntp -q -pl benchmarks -am package -DskipTests && java -jar
 * benchmarks/target/benchmarks.jar TraceReadBenchmark -prof gc}. Each operation reads a whole file;
 * the score is ops/s, multiplied by the row count per file (benchmarks/README.md) (450,146 rows
 * for the Google part, 30,000 jobs for the SWF sample). {@link #main} measures the heap a whole
 * Google part adds while it is read, per lookahead, and rows per CPU-second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx1g"})
public class TraceReadBenchmark {
  static final String GOOGLE = "google-2011-task_events-part-00000-of-00500.csv.gz";
  static final String SWF = "LANL-CM5-1994-4.1-cln.first30000jobs.swf.gz";

  private Path google;
  private Path swf;

  @Param({"x"})
  public String unused;

  @Setup(Level.Trial)
  public void setup() {
    Path dir = traces();
    google = dir.resolve(GOOGLE);
    swf = dir.resolve(SWF);
  }

  /**
   * Finds the samples: property, environment, else the repository's {@code traces/} (the first
   * folder above the working directory that has {@code traces/} and {@code pom.xml}).
   */
  static Path traces() {
    String p = System.getProperty("mesosim.traces", System.getenv("MESOSIM_TRACES"));
    if (p != null && Files.isDirectory(Paths.get(p))) {
      return Paths.get(p);
    }
    for (Path d = Paths.get("").toAbsolutePath(); d != null; d = d.getParent()) {
      if (Files.isDirectory(d.resolve("traces")) && Files.isRegularFile(d.resolve("pom.xml"))) {
        return d.resolve("traces");
      }
    }
    throw new IllegalStateException("trace samples not found: run from the repository (traces/),"
        + " or set -Dmesosim.traces=DIR or MESOSIM_TRACES");
  }

  @Benchmark
  @OperationsPerInvocation(1)
  public long googleScan() {
    GoogleTaskEventsReader r = new GoogleTaskEventsReader(List.of(google), new TreeMap<>(), false, SimTime.NEVER);
    try (r) {
      return r.scanRowsOnly();
    }
  }

  @Benchmark
  public void googleJobs(Blackhole bh) {
    try (Workload w = Workloads.trace(TraceSpec.of("google-2011", List.of(google)))) {
      JobSpec j;
      while ((j = w.next()) != null) {
        bh.consume(j);
      }
    }
  }

  @Benchmark
  public void googleJobsExact(Blackhole bh) {
    try (Workload w = Workloads.traceWithRuntimes(TraceSpec.of("google-2011", List.of(google)))) {
      JobSpec j;
      while ((j = w.next()) != null) {
        bh.consume(j);
      }
    }
  }

  @Benchmark
  public long swfScan() {
    SwfReader r = new SwfReader(List.of(swf), new TreeMap<>(), false);
    try (r) {
      return r.scanRowsOnly();
    }
  }

  @Benchmark
  public void swfJobs(Blackhole bh) {
    try (Workload w = Workloads.trace(TraceSpec.of("swf", List.of(swf)))) {
      JobSpec j;
      while ((j = w.next()) != null) {
        bh.consume(j);
      }
    }
  }

  /**
   * Heap measurement without JMH: reads the whole Google part with the default lookahead, 0 and
   * unbounded, sampling the used heap (after GC) every 2,000 jobs while the reader holds its state
   * (the jobs themselves are dropped), and prints the peak against the peak of live tasks. Run:
   * {@code java -cp benchmarks/target/benchmarks.jar org.mesosim.bench.TraceReadBenchmark}.
   */
  public static void main(String[] args) throws Exception {
    Path g = traces().resolve(GOOGLE);
    Runtime rt = Runtime.getRuntime();
    for (long h : new long[] {GoogleTaskEventsReader.DEFAULT_LOOKAHEAD, 0, GoogleTaskEventsReader.UNBOUNDED}) {
      long base = usedAfterGc(rt);
      GoogleTaskEventsReader r = new GoogleTaskEventsReader(List.of(g), new TreeMap<>(), false, 0, SimTime.NEVER, h);
      long jobs = 0;
      long tasks = 0;
      long maxHeap = 0;
      long atJob = 0;
      JobSpec j;
      while ((j = r.next()) != null) {
        jobs++;
        tasks += j.tasks().size();
        if (jobs == 1 || jobs % 2_000 == 0) {
          long used = usedAfterGc(rt) - base;
          if (used > maxHeap) {
            maxHeap = used;
            atJob = jobs;
          }
        }
      }
      long end = usedAfterGc(rt) - base;
      System.out.printf("lookahead %s: jobs %d tasks %d, max buffered episodes %d, deferred %d, peak live tasks %d;"
          + " max retained heap %.1f MB (at job %d) = %.0f bytes per peak live task; after the end %.1f MB%n",
          h == GoogleTaskEventsReader.UNBOUNDED ? "unbounded" : (h / SimTime.SECOND) + " s", jobs, tasks,
          r.maxBufferedEpisodes(), r.deferredTotal(), r.maxLiveTasks(), maxHeap / 1e6, atJob,
          maxHeap / (double) r.maxLiveTasks(), end / 1e6);
    }
    // throughput per CPU second of this thread (the machine is shared; wall-clock rates vary)
    java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
    Path s = traces().resolve(SWF);
    for (int round = 0; round < 3; round++) {
      long c0 = mx.getCurrentThreadCpuTime();
      long t0 = System.nanoTime();
      long rows = 0;
      for (int i = 0; i < 5; i++) {
        rows += new GoogleTaskEventsReader(List.of(g), new TreeMap<>(), false, SimTime.NEVER).scanRowsOnly();
      }
      long c1 = mx.getCurrentThreadCpuTime();
      long t1 = System.nanoTime();
      long jobRows = 0;
      for (int i = 0; i < 2; i++) {
        try (Workload w = Workloads.trace(TraceSpec.of("google-2011", List.of(g)))) {
          while (w.next() != null) {
            jobRows += 0;
          }
          jobRows += w.stats().rows();
        }
      }
      long c2 = mx.getCurrentThreadCpuTime();
      long t2 = System.nanoTime();
      long swfRows = 0;
      for (int i = 0; i < 20; i++) {
        swfRows += new SwfReader(List.of(s), new TreeMap<>(), false).scanRowsOnly();
      }
      long c3 = mx.getCurrentThreadCpuTime();
      long t3 = System.nanoTime();
      System.out.printf("round %d: google scan %.2f M rows/cpu-s (%.2f wall), google jobs %.2f M rows/cpu-s (%.2f wall),"
          + " swf scan %.2f M rows/cpu-s (%.2f wall)%n", round,
          rows / ((c1 - c0) / 1e3), rows / ((t1 - t0) / 1e3), jobRows / ((c2 - c1) / 1e3), jobRows / ((t2 - t1) / 1e3),
          swfRows / ((c3 - c2) / 1e3), swfRows / ((t3 - t2) / 1e3));
    }
  }

  private static long usedAfterGc(Runtime rt) throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(50);
    }
    return rt.totalMemory() - rt.freeMemory();
  }
}
