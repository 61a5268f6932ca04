package org.mesosim.workloads;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Finds the real trace samples: system property {@code mesosim.traces} or environment variable
 * {@code MESOSIM_TRACES}, else the first {@code shared/traces} found walking up from the working
 * directory (CI has them at {@code ../shared/traces} relative to the repository root). Tests that
 * need a sample are skipped with a message when it is absent.
 */
final class TraceSamples {
  static final String SWF = "LANL-CM5-1994-4.1-cln.first30000jobs.swf.gz";
  static final String GOOGLE = "google-2011-task_events-part-00000-of-00500.csv.gz";
  static final String ALIBABA = "alibaba-v2018-batch_task.selected_DAGs.csv.gz";

  private TraceSamples() {}

  static Path dir() {
    String p = System.getProperty("mesosim.traces");
    if (p == null || p.isEmpty()) {
      p = System.getenv("MESOSIM_TRACES");
    }
    if (p != null && !p.isEmpty() && Files.isDirectory(Paths.get(p))) {
      return Paths.get(p);
    }
    for (Path d = Paths.get("").toAbsolutePath(); d != null; d = d.getParent()) {
      Path t = d.resolve("shared").resolve("traces");
      if (Files.isDirectory(t)) {
        return t;
      }
    }
    return null;
  }

  /** The sample file, or the test is skipped. */
  static Path require(String name) {
    Path d = dir();
    assumeTrue(d != null && Files.isRegularFile(d.resolve(name)),
        "trace sample " + name + " not found: set -Dmesosim.traces or MESOSIM_TRACES, or put it in shared/traces above the working directory");
    return d.resolve(name);
  }
}
