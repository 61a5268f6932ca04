package org.mesosim.reports;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Writes a demo report and comparison to the given directory (for looking at the charts by eye). */
final class DemoReport {
  private DemoReport() {}

  public static void main(String[] args) throws Exception {
    Path root = Path.of(args[0]);
    ReportWriterTest.run(root.resolve("run"), ReportOptions.defaults());
    List<RunSummary> runs = new ArrayList<>();
    List<Path> dirs = new ArrayList<>();
    for (String policy : List.of("hierarchical-drf", "fifo")) {
      for (long seed = 1; seed <= 3; seed++) {
        Path d = root.resolve("runs/" + policy + "-" + seed);
        runs.add(ComparisonTest.run(d, policy, seed));
        dirs.add(d);
      }
    }
    Comparison.write(root.resolve("compare"), runs, dirs);
  }
}
