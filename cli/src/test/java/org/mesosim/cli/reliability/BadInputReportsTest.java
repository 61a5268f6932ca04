package org.mesosim.cli.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mesosim.cli.ExitCodes;

/** Bad input the issue found reported as a bug (issue 24, item 4): each now exit 2 with a location, on one line. */
class BadInputReportsTest {
  @TempDir Path dir;

  static final String GOOD = """
      name: tiny
      until: 1m
      cluster:
        agents: [{name: a, count: 1, resources: {cpus: 4, mem: 8GB}}]
      frameworks:
        - name: f
          workload: {synthetic: {jobs: 2, task: {resources: {cpus: 1, mem: 1GB}, duration: 10s}}}
      """;

  private Path write(String name, String text) throws Exception {
    Path p = dir.resolve(name);
    Files.writeString(p, text);
    return p;
  }

  private static String[] cli(String... args) {
    return assertTimeoutPreemptively(Duration.ofSeconds(20), () -> NoLeaderRunsTest.cli(args));
  }

  @Test
  void unbalancedBracketInATraceGlob_isLocatedAndTheOtherFilesAreStillChecked() throws Exception {
    Path bad = write("bad.yaml", GOOD.replace("{synthetic: {jobs: 2, task: {resources: {cpus: 1, mem: 1GB},"
        + " duration: 10s}}}", "{trace: {format: csv, path: \"t[1.csv\"}}"));
    Path good = write("good.yaml", GOOD);
    String[] r = cli("validate", bad.toString(), good.toString());
    assertEquals(Integer.toString(ExitCodes.BAD_INPUT), r[0], r[2]);
    List<String> err = List.of(r[2].strip().split("\n"));
    assertEquals(2, err.size(), r[2]);
    assertTrue(err.get(0).startsWith(bad + ":7:"), err.get(0));
    assertTrue(err.get(0).contains("frameworks[0].workload.trace.path: not a valid glob: t[1.csv (Missing ']; write \\[ for a literal [)"),
        err.get(0));
    assertEquals("1 of 2 files invalid", err.get(1));
    assertEquals("ok: " + good + " (tiny: 1 framework, 1 agent group)", r[1].strip());
  }

  @Test
  void devZeroAndAFifoWithoutWriter_areRefusedNotReadForever() throws Exception {
    Path zero = Path.of("/dev/zero");
    assumeTrue(Files.exists(zero), "a Unix /dev/zero");
    String[] r = cli("validate", zero.toString());
    assertEquals(Integer.toString(ExitCodes.BAD_INPUT), r[0], r[2]);
    assertEquals("/dev/zero: is not a regular file (a device, FIFO or socket); a scenario is a YAML text file\n"
        + "1 of 1 file invalid", r[2].strip());
    Path fifo = dir.resolve("fifo.yaml");
    Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
    assumeTrue(mk.waitFor() == 0, "mkfifo");
    r = cli("validate", fifo.toString());
    assertEquals(Integer.toString(ExitCodes.BAD_INPUT), r[0], r[2]);
    assertTrue(r[2].startsWith(fifo + ": is not a regular file"), r[2]);
    r = cli("run", fifo.toString());
    assertEquals(Integer.toString(ExitCodes.BAD_INPUT), r[0], r[2]);
  }

  @Test
  void anEmptyOut_isRefusedAndDeletesNothing() throws Exception {
    Path s = write("s.yaml", GOOD);
    String[] r = cli("run", s.toString(), "--out", "");
    assertEquals(Integer.toString(ExitCodes.BAD_INPUT), r[0], r[2]);
    assertEquals("--out: an empty path; name a folder (. for the current one)", r[2].strip());
    assertFalse(Files.exists(Path.of("summary.json.partial")), "nothing written in the working folder");
  }

  @Test
  void aValueWithANewline_keepsEachErrorOnOneLine() throws Exception {
    Path s = write("s.yaml", GOOD);
    String[] r = cli("validate", s.toString(), "--set", "allocator.policy=drf\nx");
    assertEquals(Integer.toString(ExitCodes.BAD_INPUT), r[0], r[2]);
    List<String> lines = List.of(r[2].strip().split("\n"));
    assertEquals(2, lines.size(), r[2]);
    assertTrue(lines.get(0).contains("drf\\nx"), lines.get(0));
  }

  @Test
  void aSampleIntervalBelowOneMillisecond_isRefusedAndAVastOneWarned() throws Exception {
    Path s = write("s.yaml", GOOD + "metrics: {sampleInterval: 1us}\n");
    String[] r = cli("validate", s.toString());
    assertEquals(Integer.toString(ExitCodes.BAD_INPUT), r[0], r[2]);
    assertTrue(r[2].startsWith(s + ":8:27: metrics.sampleInterval: must be at least 1ms"), r[2]);
    Files.writeString(s, GOOD.replace("until: 1m", "until: 30d") + "metrics: {sampleInterval: 1ms}\n");
    r = cli("validate", s.toString());
    assertEquals("0", r[0], r[2]);
    assertTrue(r[2].startsWith("warning: " + s + ": metrics.sampleInterval: 2,592,000,000 samples until"), r[2]);
  }
}
