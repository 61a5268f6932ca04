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
 * One tiny sweep (4 short runs) run by the local {@code mesosim sweep} and by Spark in local mode with
 * two executor threads: the same sweep.csv apart from the wall_s column (so the same digests), then
 * resuming, and shipping the sweep's folder with Spark's file distribution. One Spark context for the
 * class: its start-up is most of the time. Charts are left out (--no-charts: the same results, less time).
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

    Path viaSpark = dir.resolve("spark");
    Out s = spark(sweep, viaSpark, null);
    assertEquals(ExitCodes.OK, s.code(), s.out() + s.err());
    assertEquals("sweep: 4 of 4 runs done; " + viaSpark.resolve("sweep.csv"), s.out().lines().findFirst().orElse(""));
    assertTrue(s.out().strip().endsWith("results: " + viaSpark.toAbsolutePath()), s.out());
    // the driver writes the local sweep's aggregate over seeds (SweepPlan.writeAggregate): the same files,
    // the same summary
    List<String> top = files(local).stream().filter(f -> !f.startsWith("runs/")).toList();
    assertTrue(top.contains("comparison_summary.csv"), top.toString());
    assertEquals(top, files(viaSpark).stream().filter(f -> !f.startsWith("runs/")).toList());
    assertEquals(Files.readString(local.resolve("comparison_summary.csv")),
        Files.readString(viaSpark.resolve("comparison_summary.csv")));
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
    List<String> csv = Files.readAllLines(out.resolve("sweep.csv"));
    assertEquals(2, csv.size(), csv.toString());
    assertTrue(csv.get(1).startsWith("0001,"), csv.toString());
    assertTrue(Files.isRegularFile(out.resolve("runs/0001/row.json")));
    assertFalse(Files.exists(out.resolve("runs/0002/row.json")), "a failed run is not finished");
  }
}
