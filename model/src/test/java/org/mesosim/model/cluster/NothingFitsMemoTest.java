package org.mesosim.model.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mesosim.engine.SimTime;
import org.mesosim.model.FrameworkInfo;
import org.mesosim.model.Resources;
import org.mesosim.model.config.Defaults;
import org.mesosim.model.config.ModelConfig;
import org.mesosim.model.config.SchedulerConfig;
import org.mesosim.model.events.ModelEvent;
import org.mesosim.model.workload.JobSpec;
import org.mesosim.model.workload.TaskOutcome;
import org.mesosim.model.workload.TaskSpec;

/**
 * The scheduler's "nothing fits" memo (Framework#nothingFits) only skips scans that would find
 * nothing: a shape that enters the queue after an agent's free vector was remembered as fitting
 * nothing is tested against it, so it launches on the next offer of that same vector.
 */
class NothingFitsMemoTest {
  private static final long S = SimTime.SECOND;

  private static List<TaskSpec> tasks(int n, Resources r, long duration) {
    List<TaskSpec> out = new ArrayList<>();
    for (int t = 0; t < n; t++) {
      out.add(new TaskSpec(Integer.toString(t), "", r, duration, TaskOutcome.FINISHED, 0, List.of()));
    }
    return out;
  }

  @Test
  void aShapeEnteringAfterTheMemo_launchesOnTheSameFreeVector() {
    SchedulerConfig d = Defaults.SCHEDULER;
    SchedulerConfig sc = new SchedulerConfig(SchedulerConfig.SchedulerType.BATCH, d.maxAttempts(), 0, S, false, 0, 0);
    // 6-cpu tasks never fit the 4-cpu agent: its free vector is offered and declined every second.
    // At 20 s a 1-cpu task arrives: a shape the memo has not seen.
    List<JobSpec> jobs = List.of(JobSpec.of("big", 0, tasks(2, Resources.of(6, 1024), 30 * S)),
        JobSpec.of("small", 20 * S, tasks(1, Resources.of(1, 1024), 5 * S)));
    ModelConfig cfg = TestScenarios.builder()
        .agents(TestScenarios.agents("a", 1, 4, 8192))
        .framework(TestScenarios.framework(FrameworkInfo.of("A", "*"), sc, streams -> TestScenarios.listWorkload(jobs)))
        .build();
    EndToEndTest.Run r = FaultScenariosTest.run(cfg, 40 * S);

    List<ModelEvent.OfferDeclined> before = r.rec().of(ModelEvent.OfferDeclined.class).stream()
        .filter(x -> x.time() < 20 * S).toList();
    assertTrue(before.size() >= 10, "the free vector was declined every second before 20 s: " + before.size());
    assertEquals(1, before.stream().map(x -> x.remainder()).distinct().count(), "always the same free vector");
    List<ModelEvent.TaskLaunched> launched = r.rec().of(ModelEvent.TaskLaunched.class);
    assertEquals(1, launched.size(), "the small task, and nothing else");
    assertEquals("small", launched.get(0).job());
    // The next offer of the agent after the arrival (its 1 s filter expires, the next run offers the
    // same free vector) finds the new shape; a memo that skipped it would decline it forever.
    assertTrue(launched.get(0).time() >= 20 * S && launched.get(0).time() <= 22 * S,
        "launched at " + launched.get(0).time());
  }
}
