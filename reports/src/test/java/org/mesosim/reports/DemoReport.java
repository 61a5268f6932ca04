package org.mesosim.reports;

import java.nio.file.Path;

/** Writes a demo report to the given directory (for looking at the charts by eye). */
final class DemoReport {
  private DemoReport() {}

  public static void main(String[] args) throws Exception {
    ReportWriterTest.run(Path.of(args[0]), ReportOptions.defaults());
  }
}
