package org.mesosim.cli.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code compare --shard I/N} and {@code compare merge} with real runs: the merged folder's aggregate
 * (comparison.csv, comparison_runs.csv, comparison_summary.csv, comparison.json, comparison.html and
 * every chart) is byte for byte the unsharded compare's, and so are the runs' digests.
 */
class CompareShardsTest {
  @TempDir Path dir;

  static final String TINY = """
      name: two-roles
      seed: 11
      frameworks:
        - {name: web, role: a, workload: {synthetic: {jobs: 5, task: {resources: {cpus: 1, mem: 1GB}, duration: 15s}}}}
        - {name: batch, role: b, workload: {synthetic: {jobs: 3, task: {resources: {cpus: 3, mem: 2GB}, duration: 30s}}}}
      cluster:
        agents: [{name: node, count: 3, resources: {cpus: 4, mem: 8GB}}]
      """;

  /** The files of {@code d} that are not in a run's folder (the aggregate), relative to it. */
  static List<String> aggregateFiles(Path d) throws Exception {
    try (Stream<Path> s = Files.walk(d)) {
      return s.filter(Files::isRegularFile).map(p -> d.relativize(p).toString())
          .filter(f -> !f.contains("-seed") && !f.startsWith("shard-")).sorted().toList();
    }
  }

  @Test
  void threeShardsMerged_writeTheUnshardedComparisonByteForByte() throws Exception {
    Path scenario = Files.writeString(dir.resolve("tiny.yaml"), TINY);
    String[] args = {"compare", scenario.toString(), "--allocators", "hierarchical-drf,fifo", "--seeds", "2",
        "--parallel", "2", "--quiet", "--set", "report.charts=[]"}; // the runs draw none: the aggregate does
    Path whole = dir.resolve("whole");
    String wholeOut = NoChartsTest.cli(concat(args, "--out", whole.toString()));
    for (int i = 0; i < 3; i++) {
      NoChartsTest.cli(concat(args, "--out", dir.resolve("s" + i).toString(), "--shard", i + "/3"));
    }
    Path merged = dir.resolve("merged");
    String mergedOut = NoChartsTest.cli("compare", "merge", "--out", merged.toString(), dir.resolve("s0").toString(),
        dir.resolve("s1").toString(), dir.resolve("s2").toString());
    List<String> files = aggregateFiles(whole);
    for (String f : List.of("comparison.csv", "comparison_runs.csv", "comparison_summary.csv", "comparison.json",
        "comparison.html", "charts/utilization.png", "charts/fairness.svg", "charts/wait.png")) {
      assertTrue(files.contains(f), f + " in " + files);
    }
    assertEquals(files, aggregateFiles(merged));
    for (String f : files) {
      assertTrue(Arrays.equals(Files.readAllBytes(whole.resolve(f)), Files.readAllBytes(merged.resolve(f))), f);
    }
    // the same runs, digests and results table on stdout (only the wall-time column may differ)
    List<String> digests = digests(wholeOut);
    assertEquals(4, digests.size(), wholeOut);
    assertFalse(digests.get(0).equals(digests.get(1)), "another seed is another run");
    assertEquals(digests, digests(mergedOut));
    assertEquals(wholeOut.substring(wholeOut.indexOf("\n\n")).replace(whole.toString(), "DIR"),
        mergedOut.substring(mergedOut.indexOf("\n\n")).replace(merged.toString(), "DIR"));
  }

  static String[] concat(String[] a, String... more) {
    return Stream.concat(Arrays.stream(a), Arrays.stream(more)).toArray(String[]::new);
  }

  /** The digest column of compare's table of runs. */
  static List<String> digests(String out) {
    return out.lines().dropWhile(l -> !l.startsWith("allocator ")).skip(1).takeWhile(l -> !l.isBlank())
        .map(l -> l.substring(l.lastIndexOf(' ') + 1)).toList();
  }
}
