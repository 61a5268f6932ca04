package org.mesosim.model.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mesosim.engine.SimTime;
import org.mesosim.model.Resources;
import org.mesosim.model.events.ModelEvent;
import org.mesosim.model.workload.JobSpec;
import org.mesosim.model.workload.TaskOutcome;
import org.mesosim.model.workload.TaskSpec;

/** {@code --check-invariants} catches two live tasks of one framework with the same id (issue 24, item 2). */
class UniqueTaskIdInvariantTest {
  static final long S = SimTime.SECOND;

  private static JobSpec job(String id, long at) {
    return JobSpec.of(id, at, List.of(new TaskSpec("0", "", Resources.of(1, 512), 60 * S, TaskOutcome.FINISHED, 0,
        List.of())));
  }

  private static EndToEndTest.Run run(List<JobSpec> jobs) {
    return EndToEndTest.run(TestScenarios.builder().agents(TestScenarios.agents("a", 2, 4, 8192))
        .framework(TestScenarios.framework("A", streams -> TestScenarios.listWorkload(jobs))).build());
  }

  @Test
  void twoLiveTasksWithOneId_areAViolation() {
    // job 7 comes back while its first copy runs: both launch as 7-0-1
    EndToEndTest.Run r = run(List.of(job("7", 0), job("8", S), job("7", 2 * S)));
    List<ModelEvent.InvariantViolated> v = r.rec().of(ModelEvent.InvariantViolated.class);
    assertEquals(1, v.size(), v.toString());
    assertEquals("unique-task-id", v.get(0).invariant());
    assertEquals("A/7-0-1: launched while another live task of the framework has that id", v.get(0).detail());
  }

  @Test
  void anIdUsedAgainAfterItsTaskEnded_isNot() {
    EndToEndTest.Run r = run(List.of(job("7", 0), job("7", 200 * S)));
    assertEquals(0, r.cluster().invariantViolations(), r.rec().of(ModelEvent.InvariantViolated.class).toString());
    assertEquals(2, r.rec().of(ModelEvent.JobEnded.class).size());
  }
}
