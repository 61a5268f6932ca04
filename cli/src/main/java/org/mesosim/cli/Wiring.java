package org.mesosim.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.mesosim.cli.scenario.StandardCatalog;
import org.mesosim.reports.Comparison;
import org.mesosim.reports.RunSummary;
import org.mesosim.reports.SummaryJson;
import org.mesosim.reports.compare.ComparisonResult;
import org.mesosim.reports.compare.ComparisonStats;

/** Builds {@link Services#standard()} from the real modules. */
final class Wiring {
  private Wiring() {}

  static Services standard() {
    StandardCatalog catalog = new StandardCatalog();
    Services.ComparisonWriter comparison = new Services.ComparisonWriter() {
      @Override
      public String write(Services.Comparison c) throws Exception {
        List<RunSummary> summaries = new ArrayList<>();
        List<Path> dirs = new ArrayList<>();
        for (RunResult r : c.runs()) {
          summaries.add(r.summary() != null ? (RunSummary) r.summary() : SummaryJson.read(r.outDir()
              .resolve("summary.json")));
          dirs.add(r.outDir());
        }
        ComparisonResult res = Comparison.write(c.dir(), summaries, dirs, c.labels(), c.groupColumn(),
            c.dimensions(), c.charts());
        List<String> keys = c.metrics().isEmpty() ? res.headlineKeys() : c.metrics();
        StringBuilder missing = new StringBuilder();
        for (String k : keys) {
          if (res.index(k) < 0) {
            missing.append("no metric ").append(k).append(" in these runs (a role or framework they do not have,"
                + " or per-framework metrics of more than " + ComparisonStats.MAX_FRAMEWORKS + " frameworks); see "
                + Comparison.SUMMARY_CSV + "\n");
          }
        }
        return missing + res.table(keys);
      }

      @Override
      public String checkMetric(String key) {
        return ComparisonStats.checkKey(key);
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
