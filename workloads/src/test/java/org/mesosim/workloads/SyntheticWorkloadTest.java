package org.mesosim.workloads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mesosim.engine.SimTime;
import org.mesosim.engine.random.Distribution;
import org.mesosim.engine.random.RandomStreams;
import org.mesosim.model.Resources;
import org.mesosim.model.workload.JobSpec;
import org.mesosim.model.workload.TaskOutcome;
import org.mesosim.model.workload.Workload;

class SyntheticWorkloadTest {
  private static final Resources R = Resources.of(1, 4096);

  private static List<JobSpec> all(Workload w) {
    List<JobSpec> out = new ArrayList<>();
    JobSpec j;
    while ((j = w.next()) != null) {
      out.add(j);
    }
    return out;
  }

  @Test
  void allAtOnce_constantTasksAndDuration() {
    SyntheticSpec s = new SyntheticSpec(3, null, 5 * SimTime.SECOND, new Distribution.Constant(2), R,
        new Distribution.Constant(60 * SimTime.SECOND), 0.1);
    List<JobSpec> jobs = all(Workloads.synthetic(s, new RandomStreams(1), "A"));
    assertEquals(3, jobs.size());
    assertEquals(List.of("1", "2", "3"), jobs.stream().map(JobSpec::id).toList());
    for (JobSpec j : jobs) {
      assertEquals(5 * SimTime.SECOND, j.submitTime());
      assertEquals(2, j.tasks().size());
      assertEquals(60 * SimTime.SECOND, j.tasks().get(1).duration());
      assertEquals(TaskOutcome.SAMPLED, j.tasks().get(0).outcome());
      assertEquals(0.1, j.tasks().get(0).failureProbability());
      assertEquals(R, j.tasks().get(0).resources());
    }
  }

  @Test
  void exponentialArrivals_renewalFromZero_sameSeedSameJobs() {
    SyntheticSpec s = new SyntheticSpec(2000, new Distribution.Exponential(30 * SimTime.SECOND), -1,
        new Distribution.Uniform(0, 3), R, null, 0);
    List<JobSpec> a = all(Workloads.synthetic(s, new RandomStreams(42), "A"));
    List<JobSpec> b = all(Workloads.synthetic(s, new RandomStreams(42), "A"));
    List<JobSpec> c = all(Workloads.synthetic(s, new RandomStreams(42), "B"));
    assertEquals(a, b);
    assertNotEquals(a, c); // another framework name: other streams
    assertTrue(a.get(0).submitTime() > 0);
    long prev = 0;
    for (JobSpec j : a) {
      assertTrue(j.submitTime() >= prev);
      prev = j.submitTime();
      assertTrue(j.tasks().size() >= 1 && j.tasks().size() <= 3); // uniform(0, 3) rounded, at least 1
      assertEquals(SimTime.NEVER, j.tasks().get(0).duration()); // no duration: forever
    }
    double meanGap = prev / 2000.0 / SimTime.SECOND;
    assertEquals(30, meanGap, 2.0); // 2000 gaps: standard error 0.67 s
  }

  @Test
  void unbounded_isEndless() {
    SyntheticSpec s = new SyntheticSpec(-1, new Distribution.Constant(SimTime.SECOND), -1, new Distribution.Constant(1), R,
        new Distribution.Constant(1), 0);
    Workload w = Workloads.synthetic(s, new RandomStreams(1), "A");
    assertTrue(w.endless());
    JobSpec j = null;
    for (int i = 0; i < 10_000; i++) {
      j = w.next();
    }
    assertEquals(10_000 * SimTime.SECOND, j.submitTime());
    assertEquals(10_000, w.stats().jobs());
  }

  @Test
  void zeroJobs_emptyWorkload() {
    SyntheticSpec s = new SyntheticSpec(0, null, 0, new Distribution.Constant(1), R, null, 0);
    assertNull(Workloads.synthetic(s, new RandomStreams(1), "A").next());
  }
}
