package org.mesosim.cli.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mesosim.cli.ExitCodes;
import org.mesosim.cli.Services;
import org.mesosim.cli.scenario.TestCatalog;

/**
 * {@code sweep --shard I/N} and {@code sweep merge}: shards joined give the unsharded sweep's sweep.csv;
 * {@code compare --shard I/N} and {@code compare merge}: the unsharded comparison's runs and aggregate.
 */
class ShardMergeTest {
  @TempDir Path dir;

  static final String GRID = """
      scenario: good.yaml
      seeds: 2
      grid:
        allocator.policy: [hierarchical-drf, fifo]
        frameworks[0].scheduler.refuseSeconds: [0, 5]
      parallel: 1
      """;

  /** The aggregates over seeds the commands asked for, in order. */
  final List<Services.Comparison> comparisons = new java.util.ArrayList<>();

  Services services(FakeRunner r) {
    return new Services(new TestCatalog(), r, c -> {
      comparisons.add(c);
      return "";
    }, null, () -> false);
  }

  /** What an aggregate is over, with each run's folder relative to the output folder (to compare two of them). */
  static List<String> aggregate(Services.Comparison c) {
    List<String> out = new java.util.ArrayList<>();
    for (int i = 0; i < c.runs().size(); i++) {
      out.add(c.labels().get(i) + " | " + c.dir().relativize(c.runs().get(i).outDir()) + " | "
          + c.runs().get(i).digest());
    }
    out.add(c.groupColumn() + " " + c.dimensions() + " " + c.metrics() + " charts=" + c.charts());
    return out;
  }

  Path write(String name, String text) throws Exception {
    Path p = dir.resolve(name);
    Files.writeString(p, text);
    return p;
  }

  Cli sweep(FakeRunner r, Path file, Path out, String... more) {
    List<String> args = new java.util.ArrayList<>(List.of("sweep", file.toString(), "--out", out.toString()));
    args.addAll(List.of(more));
    return Cli.run(services(r), args.toArray(String[]::new));
  }

  static List<String> runIds(Path out) throws Exception {
    try (Stream<Path> s = Files.list(out.resolve("runs"))) {
      return s.filter(p -> Files.exists(p.resolve("row.json"))).map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void threeShards_eachRunsEveryThirdRun_andMergedGiveTheUnshardedSweepCsv() throws Exception {
    write("good.yaml", CommandsTest.GOOD);
    Path sweep = write("grid.yaml", GRID);
    Cli whole = sweep(new FakeRunner(), sweep, dir.resolve("whole"));
    assertEquals(ExitCodes.OK, whole.code, whole.toString());
    assertEquals(1, comparisons.size(), "the unsharded sweep writes the aggregate over seeds");
    FakeRunner[] runners = new FakeRunner[3];
    for (int i = 0; i < 3; i++) {
      runners[i] = new FakeRunner();
      Cli s = sweep(runners[i], sweep, dir.resolve("shard" + i), "--shard", i + "/3");
      assertEquals(ExitCodes.OK, s.code, s.toString());
      assertFalse(Files.exists(dir.resolve("shard" + i).resolve("sweep.csv")), "a shard writes no sweep.csv");
      assertTrue(Files.isRegularFile(dir.resolve("shard" + i).resolve("shard-" + i + "-of-3.json")));
    }
    assertEquals(1, comparisons.size(), "a shard writes no aggregate: the merge does");
    // run NNNN belongs to shard (NNNN-1) mod 3
    assertEquals(List.of("0001", "0004", "0007"), runIds(dir.resolve("shard0")));
    assertEquals(List.of("0002", "0005", "0008"), runIds(dir.resolve("shard1")));
    assertEquals(List.of("0003", "0006"), runIds(dir.resolve("shard2")));
    assertEquals(2, runners[2].seen.size());
    assertEquals("fifo", runners[2].seen.get(1).scenario().allocator().policy()); // run 0006: fifo, refuse 0, seed 2
    assertEquals(2, runners[2].seen.get(1).scenario().seed());

    Path merged = dir.resolve("merged");
    Cli m = Cli.run(services(new FakeRunner()), "sweep", "merge", "--out", merged.toString(),
        dir.resolve("shard2").toString(), dir.resolve("shard0").toString(), dir.resolve("shard1").toString());
    assertEquals(ExitCodes.OK, m.code, m.toString());
    assertEquals(List.of("sweep merge: 8 of 8 runs from 3 shards; " + merged.resolve("sweep.csv"),
        "results: " + merged), m.out.strip().lines().toList());
    // the merge writes the aggregate the unsharded sweep wrote: the same groups, runs and grid
    assertEquals(2, comparisons.size());
    assertEquals(merged, comparisons.get(1).dir());
    assertEquals(aggregate(comparisons.get(0)), aggregate(comparisons.get(1)));
    assertEquals("allocator.policy=hierarchical-drf, frameworks[0].scheduler.refuseSeconds=5",
        comparisons.get(1).labels().get(2));
    assertEquals(Files.readString(dir.resolve("whole").resolve("sweep.csv")), Files.readString(merged.resolve("sweep.csv")));
    assertEquals(8, runIds(merged).size());
    assertTrue(Files.isRegularFile(merged.resolve("runs/0005/scenario.resolved.yaml")), "run folders are copied");
    // the merged folder is a finished unsharded sweep: running it resumes everything
    FakeRunner none = new FakeRunner();
    Cli again = sweep(none, sweep, merged);
    assertEquals(ExitCodes.OK, again.code, again.toString());
    assertEquals(0, none.seen.size());
    assertEquals(Files.readString(dir.resolve("whole").resolve("sweep.csv")), Files.readString(merged.resolve("sweep.csv")));
  }

  @Test
  void shardsSharingOneFolder_mergeInPlace_andAShardResumes() throws Exception {
    write("good.yaml", CommandsTest.GOOD);
    Path sweep = write("grid.yaml", GRID);
    Path out = dir.resolve("shared");
    assertEquals(ExitCodes.OK, sweep(new FakeRunner(), sweep, out, "--shard", "0/2").code);
    FakeRunner failing = new FakeRunner();
    failing.failOnCall = 2;
    Cli f = sweep(failing, sweep, out, "--shard", "1/2");
    assertEquals(ExitCodes.ERROR, f.code, f.toString());
    // a run of shard 1 is unfinished: the merge names it, writes the finished rows and exits 1
    Cli m = Cli.run(services(new FakeRunner()), "sweep", "merge", "--out", out.toString(), out.toString());
    assertEquals(ExitCodes.ERROR, m.code, m.toString());
    assertEquals(List.of(), comparisons, "a merge that lacks runs writes no aggregate");
    assertTrue(m.err.contains("sweep merge: run 0004 (shard 1/2, " + out + ") is not finished"), m.err);
    assertTrue(m.err.contains("error: 1 of 8 runs are not finished; run their shards again (they resume), then merge"
        + " again"), m.err);
    FakeRunner resume = new FakeRunner();
    assertEquals(ExitCodes.OK, sweep(resume, sweep, out, "--shard", "1/2").code);
    assertEquals(1, resume.seen.size(), "only the failed run of shard 1 runs again");
    Cli ok = Cli.run(services(new FakeRunner()), "sweep", "merge", "--out", out.toString(), out.toString());
    assertEquals(ExitCodes.OK, ok.code, ok.toString());
    assertEquals(ExitCodes.OK, sweep(new FakeRunner(), sweep, dir.resolve("whole")).code);
    assertEquals(Files.readString(dir.resolve("whole").resolve("sweep.csv")), Files.readString(out.resolve("sweep.csv")));
  }

  @Test
  void inconsistentOverlappingOrMissingShards_exit2_andNothingWritten() throws Exception {
    write("good.yaml", CommandsTest.GOOD);
    Path sweep = write("grid.yaml", GRID);
    Path other = write("other.yaml", GRID.replace("[0, 5]", "[0, 7]"));
    for (int i = 0; i < 2; i++) {
      assertEquals(ExitCodes.OK, sweep(new FakeRunner(), sweep, dir.resolve("a" + i), "--shard", i + "/2").code);
    }
    assertEquals(ExitCodes.OK, sweep(new FakeRunner(), other, dir.resolve("o1"), "--shard", "1/2").code);
    assertEquals(ExitCodes.OK, sweep(new FakeRunner(), sweep, dir.resolve("b0"), "--shard", "0/3").code);
    Path out = dir.resolve("out");

    Cli otherSweep = merge(out, "a0", "o1");
    assertEquals(ExitCodes.BAD_INPUT, otherSweep.code, otherSweep.toString());
    assertTrue(otherSweep.err.startsWith(dir.resolve("o1").resolve("shard-1-of-2.json") + ": a shard of another sweep"
        + " than " + dir.resolve("a0").resolve("shard-0-of-2.json")), otherSweep.err);

    Cli overlap = merge(out, "a0", "a1", "b0");
    assertEquals(ExitCodes.BAD_INPUT, overlap.code, overlap.toString());
    assertTrue(overlap.err.contains("shard 0/3 does not fit with shard 0/2"), overlap.err);

    Cli missing = merge(out, "a1");
    assertEquals(ExitCodes.BAD_INPUT, missing.code, missing.toString());
    assertEquals("sweep merge: shard 0/2 of sweep grid not given (run `sweep --shard` for it, or name the folder that"
        + " holds it)", missing.err.strip());

    copy(dir.resolve("a0"), dir.resolve("a0copy"));
    Cli twice = merge(out, "a0", "a1", "a0copy");
    assertEquals(ExitCodes.BAD_INPUT, twice.code, twice.toString());
    assertTrue(twice.err.contains("shard 0/2 is given twice"), twice.err);

    Cli notShard = merge(out, "a0", "a1", "nope");
    assertEquals(ExitCodes.BAD_INPUT, notShard.code);
    assertTrue(notShard.err.startsWith(dir.resolve("nope") + ": no such folder"), notShard.err);
    assertFalse(Files.exists(out), "a refused merge writes nothing");

    for (String bad : List.of("2/2", "-1/2", "0/0", "1", "a/b")) {
      Cli r = sweep(new FakeRunner(), sweep, dir.resolve("x"), "--shard", bad);
      assertEquals(ExitCodes.BAD_INPUT, r.code, r.toString());
      assertEquals("--shard: expected I/N with 0 <= I < N (e.g. 0/4 ... 3/4), not '" + bad + "'", r.err.strip());
    }
  }

  Cli merge(Path out, String... dirs) {
    List<String> args = new java.util.ArrayList<>(List.of("sweep", "merge", "--out", out.toString()));
    for (String d : dirs) {
      args.add(dir.resolve(d).toString());
    }
    return Cli.run(services(new FakeRunner()), args.toArray(String[]::new));
  }

  static void copy(Path from, Path to) throws Exception {
    try (Stream<Path> s = Files.walk(from)) {
      for (Path f : s.sorted().toList()) {
        Path t = to.resolve(from.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(t);
        } else {
          Files.copy(f, t);
        }
      }
    }
  }

  @Test
  void engineSpark_withoutSparkOnTheClassPath_exit2SayingToUseSparkSubmit() throws Exception {
    write("good.yaml", CommandsTest.GOOD);
    Path sweep = write("grid.yaml", GRID);
    Cli r = sweep(new FakeRunner(), sweep, dir.resolve("s"), "--engine", "spark", "--master", "local[2]");
    assertEquals(ExitCodes.BAD_INPUT, r.code, r.toString());
    assertEquals("--engine spark: Spark and mesosim-spark.jar are not on the class path of this mesosim; submit the"
        + " runs to Spark instead: spark-submit --master local[2] --class org.mesosim.spark.SparkSweep"
        + " spark/target/mesosim-spark.jar " + sweep + " --out " + dir.resolve("s") + " (docs/spark.md)", r.err.strip());
    Path scenario = dir.resolve("good.yaml");
    Cli c = Cli.run(services(new FakeRunner()), "compare", scenario.toString(), "--allocators", "fifo,hierarchical-drf",
        "--seeds", "3", "--set", "frameworks[0].scheduler.refuseSeconds=2", "--out", dir.resolve("s").toString(),
        "--engine", "spark", "--no-charts");
    assertEquals(ExitCodes.BAD_INPUT, c.code, c.toString());
    assertEquals("--engine spark: Spark and mesosim-spark.jar are not on the class path of this mesosim; submit the"
        + " runs to Spark instead: spark-submit --master URL --class org.mesosim.spark.SparkSweep"
        + " spark/target/mesosim-spark.jar " + scenario + " --allocators fifo,hierarchical-drf --seeds 3 --set"
        + " frameworks[0].scheduler.refuseSeconds=2 --out " + dir.resolve("s") + " --no-charts (docs/spark.md)",
        c.err.strip());
    // a Hadoop URI is handed on as typed (not as a path, which would drop a slash of hdfs://)
    Cli hdfs = Cli.run(services(new FakeRunner()), "sweep", sweep.toString(), "--engine", "spark", "--out",
        "hdfs://namenode:8020/runs/study");
    assertEquals(ExitCodes.BAD_INPUT, hdfs.code, hdfs.toString());
    assertTrue(hdfs.err.strip().endsWith(sweep + " --out hdfs://namenode:8020/runs/study (docs/spark.md)"), hdfs.err);
    Cli shardSpark = Cli.run(services(new FakeRunner()), "compare", scenario.toString(), "--allocators", "fifo",
        "--engine", "spark", "--shard", "0/2");
    assertEquals(ExitCodes.BAD_INPUT, shardSpark.code, shardSpark.toString());
    assertEquals("--engine spark: --shard is for the local engine (Spark makes one task per run; give executors cores"
        + " instead)", shardSpark.err.strip());
    Cli bad = sweep(new FakeRunner(), sweep, dir.resolve("s"), "--engine", "flink");
    assertEquals(ExitCodes.BAD_INPUT, bad.code, bad.toString());
    assertEquals("--engine: expected local or spark, not 'flink'", bad.err.strip());
    assertFalse(Files.exists(dir.resolve("s")), "nothing ran");
  }

  Cli compare(FakeRunner r, Path out, String... more) {
    List<String> args = new java.util.ArrayList<>(List.of("compare", dir.resolve("good.yaml").toString(),
        "--allocators", "hierarchical-drf,fifo", "--seeds", "3", "--parallel", "1", "--out", out.toString()));
    args.addAll(List.of(more));
    return Cli.run(services(r), args.toArray(String[]::new));
  }

  /** The folders of a comparison's finished runs (those with a row.json). */
  static List<String> compareRuns(Path out) throws Exception {
    try (Stream<Path> s = Files.list(out)) {
      return s.filter(p -> Files.exists(p.resolve("row.json"))).map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  /** A compare's stdout with the wall-time column blanked (the one column that may differ). */
  static String withoutWallTime(String out) {
    return out.replaceAll("(?m)^(\\S+\\s+\\d+\\s+\\d+\\s+\\S+)\\s+\\S+(\\s+[0-9a-f]+)$", "$1 -$2");
  }

  @Test
  void compareInShards_eachRunsEveryNthPolicySeedRun_mergedGiveTheUnshardedRunsAndAggregate() throws Exception {
    write("good.yaml", CommandsTest.GOOD);
    Cli whole = compare(new FakeRunner(), dir.resolve("whole"));
    assertEquals(ExitCodes.OK, whole.code, whole.toString());
    assertEquals(1, comparisons.size());
    FakeRunner[] runners = new FakeRunner[2];
    for (int i = 0; i < 2; i++) {
      runners[i] = new FakeRunner();
      Cli s = compare(runners[i], dir.resolve("c" + i), "--shard", i + "/2");
      assertEquals(ExitCodes.OK, s.code, s.toString());
      assertEquals("compare: shard " + i + "/2: 3 of 3 runs done in " + dir.resolve("c" + i) + "; join the shards"
          + " with: mesosim compare merge --out DIR SHARD_DIR...", s.out.strip());
      assertTrue(Files.isRegularFile(dir.resolve("c" + i).resolve("shard-" + i + "-of-2.json")));
    }
    assertEquals(1, comparisons.size(), "a shard writes no aggregate: the merge does");
    // the k-th run (policies in order, then seeds) belongs to shard k mod 2
    assertEquals(List.of("fifo-seed2", "hierarchical-drf-seed1", "hierarchical-drf-seed3"), compareRuns(dir.resolve("c0")));
    assertEquals(List.of("fifo-seed1", "fifo-seed3", "hierarchical-drf-seed2"), compareRuns(dir.resolve("c1")));
    assertEquals(List.of("hierarchical-drf", "fifo", "fifo"), runners[1].seen.stream()
        .map(q -> q.scenario().allocator().policy()).toList());

    Path merged = dir.resolve("merged");
    Cli m = Cli.run(services(new FakeRunner()), "compare", "merge", "--out", merged.toString(),
        dir.resolve("c1").toString(), dir.resolve("c0").toString());
    assertEquals(ExitCodes.OK, m.code, m.toString());
    assertEquals("compare merge: 6 of 6 runs from 2 shards", m.out.lines().findFirst().orElse(""));
    // the same table of runs (policy, then seed order) and the same aggregate as the unsharded compare
    assertEquals(withoutWallTime(whole.out), withoutWallTime(m.out.substring(m.out.indexOf('\n') + 1)
        .replace("results: " + merged, "results: " + dir.resolve("whole"))));
    assertEquals(2, comparisons.size());
    assertEquals(merged, comparisons.get(1).dir());
    assertEquals(aggregate(comparisons.get(0)), aggregate(comparisons.get(1)));
    assertEquals(List.of("hierarchical-drf", "hierarchical-drf", "hierarchical-drf", "fifo", "fifo", "fifo"),
        comparisons.get(1).labels());
    assertEquals("policy", comparisons.get(1).groupColumn());
    assertEquals(compareRuns(dir.resolve("whole")), compareRuns(merged));
    assertTrue(Files.isRegularFile(merged.resolve("fifo-seed2/scenario.resolved.yaml")), "run folders are copied");
    assertFalse(Files.exists(merged.resolve("sweep.csv")), "a comparison has no sweep.csv");
  }

  @Test
  void compareShard_resumes_andTheMergeNamesUnfinishedRuns_orRefusesSweepShardsAndOtherComparisons()
      throws Exception {
    write("good.yaml", CommandsTest.GOOD);
    Path out = dir.resolve("shared");
    assertEquals(ExitCodes.OK, compare(new FakeRunner(), out, "--shard", "0/2").code);
    FakeRunner failing = new FakeRunner();
    failing.failOnCall = 2;
    Cli f = compare(failing, out, "--shard", "1/2");
    assertEquals(ExitCodes.ERROR, f.code, f.toString());
    assertEquals(List.of("run fifo seed 1 (" + out.resolve("fifo-seed1") + ") failed: interrupted",
        "error: 1 of 3 runs failed; run the compare again to resume (--debug shows the stack trace)"),
        f.err.strip().lines().toList());
    Cli m = Cli.run(services(new FakeRunner()), "compare", "merge", "--out", out.toString(), out.toString());
    assertEquals(ExitCodes.ERROR, m.code, m.toString());
    assertEquals(List.of(), comparisons, "a merge that lacks runs writes no aggregate");
    assertTrue(m.err.contains("compare merge: run fifo-seed1 (shard 1/2, " + out + ") is not finished"), m.err);
    FakeRunner resume = new FakeRunner();
    Cli again = compare(resume, out, "--shard", "1/2");
    assertEquals(ExitCodes.OK, again.code, again.toString());
    assertTrue(again.err.contains("compare: resuming; 2 of 3 runs already finished"), again.err);
    assertEquals(1, resume.seen.size(), "only the failed run of shard 1 runs again");
    Cli ok = Cli.run(services(new FakeRunner()), "compare", "merge", "--out", out.toString(), out.toString());
    assertEquals(ExitCodes.OK, ok.code, ok.toString());
    assertEquals(1, comparisons.size());

    // another comparison (another --set), a sweep's shards, and the other way round: exit 2, nothing written
    Cli other = compare(new FakeRunner(), dir.resolve("o"), "--shard", "1/2", "--set",
        "frameworks[0].scheduler.refuseSeconds=2");
    assertEquals(ExitCodes.OK, other.code, other.toString());
    Path none = dir.resolve("none");
    Cli mixed = Cli.run(services(new FakeRunner()), "compare", "merge", "--out", none.toString(), out.toString(),
        dir.resolve("o").toString());
    assertEquals(ExitCodes.BAD_INPUT, mixed.code, mixed.toString());
    assertTrue(mixed.err.contains("a shard of another compare than"), mixed.err);
    assertTrue(mixed.err.contains("the scenario, --set, policies or seeds differ"), mixed.err);
    Path sweep = write("grid.yaml", GRID);
    assertEquals(ExitCodes.OK, sweep(new FakeRunner(), sweep, dir.resolve("sw"), "--shard", "0/1").code);
    Cli sweepShard = Cli.run(services(new FakeRunner()), "compare", "merge", "--out", none.toString(),
        dir.resolve("sw").toString());
    assertEquals(ExitCodes.BAD_INPUT, sweepShard.code, sweepShard.toString());
    assertEquals(dir.resolve("sw").resolve("shard-0-of-1.json") + ": a shard of `sweep --shard`; join it with"
        + " `mesosim sweep merge`", sweepShard.err.strip());
    Cli compareShard = Cli.run(services(new FakeRunner()), "sweep", "merge", "--out", none.toString(), out.toString());
    assertEquals(ExitCodes.BAD_INPUT, compareShard.code, compareShard.toString());
    assertTrue(compareShard.err.endsWith(": a shard of `compare --shard`; join it with `mesosim compare merge`\n"),
        compareShard.err);
    assertFalse(Files.exists(none), "a refused merge writes nothing");
    Cli usage = Cli.run(services(new FakeRunner()), "compare", dir.resolve("good.yaml").toString());
    assertEquals(ExitCodes.BAD_INPUT, usage.code, usage.toString());
    assertTrue(usage.err.startsWith("Missing required option: '--allocators=POLICY'"), usage.err);
  }

  @Test
  void wholeCompare_runsEveryRunAgain_aRunThatFailsLeavesNoRow_andAShardOfTheFolderRunsOnlyIt() throws Exception {
    write("good.yaml", CommandsTest.GOOD);
    Path out = dir.resolve("w");
    assertEquals(ExitCodes.OK, compare(new FakeRunner(), out).code);
    assertEquals(6, compareRuns(out).size());
    FakeRunner again = new FakeRunner();
    again.failOnCall = 4; // fifo, seed 1
    Cli r = compare(again, out);
    assertEquals(ExitCodes.ERROR, r.code, r.toString());
    assertEquals(6, again.seen.size(), "a whole compare runs every run again");
    assertFalse(Files.exists(out.resolve("fifo-seed1/row.json")), "the failed run's earlier row is gone");
    FakeRunner resume = new FakeRunner();
    Cli shard = compare(resume, out, "--shard", "0/1");
    assertEquals(ExitCodes.OK, shard.code, shard.toString());
    assertEquals(List.of("fifo"), resume.seen.stream().map(q -> q.scenario().allocator().policy()).toList());
    assertEquals(1, resume.seen.get(0).scenario().seed());
  }
}
