package org.mesosim.reports;

/**
 * Omega's scheduler measures per framework (docs/outputs.md), from SchedulerDecision, TaskPlaced,
 * JobAttempted and jobs ended "abandoned": busyness, decisions, first-attempt waits, placements.
 * Only frameworks that report their decisions get them in summary.json.
 */
final class SchedulerMeasures {
  private final boolean[] decides;
  private final long[] decisions;
  private final long[] busyMicros;
  private final long[] busyUntil;
  private final long[] placed;
  private final long[] placedLocal;
  private final Quantiles[] firstAttemptWait;

  SchedulerMeasures(int nFw) {
    decides = new boolean[nFw];
    decisions = new long[nFw];
    busyMicros = new long[nFw];
    busyUntil = new long[nFw];
    placed = new long[nFw];
    placedLocal = new long[nFw];
    firstAttemptWait = Quantiles.array(nFw);
  }

  /** A decision of framework {@code f} from {@code t} to {@code end}. */
  void decision(int f, long t, long end) {
    // Decisions arrive in order of their start, so the union of busy intervals grows at its end only.
    decides[f] = true;
    decisions[f]++;
    if (t >= busyUntil[f]) {
      busyMicros[f] += end - t;
      busyUntil[f] = end;
    } else if (end > busyUntil[f]) {
      busyMicros[f] += end - busyUntil[f];
      busyUntil[f] = end;
    }
  }

  void placed(int f, boolean local) {
    decides[f] = true;
    placed[f]++;
    placedLocal[f] += local ? 1 : 0;
  }

  void attempted(int f, long submitTime, long t) {
    decides[f] = true;
    firstAttemptWait[f].add((t - submitTime) / 1e6);
  }

  /**
   * Omega's measures for a framework that reported its decisions, else null (left out of
   * summary.json); {@code abandoned}: its jobs that ended "abandoned" ({@link JobCounters}).
   */
  RunSummary.SchedulerSummary summary(int f, long end, long abandoned) {
    if (!decides[f]) {
      return null;
    }
    long busy = busyMicros[f] - Math.max(0, busyUntil[f] - end);
    return new RunSummary.SchedulerSummary(end > 0 ? (double) busy / end : 0.0, decisions[f],
        RunSummary.Dist.of(firstAttemptWait[f]), abandoned, placed[f], placedLocal[f]);
  }
}
