package org.mesosim.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.mesosim.cli.scenario.StandardCatalog;
import org.mesosim.reports.Comparison;
import org.mesosim.reports.RunSummary;

/** Builds {@link Services#standard()} from the real modules. */
final class Wiring {
  private Wiring() {}

  static Services standard() {
    StandardCatalog catalog = new StandardCatalog();
    Services.ComparisonWriter comparison = new Services.ComparisonWriter() {
      @Override
      public void write(Path dir, List<RunResult> runs, List<String> labels) throws Exception {
        write(dir, runs, labels, true);
      }

      @Override
      public void write(Path dir, List<RunResult> runs, List<String> labels, boolean charts) throws Exception {
        List<RunSummary> summaries = new ArrayList<>();
        List<Path> dirs = new ArrayList<>();
        for (RunResult r : runs) {
          summaries.add((RunSummary) r.summary());
          dirs.add(r.outDir());
        }
        Comparison.write(dir, summaries, dirs, labels, charts);
      }

      @Override
      public void removeOutputs(Path dir) throws Exception {
        Comparison.removeOutputs(dir);
      }
    };
    return new Services(catalog, new SimulationRunner(catalog), comparison, new StandardTraceTools(),
        Terminal::stderr);
  }
}
