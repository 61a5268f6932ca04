package org.mesosim.cli;

import java.nio.file.Path;

/**
 * What one simulation run produced.
 *
 * @param digest hex digest of the observable event stream
 * @param events events fired
 * @param simulatedMicros simulated time at the end
 * @param wallSeconds wall-clock seconds of the run (measured by the CLI)
 * @param outDir where its files are, or null when none were written
 * @param humanSummary a few lines for stdout
 * @param summary the reports module's run summary (for comparisons), or null
 * @param headline a few headline figures (e.g. {@code util_cpus_mean}, {@code jain_mean}) for sweep.csv
 * @param records records of the observable event stream (what the digest covers: one per offer,
 *     decline, task state change ...), as opposed to {@code events}, the engine's scheduled events
 *     (one message delivery or timer each, which may carry many offers)
 * @param offers offers made
 * @param launches tasks launched
 */
public record RunResult(String digest, long events, long simulatedMicros, double wallSeconds, long invariantViolations,
    Path outDir, String humanSummary, Object summary,
    java.util.SortedMap<String, Double> headline, long records, long offers, long launches) {
  public RunResult {
    headline = headline == null ? new java.util.TreeMap<>() : new java.util.TreeMap<>(headline);
  }

  /** Without stream counts (records and offers unknown: 0). */
  public RunResult(String digest, long events, long simulatedMicros, double wallSeconds, long invariantViolations,
      Path outDir, String humanSummary, Object summary, java.util.SortedMap<String, Double> headline) {
    this(digest, events, simulatedMicros, wallSeconds, invariantViolations, outDir, humanSummary, summary, headline,
        0, 0, 0);
  }
}
