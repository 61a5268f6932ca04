package org.mesosim.cli.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mesosim.cli.ExitCodes;
import org.mesosim.cli.MesosimCommand;
import org.mesosim.cli.Services;
import org.mesosim.cli.scenario.Examples;

/** {@code --no-charts} on run, compare and sweep: no image is written and the digest is the one with charts. */
class NoChartsTest {
  @TempDir Path dir;

  static String cli(String... args) {
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    int code = MesosimCommand.commandLine(Services.standard(), new PrintWriter(o, true), new PrintWriter(e, true))
        .execute(args);
    assertEquals(ExitCodes.OK, code, o + "\n" + e);
    return o.toString();
  }

  /** Every PNG or SVG file under {@code d}. */
  static List<Path> images(Path d) throws Exception {
    try (Stream<Path> s = Files.walk(d)) {
      return s.filter(p -> p.toString().endsWith(".png") || p.toString().endsWith(".svg")).toList();
    }
  }

  @Test
  void run_noCharts_writesNoImageAndTheSameDigest() throws Exception {
    Path out = dir.resolve("run");
    String o = cli("run", Examples.scenario("quickstart").toString(), "--out", out.toString(), "--quiet", "--no-charts");
    assertTrue(o.strip().endsWith("digest: " + Examples.QUICKSTART_DIGEST), o);
    assertEquals(List.of(), images(out));
    assertFalse(Files.exists(out.resolve("charts")), "an empty charts/ folder");
    for (String f : List.of("summary.json", "timeseries.csv", "jobs.csv", "report.html")) {
      assertTrue(Files.isRegularFile(out.resolve(f)), f);
    }
    assertTrue(Files.readString(out.resolve("report.html")).contains("None drawn"));
    // the resolved scenario says what was drawn, and re-running it draws nothing either
    String resolved = Files.readString(out.resolve("scenario.resolved.yaml"));
    assertTrue(resolved.contains("# --set report.charts=[]\n"), resolved);
    assertTrue(resolved.contains("charts: []"), resolved);
    Path again = dir.resolve("again");
    o = cli("run", out.resolve("scenario.resolved.yaml").toString(), "--out", again.toString(), "--quiet");
    assertTrue(o.strip().endsWith("digest: " + Examples.QUICKSTART_DIGEST), o);
    assertEquals(List.of(), images(again));
  }

  @Test
  void compareAndSweep_noCharts_writeNoImageAndTheSameDigests() throws Exception {
    Path cmp = dir.resolve("compare");
    String o = cli("compare", Examples.scenario("quickstart").toString(), "--allocators", "hierarchical-drf,fifo",
        "--out", cmp.toString(), "--parallel", "2", "--no-charts");
    assertTrue(o.lines().anyMatch(l -> l.startsWith("hierarchical-drf ") && l.endsWith(" " + Examples.QUICKSTART_DIGEST)),
        o);
    assertEquals(List.of(), images(cmp));
    assertTrue(Files.isRegularFile(cmp.resolve("comparison.csv")));
    assertTrue(Files.readString(cmp.resolve("comparison.html")).contains("None drawn"));

    Path sweepFile = dir.resolve("sweep.yaml");
    Files.writeString(sweepFile, "scenario: " + Examples.scenario("quickstart") + "\ngrid:\n"
        + "  allocator.policy: [hierarchical-drf]\n");
    Path sw = dir.resolve("sweep");
    o = cli("sweep", sweepFile.toString(), "--out", sw.toString(), "--no-charts");
    assertEquals(List.of(), images(sw));
    List<String> csv = Files.readAllLines(sw.resolve("sweep.csv"));
    int col = List.of(csv.get(0).split(",")).indexOf("digest");
    assertEquals(Examples.QUICKSTART_DIGEST, csv.get(1).split(",")[col], csv.toString());
    assertTrue(Files.readString(sw.resolve("runs/0001/scenario.resolved.yaml")).contains("charts: []"));
    // charts do not change results: running the sweep again with charts finds the run finished
    o = cli("sweep", sweepFile.toString(), "--out", sw.toString());
    assertTrue(o.contains("1 of 1 runs done"), o);
    assertEquals(List.of(), images(sw));
  }
}
