package org.mesosim.workloads;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real trace samples committed in the repository's {@code traces/} folder (provenance and
 * licences in {@code traces/README.md}). Found by walking up from the working directory to the
 * first folder that has both {@code traces/} and {@code pom.xml} (the repository root, whichever
 * module Maven runs the tests from). A missing sample is a test failure, never a skip: every clone
 * has them.
 */
final class TraceSamples {
  static final String SWF = "LANL-CM5-1994-4.1-cln.first30000jobs.swf.gz";
  static final String GOOGLE = "google-2011-task_events-part-00000-of-00500.csv.gz";
  static final String ALIBABA = "alibaba-v2018-batch_task.selected_DAGs.csv.gz";

  private TraceSamples() {}

  /** The repository's {@code traces/} folder. */
  static Path dir() {
    Path start = Path.of("").toAbsolutePath();
    for (Path d = start; d != null; d = d.getParent()) {
      if (Files.isDirectory(d.resolve("traces")) && Files.isRegularFile(d.resolve("pom.xml"))) {
        return d.resolve("traces");
      }
    }
    throw new AssertionError("no folder with traces/ and pom.xml above " + start
        + ": the trace samples live in the repository's traces/ folder");
  }

  /** The sample file; fails the test with a clear message if it is missing. */
  static Path require(String name) {
    Path f = dir().resolve(name);
    assertTrue(Files.isRegularFile(f), "trace sample " + f + " is missing: it is part of the repository"
        + " (traces/README.md); restore it with git checkout -- traces/");
    return f;
  }
}
