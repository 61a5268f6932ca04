package org.mesosim.workloads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mesosim.engine.SimTime;
import org.mesosim.engine.random.RandomStreams;
import org.mesosim.model.workload.Workload;
import org.mesosim.workloads.google.GoogleCell;

/**
 * The google-like preset against the Google 2011 sample (task_events part 0), compared by the same
 * code ({@link WorkloadStatistics}) over windows of the same arrival span and the same capacity (the full cell, 213,088 cores). The trace's figures are pinned here and checked
 * against the sample itself in {@link WorkloadStatisticsTest#googleTracePart0_theStatisticsSchedulersFeel},
 * so this test runs on a bare clone. Tolerances (docs/workload-fitting.md) allow for a preset's
 * seed-to-seed spread over one 93-minute window (about 900 new jobs).
 */
class GoogleLikeFitTest {
  /**
   * The sample's jobs arrive from 604 s to 5,611 s (its events start at 600 s after the t = 0
   * snapshot); the preset's arrive from 0 s: its window is the same 5,007 s of arrivals.
   */
  static final long WINDOW = 5_007 * SimTime.SECOND;
  // part 0 as WorkloadStatistics computes it
  static final double RATE = 0.1822;
  static final double SINGLE = 0.8178;
  static final double MEAN_TASKS = 51.08;
  static final long P90_TASKS = 20;
  static final double PRODUCTION = 0.0988;
  static final double BATCH = 0.4995;
  static final double FREE = 0.4018;
  static final double START_PRODUCTION = 0.7426;
  static final double START_BATCH = 0.2401;
  static final double START_FREE = 0.2721;
  static final double MEDIAN_DURATION = 402.4;
  static final double P90_DURATION = 1702.7;

  static WorkloadStatistics preset(long seed) {
    try (Workload w = Workloads.googleLike(1.0, new RandomStreams(seed), "g")) {
      return WorkloadStatistics.of(w, WINDOW, GoogleCell.totalCpus(1.0));
    }
  }

  static void near(double expected, double actual, double relative, String what) {
    assertTrue(Math.abs(actual - expected) <= relative * expected,
        what + ": " + actual + " is not within " + (100 * relative) + "% of the trace's " + expected);
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void presetMatchesTheTraceSample(long seed) {
    WorkloadStatistics s = preset(seed);
    near(RATE, s.arrivalsPerSecond(), 0.08, "arrivals/s"); // Poisson: 1 sd = 3% of ~1,000 jobs
    assertEquals(SINGLE, s.singleTaskShare(), 0.05, "single-task share"); // 1 sd = 0.013
    assertEquals(1, s.medianTasks());
    near(MEAN_TASKS, s.meanTasks(), 0.35, "mean tasks per job"); // heavy tail: a few jobs of 1,000+ tasks
    assertTrue(s.p90Tasks() >= P90_TASKS / 2 && s.p90Tasks() <= 3 * P90_TASKS, "p90 tasks " + s.p90Tasks());
    // a share of ~900 jobs: 1 sd = 0.010 (production), 0.017 (batch, free); tolerance 3 sd
    assertEquals(PRODUCTION, s.bandMix().get("production"), 0.03, "production share");
    assertEquals(BATCH, s.bandMix().get("batch"), 0.05, "batch share");
    assertEquals(FREE, s.bandMix().get("free"), 0.05, "free share");
    // the snapshot reaches each band's share and overshoots by at most its last job
    assertEquals(START_PRODUCTION, s.startShare("production"), 0.02, "production at t = 0");
    assertEquals(START_BATCH, s.startShare("batch"), 0.02, "batch at t = 0");
    assertEquals(START_FREE, s.startShare("free"), 0.03, "free at t = 0");
    assertTrue(s.startShare() > 1.0, "over-committed at t = 0: " + s.startShare());
    near(MEDIAN_DURATION, s.medianDurationSeconds(), 0.10, "median duration");
    near(P90_DURATION, s.p90DurationSeconds(), 0.15, "p90 duration");
  }
}
