package org.mesosim.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A results file that cannot be written whole (the disk is full: {@code /dev/full} answers every
 * write with ENOSPC) never appears under its final name; summary.json above all (issue 24, item 3:
 * a full disk left a 4,096-byte invalid summary.json beside final CSVs and no *.partial).
 */
class AtomicResultsTest {
  @TempDir Path tmp;

  static final Path FULL = Path.of("/dev/full");

  @Test
  void summaryWriteFailing_leavesNoSummaryAndThePartialFiles() throws IOException {
    assumeTrue(Files.exists(FULL), "Linux's /dev/full");
    ReportWriterTest.run(tmp, ReportOptions.defaults()); // a previous complete run
    // the disk fills up just when summary.json is written
    Files.createSymbolicLink(tmp.resolve("summary.json.partial.link"), FULL);
    RunSetup setup = Events.setup(tmp, ReportWriterTest.FWS, Events.s(5));
    MetricsRecorder rec = new MetricsRecorder(setup);
    rec.finish(10);
    RunSummary s = rec.summary("abc", 1, 0.1, 0);
    Files.move(tmp.resolve("summary.json.partial.link"), tmp.resolve("summary.json.partial"));
    IOException e = assertThrows(IOException.class,
        () -> ReportWriter.write(setup, rec, s, new ReportOptions(List.of(), List.of()), "name: x\n"));
    assertTrue(e.getMessage().contains("No space left on device"), e.getMessage());
    assertFalse(Files.exists(tmp.resolve("summary.json")), "no summary.json after a failed write");
    assertTrue(Files.exists(tmp.resolve("timeseries.csv.partial")), "the run's files stay partial");
    assertTrue(Files.exists(tmp.resolve("jobs.csv.partial")));
    assertFalse(Files.exists(tmp.resolve("timeseries.csv")), "the previous run's are gone");
  }

  @Test
  void atomicWrite_failing_leavesThePreviousFileWhole() throws IOException {
    assumeTrue(Files.exists(FULL), "Linux's /dev/full");
    Path f = tmp.resolve("comparison.csv");
    AtomicFiles.write(f, "a,b\n1,2\n");
    Files.createSymbolicLink(AtomicFiles.partial(f), FULL);
    assertThrows(IOException.class, () -> AtomicFiles.write(f, "a,b\n3,4\n"));
    assertEquals("a,b\n1,2\n", Files.readString(f));
  }
}
