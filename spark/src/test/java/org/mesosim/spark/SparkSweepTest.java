package org.mesosim.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mesosim.cli.ExitCodes;
import org.mesosim.cli.MesosimCommand;
import org.mesosim.cli.Services;

/**
 * One tiny sweep (4 short runs) run by the local {@code mesosim sweep} and by {@code mesosim sweep
 * --engine spark} in Spark's local mode with two executor threads: the same sweep.csv apart from the
 * wall_s column (so the same digests) and the same aggregate, then resuming, and shipping the sweep's
 * folder with Spark's file distribution; one tiny comparison by {@code mesosim compare} and by
 * {@code compare --engine spark}, also through the staged aggregate of a remote file system: the same
 * aggregate, byte for byte. One Spark context for the class (the commands use the running one): its
 * start-up is most of the time. The runs draw no charts (the same results, less time).
 */
class SparkSweepTest {
  static JavaSparkContext jsc;
  @TempDir static Path dir;

  static final String SCENARIO = """
      name: tiny
      seed: 7
      cluster:
        agents: [{name: small, count: 2, resources: {cpus: 4, mem: 8GB}}]
      frameworks:
        - name: A
          workload: {synthetic: {jobs: 6, task: {resources: {cpus: 1, mem: 512MB}, duration: 10s}}}
        - name: B
          workload: {synthetic: {jobs: 4, task: {resources: {cpus: 2, mem: 1GB}, duration: 20s}}}
      """;

  static final String SWEEP = """
      scenario: tiny.yaml
      seeds: 2
      grid:
        allocator.policy: [hierarchical-drf, fifo]
      """;

  @BeforeAll
  static void start() {
    jsc = new JavaSparkContext(new SparkConf().setMaster("local[2]").setAppName("mesosim-test")
        .set("spark.ui.enabled", "false").set("spark.driver.host", "127.0.0.1")
        .set("spark.driver.bindAddress", "127.0.0.1"));
    jsc.setLogLevel("WARN");
  }

  @AfterAll
  static void stop() {
    if (jsc != null) {
      jsc.close();
    }
  }

  record Out(int code, String out, String err) {}

  /** {@code mesosim ARGS...} in this JVM (with --engine spark: on the class's Spark context). */
  static Out cli(String... args) {
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    int code = MesosimCommand.commandLine(Services.standard(), new PrintWriter(o, true), new PrintWriter(e, true))
        .execute(args);
    return new Out(code, o.toString(), e.toString());
  }

  /** The files of {@code d} outside the runs' folders (sweep.csv and the aggregate), relative to it. */
  static List<String> aggregateFiles(Path d, String runPrefix) throws Exception {
    return files(d).stream().filter(f -> !f.startsWith(runPrefix) && !f.contains("-seed")).toList();
  }

  /** Every file of the aggregate is the same bytes in both folders ({@code sweep.csv} apart). */
  static void sameAggregate(Path expected, Path actual, String runPrefix) throws Exception {
    List<String> top = aggregateFiles(expected, runPrefix);
    assertTrue(top.contains("comparison_summary.csv") && top.contains("comparison.html"), top.toString());
    assertEquals(top, aggregateFiles(actual, runPrefix));
    for (String f : top) {
      if (!f.equals("sweep.csv")) {
        assertTrue(java.util.Arrays.equals(Files.readAllBytes(expected.resolve(f)), Files.readAllBytes(actual.resolve(f))),
            f);
      }
    }
  }

  static Out spark(Path sweep, Path out, Path ship) throws Exception {
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    int code = SparkSweep.run(jsc, sweep, out.toString(), ship, true, new PrintWriter(o, true), new PrintWriter(e, true));
    return new Out(code, o.toString(), e.toString());
  }

  /** sweep.csv with the wall_s cells emptied (the one column that may differ). */
  static List<String> withoutWallTime(Path csv) throws Exception {
    List<String> lines = Files.readAllLines(csv);
    int col = List.of(lines.get(0).split(",", -1)).indexOf("wall_s");
    assertTrue(col > 0, lines.get(0));
    return lines.stream().map(l -> {
      String[] c = l.split(",", -1);
      c[col] = "";
      return String.join(",", c);
    }).toList();
  }

  static List<String> files(Path root) throws Exception {
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(Files::isRegularFile).map(p -> root.relativize(p).toString()).sorted().toList();
    }
  }

  @Test
  void tinySweep_sparkLocal2_sameCsvAndDigestsAsTheLocalSweep_resumes_andShipsTheSweepFolder() throws Exception {
    Path in = Files.createDirectories(dir.resolve("in"));
    Files.writeString(in.resolve("tiny.yaml"), SCENARIO);
    Path sweep = Files.writeString(in.resolve("tiny-sweep.yaml"), SWEEP);

    Path local = dir.resolve("local");
    StringWriter lo = new StringWriter();
    StringWriter le = new StringWriter();
    int lc = MesosimCommand.commandLine(Services.standard(), new PrintWriter(lo, true), new PrintWriter(le, true))
        .execute("sweep", sweep.toString(), "--out", local.toString(), "--parallel", "2", "--no-charts");
    assertEquals(ExitCodes.OK, lc, lo + "\n" + le);

    // the command line's path: mesosim sweep --engine spark hands the sweep to SparkSweep
    Path viaSpark = dir.resolve("spark");
    Out s = cli("sweep", sweep.toString(), "--engine", "spark", "--master", "local[2]", "--out", viaSpark.toString(),
        "--no-charts");
    assertEquals(ExitCodes.OK, s.code(), s.out() + s.err());
    assertEquals("sweep: 4 of 4 runs done; " + viaSpark.resolve("sweep.csv"), s.out().lines().findFirst().orElse(""));
    assertTrue(s.out().strip().endsWith("results: " + viaSpark), s.out());
    // the driver writes the local sweep's aggregate over seeds (Batch.report): the same files, the same bytes,
    // and the same results table
    sameAggregate(local, viaSpark, "runs/");
    assertEquals(lo.toString().substring(lo.toString().indexOf("\n\n")).replace(local.toString(), "OUT"),
        s.out().substring(s.out().indexOf("\n\n")).replace(viaSpark.toString(), "OUT"));
    List<String> expected = withoutWallTime(local.resolve("sweep.csv"));
    assertEquals(5, expected.size());
    assertEquals(expected, withoutWallTime(viaSpark.resolve("sweep.csv")));
    // the digests are real, and another seed is another run
    List<String> digests = expected.stream().skip(1).map(l -> l.split(",")[3]).toList();
    assertFalse(digests.get(0).equals(digests.get(1)), expected.toString());
    assertTrue(digests.stream().allMatch(d -> d.matches("[0-9a-f]{16,}")), digests.toString());
    // the same files per run as the local sweep (no checksum or temporary files)
    assertEquals(files(local.resolve("runs")), files(viaSpark.resolve("runs")));
    assertFalse(files(viaSpark).stream().anyMatch(f -> f.endsWith(".crc") || f.endsWith(".partial")));

    // resuming: nothing runs again, and sweep.csv is the same bytes
    String before = Files.readString(viaSpark.resolve("sweep.csv"));
    Out again = spark(sweep, viaSpark, null);
    assertEquals(ExitCodes.OK, again.code(), again.err());
    assertTrue(again.err().contains("sweep: resuming; 4 of 4 runs already finished"), again.err());
    assertEquals(before, Files.readString(viaSpark.resolve("sweep.csv")));

    // the local sweep's folder resumed by Spark with the sweep's folder shipped to the executors: only
    // the run whose row is gone runs again
    Files.delete(local.resolve("runs/0003/row.json"));
    Out shipped = spark(sweep, local, in);
    assertEquals(ExitCodes.OK, shipped.code(), shipped.err());
    assertTrue(shipped.err().contains("sweep: resuming; 3 of 4 runs already finished"), shipped.err());
    assertEquals(expected, withoutWallTime(local.resolve("sweep.csv")));
  }

  @Test
  void aRunThatFailsAtRunTime_isReportedWithItsClass_andTheOtherRunsFinish() throws Exception {
    // a gang job of 9 one-cpu tasks on 8 cpus never starts: that run stops with bad input (exit 2)
    Path in = Files.createDirectories(dir.resolve("stuck"));
    Files.writeString(in.resolve("gang.yaml"), """
        name: gang
        allocator: {interval: 10m}
        metrics: {sampleInterval: 1h}
        cluster:
          agents: [{name: small, count: 2, resources: {cpus: 4, mem: 8GB}}]
        frameworks:
          - name: A
            scheduler: {type: gang}
            workload:
              synthetic: {jobs: 2, arrival: {at: 5s}, tasksPerJob: 2, task: {resources: {cpus: 1, mem: 512MB}, duration: 10s}}
        """);
    Path sweep = Files.writeString(in.resolve("gang-sweep.yaml"), """
        scenario: gang.yaml
        grid:
          frameworks[0].workload.synthetic.tasksPerJob: [2, 9]
        """);
    Path out = dir.resolve("stuck-out");
    Out s = spark(sweep, out, null);
    assertEquals(ExitCodes.BAD_INPUT, s.code(), s.out() + s.err());
    List<String> err = s.err().strip().lines().toList();
    assertTrue(err.get(0).startsWith("sweep: run 0002 failed (bad input, exit 2): " + in.resolve("gang.yaml")
        + ": until: drained, but the run cannot drain"), s.err());
    assertEquals("1 of 2 runs failed; run the sweep again to resume", err.get(err.size() - 1));
    assertFalse(Files.exists(out.resolve("comparison_summary.csv")), "no aggregate without every run");
    List<String> csv = Files.readAllLines(out.resolve("sweep.csv"));
    assertEquals(2, csv.size(), csv.toString());
    assertTrue(csv.get(1).startsWith("0001,"), csv.toString());
    assertTrue(Files.isRegularFile(out.resolve("runs/0001/row.json")));
    assertFalse(Files.exists(out.resolve("runs/0002/row.json")), "a failed run is not finished");
  }

  @Test
  void compare_engineSpark_andStagedThroughAHadoopFileSystem_writeTheLocalCompareByteForByte() throws Exception {
    Path in = Files.createDirectories(dir.resolve("cmp"));
    Path scenario = Files.writeString(in.resolve("tiny.yaml"), SCENARIO);
    // the runs draw no charts; the aggregate draws its own
    String[] args = {"compare", scenario.toString(), "--allocators", "fifo,hierarchical-drf", "--seeds", "2",
        "--set", "report.charts=[]", "--quiet"};
    Path local = dir.resolve("cmp-local");
    Out l = cli(with(args, "--out", local.toString(), "--parallel", "2"));
    assertEquals(ExitCodes.OK, l.code(), l.out() + l.err());
    Path viaSpark = dir.resolve("cmp-spark");
    Out s = cli(with(args, "--out", viaSpark.toString(), "--engine", "spark", "--master",
        "local[2]"));
    assertEquals(ExitCodes.OK, s.code(), s.out() + s.err());
    assertTrue(files(local).contains("charts/fairness.png"), files(local).toString());
    sameAggregate(local, viaSpark, "runs/");
    // the same table of runs (apart from wall_s), results table and run folders
    assertEquals(withoutWall(l.out()).replace(local.toString(), "OUT"), withoutWall(s.out()).replace(viaSpark.toString(),
        "OUT"));
    assertEquals(files(local), files(viaSpark));

    // OUT on a file system java.nio does not reach (HDFS, S3A): the aggregate is written from staged copies of
    // the runs' summaries and series, then copied; here through Hadoop's file: system, into the same folder
    // (every run resumes; the earlier aggregate is removed through Hadoop's listing, then written again)
    Path staged = viaSpark;
    Files.writeString(staged.resolve("charts/notes.txt"), "kept");
    Files.writeString(staged.resolve("comparison.html"), "stale"); // so that a staged aggregate not copied shows
    Files.writeString(staged.resolve("charts/fairness.png"), "stale");
    Files.delete(staged.resolve("comparison_summary.csv"));
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    int code = SparkSweep.run(jsc, new org.mesosim.cli.sweep.PlanSource(org.mesosim.cli.sweep.SweepPlan.Kind.COMPARE,
        scenario.toString(), List.of("report.charts=[]"), List.of("fifo", "hierarchical-drf"), 2, false),
        staged.toUri().toString(), null, false, List.of(), true, new PrintWriter(o, true), new PrintWriter(e, true));
    assertEquals(ExitCodes.OK, code, o + "\n" + e);
    assertTrue(e.toString().contains("compare: resuming; 4 of 4 runs already finished"), e.toString());
    assertEquals("kept", Files.readString(staged.resolve("charts/notes.txt")), "files an aggregate does not write stay");
    Files.delete(staged.resolve("charts/notes.txt"));
    sameAggregate(local, staged, "runs/");
    assertFalse(files(staged).stream().anyMatch(f -> f.endsWith(".crc") || f.contains(".partial")), files(staged).toString());
  }

  /** Compare's stdout with the wall_s column blanked. */
  static String withoutWall(String out) {
    return out.replaceAll("(?m)^(\\S+\\s+\\d+\\s+\\d+\\s+\\S+)\\s+\\S+(\\s+[0-9a-f]+)$", "$1 -$2");
  }

  /** {@code a}, then {@code more}. */
  static String[] with(String[] a, String... more) {
    return Stream.concat(java.util.Arrays.stream(a), java.util.Arrays.stream(more)).toArray(String[]::new);
  }
}
