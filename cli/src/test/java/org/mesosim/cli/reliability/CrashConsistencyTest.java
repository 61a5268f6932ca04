package org.mesosim.cli.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mesosim.cli.scenario.Examples;

/**
 * A child JVM running {@code run} or {@code sweep} is killed (SIGKILL) at points spread over a whole
 * run, and after each kill the results folder must be the previous complete state (a
 * {@code summary.json} that parses, with every file it stands for) or {@code *.partial} files and no
 * {@code summary.json}; a {@code sweep.csv}, when there, has every run's row (issue 24, item 3).
 * Bounded: at most {@link #KILLS} kills per command and {@link #BUDGET_MS} of wall time each.
 */
class CrashConsistencyTest {
  static final int KILLS = 6;
  static final long BUDGET_MS = 15_000;
  @TempDir Path dir;

  private static Process start(Path log, String... args) throws IOException {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-cp", System.getProperty("java.class.path"),
        "org.mesosim.cli.Main"));
    cmd.addAll(List.of(args));
    return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
  }

  /** Runs to the end: the exit code. */
  private int complete(String... args) throws Exception {
    Process p = start(dir.resolve("log"), args);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "a whole run within a minute");
    return p.exitValue();
  }

  /** The whole run's wall time in ms (a complete run, also the state before the first kill). */
  private long timed(String... args) throws Exception {
    long t0 = System.nanoTime();
    assertEquals(0, complete(args), () -> read(dir.resolve("log")));
    return (System.nanoTime() - t0) / 1_000_000;
  }

  private static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      return e.toString();
    }
  }

  /** The contract for one run folder. */
  static void assertConsistentRun(Path run, String when) throws IOException {
    Path summary = run.resolve("summary.json");
    List<String> partials;
    try (Stream<Path> s = Files.walk(run)) {
      partials = s.map(p -> run.relativize(p).toString()).filter(n -> n.endsWith(".partial")).sorted().toList();
    }
    if (Files.exists(summary)) {
      Map<?, ?> m = new ObjectMapper().readValue(summary.toFile(), Map.class); // throws on a truncated file
      assertTrue(m.containsKey("digest"), when + ": summary.json without digest");
      for (String f : List.of("timeseries.csv", "jobs.csv", "report.html", "scenario.resolved.yaml")) {
        assertTrue(Files.isRegularFile(run.resolve(f)), when + ": summary.json but no " + f);
      }
      assertTrue(partials.stream().noneMatch(p -> !p.equals("timeseries.csv.partial") && !p.equals("jobs.csv.partial")),
          when + ": a complete run beside " + partials);
    } else if (!isEmpty(run)) { // created, nothing in it yet: looks like nothing
      assertTrue(!partials.isEmpty(), when + ": neither summary.json nor a *.partial file in " + run + ": "
          + listing(run));
    }
  }

  private static boolean isEmpty(Path run) throws IOException {
    try (Stream<Path> s = Files.list(run)) {
      return s.findAny().isEmpty();
    }
  }

  private static String listing(Path run) throws IOException {
    try (Stream<Path> s = Files.walk(run)) {
      return s.map(p -> run.relativize(p).toString()).sorted().toList().toString();
    }
  }

  @Test
  void run_killedAnywhere_leavesTheLastCompleteRunOrPartialFiles() throws Exception {
    String scenario = Examples.scenario("quickstart").toString();
    Path out = dir.resolve("out");
    String[] args = {"run", scenario, "--out", out.toString(), "--quiet"};
    long whole = timed(args);
    assertConsistentRun(out, "after a whole run");
    long deadline = System.currentTimeMillis() + BUDGET_MS;
    int kills = 0;
    // The budget bounds the loop once three kills have landed (a busy machine makes each run slower).
    for (int i = 0; i < KILLS && (kills < 3 || System.currentTimeMillis() < deadline); i++) {
      long at = whole * (i + 1) / (KILLS + 1) + (whole / 4) * (i % 2); // spread, denser near the end
      Process p = start(dir.resolve("log"), args);
      if (!p.waitFor(at, TimeUnit.MILLISECONDS)) {
        p.destroyForcibly().waitFor();
        kills++;
      }
      assertConsistentRun(out, "killed after " + at + " ms (run " + i + ")");
    }
    assertTrue(kills >= 3, "only " + kills + " kills landed while a run went");
    // and a run after all that is whole again
    assertEquals(0, complete(args), () -> read(dir.resolve("log")));
    assertTrue(Files.exists(out.resolve("summary.json")));
    assertConsistentRun(out, "after a last whole run");
  }

  @Test
  void sweep_killedAnywhere_leavesWholeRunsOrPartialFilesAndNoStaleSweepCsv() throws Exception {
    Path sweep = dir.resolve("s.yaml");
    Files.writeString(sweep, "scenario: " + Examples.scenario("quickstart") + "\nseeds: [1, 2]\n"
        + "parallel: 1\ngrid:\n  allocator.interval: [1s, 2s]\n");
    Path out = dir.resolve("sw");
    String[] args = {"sweep", sweep.toString(), "--out", out.toString()};
    long whole = timed(args);
    assertEquals(5, Files.readAllLines(out.resolve("sweep.csv")).size());
    long deadline = System.currentTimeMillis() + BUDGET_MS;
    for (int i = 0; i < KILLS / 2 && System.currentTimeMillis() < deadline; i++) {
      // a changed grid: every run is new, and the old sweep.csv must not survive it
      Files.writeString(sweep, Files.readString(sweep).replace(i % 2 == 0 ? "[1s, 2s]" : "[3s, 4s]",
          i % 2 == 0 ? "[3s, 4s]" : "[1s, 2s]"));
      long at = whole * (i + 1) / (KILLS / 2 + 1);
      Process p = start(dir.resolve("log"), args);
      boolean ended = p.waitFor(at, TimeUnit.MILLISECONDS);
      if (!ended) {
        p.destroyForcibly().waitFor();
        assertTrue(!Files.exists(out.resolve("sweep.csv")) || Files.readAllLines(out.resolve("sweep.csv")).size() == 5,
            "a sweep.csv is whole or absent");
      }
      try (Stream<Path> runs = Files.list(out.resolve("runs"))) {
        for (Path r : runs.toList()) {
          if (Files.isDirectory(r)) {
            assertConsistentRun(r, "sweep killed after " + at + " ms");
          }
        }
      }
    }
  }
}
