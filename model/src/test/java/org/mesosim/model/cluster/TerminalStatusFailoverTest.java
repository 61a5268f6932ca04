package org.mesosim.model.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.mesosim.engine.SimTime;
import org.mesosim.model.FrameworkInfo;
import org.mesosim.model.Resources;
import org.mesosim.model.TaskId;
import org.mesosim.model.TaskState;
import org.mesosim.model.config.Defaults;
import org.mesosim.model.config.FaultTarget;
import org.mesosim.model.config.ModelConfig;
import org.mesosim.model.events.ModelEvent;
import org.mesosim.model.invariants.InvariantChecker;
import org.mesosim.model.workload.TaskOutcome;

/**
 * Tasks that end while no master leads (between the leader's crash and the new leader's recovery)
 * must still end in exactly one observable terminal {@link ModelEvent.TaskStatus}, and the
 * agent's retried terminal update must be forwarded and acknowledged (Master::reregisterSlave, Master::statusUpdate in src/master/master.cpp).
 */
class TerminalStatusFailoverTest {
  static final long S = SimTime.SECOND;
  static final long CRASH = 60 * S;

  /** 8 tasks ending at ~64 s (leaderless), 8 ending at ~2 min (after recovery), one leader crash at 60 s. */
  static ModelConfig config() {
    FrameworkInfo a = new FrameworkInfo("A", "*", SimTime.HOUR, true, false, false);
    FrameworkInfo b = new FrameworkInfo("B", "*", SimTime.HOUR, true, false, false);
    return TestScenarios.builder().masters(3)
        .agents(TestScenarios.agents("a", 4, 4, 8192))
        .framework(TestScenarios.framework(a, Defaults.SCHEDULER,
            TestScenarios.jobs("a-", 2, 4, Resources.of(1, 1024), S, 63 * S, TaskOutcome.FINISHED, 0)))
        .framework(TestScenarios.framework(b, Defaults.SCHEDULER,
            TestScenarios.jobs("b-", 2, 4, Resources.of(1, 1024), S, 120 * S, TaskOutcome.FINISHED, 0)))
        .fault(FaultScenariosTest.crashAt(CRASH, new FaultTarget(FaultTarget.Kind.LEADING_MASTER, null), 30 * S))
        .build();
  }

  @Test
  void leaderCrashWhileTasksFinish_everyLaunchGetsExactlyOneTerminalStatus_andEveryUpdateIsAcknowledged() {
    EndToEndTest.Run r = FaultScenariosTest.run(config(), SimTime.HOUR);
    assertTrue(r.cluster().isDrained());
    // Let the last acknowledgements travel (the run stops when the last task ends at its framework).
    r.sim().run(r.sim().now() + 10 * SimTime.MINUTE);

    List<ModelEvent.LeaderElected> elected = r.rec().of(ModelEvent.LeaderElected.class);
    assertEquals(2, elected.size());
    long recoveredAt = r.rec().of(ModelEvent.LeaderRecovered.class).get(1).time();

    List<ModelEvent.TaskLaunched> launched = r.rec().of(ModelEvent.TaskLaunched.class);
    assertEquals(16, launched.size()); // no task was lost, none relaunched
    Map<TaskId, Integer> terminal = new TreeMap<>((x, y) -> x.value().compareTo(y.value()));
    Map<TaskId, Integer> terminalAcks = new TreeMap<>((x, y) -> x.value().compareTo(y.value()));
    long endedLeaderless = 0;
    for (ModelEvent.TaskLaunched l : launched) {
      terminal.put(l.task(), 0);
      terminalAcks.put(l.task(), 0);
    }
    for (ModelEvent.TaskStatus s : r.rec().of(ModelEvent.TaskStatus.class)) {
      if (s.state().isTerminal()) {
        assertEquals(TaskState.TASK_FINISHED, s.state(), s.toString());
        terminal.merge(s.task(), 1, Integer::sum);
        if (s.time() >= recoveredAt && s.time() < recoveredAt + 5 * S) {
          endedLeaderless++; // surfaced by the agent's re-registration with the new leader
        }
      }
    }
    for (ModelEvent.TaskAcknowledged a : r.rec().of(ModelEvent.TaskAcknowledged.class)) {
      if (a.state().isTerminal()) {
        terminalAcks.merge(a.task(), 1, Integer::sum);
      }
    }
    assertEquals(8, endedLeaderless); // every "A" task ended between the crash and the recovery
    for (var e : terminal.entrySet()) {
      assertEquals(1, e.getValue(), "terminal TaskStatus events of " + e.getKey());
      assertTrue(terminalAcks.get(e.getKey()) >= 1, "terminal update of " + e.getKey() + " acknowledged");
    }
    assertTrue(r.rec().of(ModelEvent.TaskRecovered.class).isEmpty());
    // Every status update stream on every agent is drained: all updates were acknowledged.
    for (Agent ag : r.internal().agents) {
      assertEquals(List.of(), ag.tasks, ag.name + " still holds unacknowledged updates");
    }
    assertEquals(0, r.cluster().invariantViolations());
  }

  @Test
  void invariantChecker_terminalStatus_flagsASecondTerminalAndAnUnseenEnd() {
    java.util.ArrayList<ModelEvent.InvariantViolated> seen = new java.util.ArrayList<>();
    InvariantChecker c = new InvariantChecker(seen::add);
    c.terminalTwice(5, "A", "t1", "TASK_FINISHED");
    c.endedUnseen(7, "A", "t2", "TASK_FINISHED");
    assertEquals(2, c.violations());
    assertEquals("terminal-status", seen.get(0).invariant());
    assertEquals("A/t1: second terminal status TASK_FINISHED", seen.get(0).detail());
    assertEquals("A/t2: ended at its framework (TASK_FINISHED) without a terminal status", seen.get(1).detail());
  }
}
