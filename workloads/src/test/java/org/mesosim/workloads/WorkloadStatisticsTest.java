package org.mesosim.workloads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.mesosim.engine.SimTime;
import org.mesosim.engine.random.RandomStreams;
import org.mesosim.model.Resources;
import org.mesosim.model.workload.JobSpec;
import org.mesosim.model.workload.TaskOutcome;
import org.mesosim.model.workload.TaskSpec;
import org.mesosim.model.workload.Workload;
import org.mesosim.workloads.google.GoogleCell;

class WorkloadStatisticsTest {
  private static final long S = SimTime.SECOND;

  static JobSpec job(String id, long t, String band, String traceJob, int firstTask, int n, double cpus, long dur,
      TaskOutcome how) {
    List<TaskSpec> ts = new ArrayList<>();
    for (int i = firstTask; i < firstTask + n; i++) {
      ts.add(TaskSpec.of(Integer.toString(i), Resources.of(cpus, 1), dur, how));
    }
    TreeMap<String, String> f = new TreeMap<>();
    f.put("band", band);
    if (traceJob != null) {
      f.put("job", traceJob);
    }
    return new JobSpec(id, t, ts, f);
  }

  static Workload of(List<JobSpec> jobs) {
    Iterator<JobSpec> it = jobs.iterator();
    return () -> it.hasNext() ? it.next() : null;
  }

  @Test
  void handMadeWorkload_everyStatisticAsDefined() {
    List<JobSpec> jobs = List.of(
        // snapshot at 0: 3 + 1 tasks, 2 cpus each
        job("a", 0, "production", null, 0, 3, 2, SimTime.NEVER, TaskOutcome.FINISHED),
        job("b", 0, "free", null, 0, 1, 2, 100 * S, TaskOutcome.FINISHED), // finished in the window
        // new jobs
        job("c", 10 * S, "batch", "77", 0, 1, 1, 50 * S, TaskOutcome.FINISHED),
        job("d", 20 * S, "batch", null, 0, 4, 1, 30 * S, TaskOutcome.KILLED), // not FINISHED: no duration
        job("c2", 25 * S, "free", "77", 1, 2, 1, 500 * S, TaskOutcome.FINISHED), // trace job 77 again (+2 tasks); ends past horizon
        job("c3", 30 * S, "batch", "77", 0, 1, 1, 10 * S, TaskOutcome.FINISHED), // task 0 of 77 resubmitted: no new task
        job("e", 40 * S, "free", null, 0, 1, 1, 1 * S, TaskOutcome.FINISHED),
        job("late", 500 * S, "batch", null, 0, 9, 1, 1 * S, TaskOutcome.FINISHED)); // after the horizon: not read
    WorkloadStatistics s = WorkloadStatistics.of(of(jobs), 200 * S, 16);
    assertEquals(0, s.start());
    assertEquals(5, s.jobs()); // a, b, 77, d, e
    assertEquals(3 + 1 + 3 + 4 + 1, s.tasks());
    assertEquals(3, s.newJobs()); // 77 (3 tasks), d (4), e (1)
    assertEquals(2 / 30.0, s.arrivalsPerSecond(), 1e-12); // 77 at 10 s, d at 20 s, e at 40 s
    assertEquals(1 / 3.0, s.singleTaskShare(), 1e-12);
    assertEquals(3, s.medianTasks());
    assertEquals(8 / 3.0, s.meanTasks(), 1e-12);
    assertEquals(4, s.p90Tasks());
    assertEquals(Map.of("batch", 2 / 3.0, "free", 1 / 3.0), s.bandMix()); // 77's band is its first job's
    assertEquals(Map.of("production", 6.0, "free", 2.0), s.startCpus());
    assertEquals(0.5, s.startShare(), 1e-12);
    assertEquals(6 / 16.0, s.startShare("production"), 1e-12);
    // finished within 200 s: 100 (b), 50 (c), 10 (c3), 1 (e); c2's 500 s end past the horizon
    assertEquals(4, s.finished());
    assertEquals(10, s.medianDurationSeconds());
    assertEquals(100, s.p90DurationSeconds());
  }

  @Test
  void nearestRank() {
    long[] v = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    assertEquals(5, WorkloadStatistics.nearestRank(v, 0.5));
    assertEquals(9, WorkloadStatistics.nearestRank(v, 0.9));
    assertEquals(1, WorkloadStatistics.nearestRank(new long[] {1}, 0.9));
  }

  @Test
  void endlessWorkload_needsAHorizon() {
    Workload w = Workloads.googleLike(0.01, new RandomStreams(1), "g");
    assertThrows(IllegalArgumentException.class, () -> WorkloadStatistics.of(w, SimTime.NEVER, 1));
  }

  /**
   * Part 0 of the Google 2011 trace: the figures of issue 20's table, which an independent
   * script (reading the raw rows) also gives: 0.183 jobs/s, 81.5% single-task, median 1, mean 51,
   * bands 9.8/49.8/40.4%.
   */
  @Test
  void googleTracePart0_theStatisticsSchedulersFeel() {
    Path p = TraceSamples.require(TraceSamples.GOOGLE);
    WorkloadStatistics s;
    try (Workload w = Workloads.traceWithRuntimes(TraceSpec.of("google-2011", List.of(p)))) {
      s = WorkloadStatistics.of(w, SimTime.NEVER, GoogleCell.totalCpus(1.0));
    }
    // the reader drops episodes that end before SCHEDULE: 5 jobs of the raw rows have no other
    assertEquals(4890, s.jobs());
    assertEquals(190855, s.tasks());
    assertEquals(911, s.newJobs());
    assertEquals(0.1822, s.arrivalsPerSecond(), 5e-5);
    assertEquals(0.8178, s.singleTaskShare(), 5e-5);
    assertEquals(1, s.medianTasks());
    assertEquals(51.08, s.meanTasks(), 0.005);
    assertEquals(20, s.p90Tasks());
    assertEquals(0.0988, s.bandMix().get("production"), 5e-5);
    assertEquals(0.4995, s.bandMix().get("batch"), 5e-5);
    assertEquals(0.4018, s.bandMix().get("free"), 5e-5);
    // requested at t = 0 (running or pending): 125.5% of the cell, over-committed
    assertEquals(0.7426, s.startShare("production"), 5e-5);
    assertEquals(0.2401, s.startShare("batch"), 5e-5);
    assertEquals(0.2721, s.startShare("free"), 5e-5);
    assertEquals(1.2549, s.startShare(), 5e-5);
    assertEquals(43237, s.finished());
    assertEquals(402.379215, s.medianDurationSeconds(), 1e-6);
    assertEquals(1702.656375, s.p90DurationSeconds(), 1e-6);
  }
}
