package org.mesosim.model.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.mesosim.engine.SimTime;
import org.mesosim.engine.random.Distribution;
import org.mesosim.model.FrameworkInfo;
import org.mesosim.model.Resources;
import org.mesosim.model.TaskState;
import org.mesosim.model.config.Defaults;
import org.mesosim.model.config.FaultSpec;
import org.mesosim.model.config.FaultTarget;
import org.mesosim.model.config.MasterFlags;
import org.mesosim.model.config.ModelConfig;
import org.mesosim.model.events.ModelEvent;
import org.mesosim.model.workload.TaskOutcome;

/**
 * Fault-schedule soak (issue 24, item 7): for each seed a random schedule of one-off faults
 * (leader and master crashes, agent and framework crashes, partitions of agents, frameworks and of
 * a ZooKeeper majority, ZooKeeper server crashes; each recovering after a random delay) with
 * message loss on some seeds, run until drained with every invariant checked. Asserts no
 * violation, no hang (a wall-time watchdog per seed), every job ended, and every launched task
 * ended in a terminal state that its framework learnt: a terminal status was emitted for it, and
 * when that status came from its agent the framework acknowledged it.
 *
 * <p>The schedules come from {@link Random} seeded by the seed (test data, not simulation logic).
 */
class FaultSoakTest {
  static final long S = SimTime.SECOND;
  static final int SEEDS = 32;

  /** A random schedule for {@code seed}, and a description for failure messages. */
  static ModelConfig schedule(long seed, List<String> described) {
    Random r = new Random(seed);
    MasterFlags m = Defaults.MASTER;
    // offers time out after 20 s (loss breaks links, lossModel link; see docs/reliability.md)
    MasterFlags flags = new MasterFlags(m.agentPingTimeout(), m.maxAgentPingTimeouts(), 60 * S,
        m.agentReregisterTimeout(), m.registryWriteLatency(), 20 * S);
    double loss = r.nextInt(3) == 0 ? 0.01 : 0;
    FrameworkInfo a = new FrameworkInfo("A", "*", 600 * S, true, false, false);
    FrameworkInfo b = new FrameworkInfo("B", "*", 600 * S, r.nextBoolean(), r.nextBoolean(), false);
    TestScenarios.Builder cfg = TestScenarios.builder().seed(seed).masters(3).loss(loss).master(flags)
        .agents(TestScenarios.agents("a", 3, 4, 8192))
        .agents(TestScenarios.agents("b", 3, 8, 16384))
        .framework(TestScenarios.framework(a, Defaults.SCHEDULER, TestScenarios.jobs("a-", 10, 4,
            Resources.of(1, 1024), 15 * S, 60 * S, TaskOutcome.SAMPLED, 0.1)))
        .framework(TestScenarios.framework(b, Defaults.SCHEDULER, TestScenarios.jobs("b-", 6, 3,
            Resources.of(2, 2048), 25 * S, 45 * S, TaskOutcome.FINISHED, 0)));
    described.add("loss " + loss);
    int n = 3 + r.nextInt(6);
    for (int i = 0; i < n; i++) {
      long at = (10 + r.nextInt(600)) * S;
      long recover = (5 + r.nextInt(180)) * S;
      FaultSpec.Action action = FaultSpec.Action.CRASH;
      List<FaultTarget> t;
      switch (r.nextInt(9)) {
        case 0 -> t = List.of(new FaultTarget(FaultTarget.Kind.LEADING_MASTER, null));
        case 1 -> t = List.of(new FaultTarget(FaultTarget.Kind.MASTER, "master-" + (1 + r.nextInt(3))));
        case 2 -> t = List.of(new FaultTarget(FaultTarget.Kind.AGENT, "a-" + (1 + r.nextInt(3))));
        case 3 -> t = List.of(new FaultTarget(FaultTarget.Kind.AGENT_GROUP, "b"));
        case 4 -> t = List.of(new FaultTarget(FaultTarget.Kind.FRAMEWORK, r.nextBoolean() ? "A" : "B"));
        case 5 -> t = List.of(new FaultTarget(FaultTarget.Kind.ZOOKEEPER, "zookeeper-" + (1 + r.nextInt(3))));
        case 6 -> {
          action = FaultSpec.Action.PARTITION;
          t = List.of(new FaultTarget(FaultTarget.Kind.AGENT, "b-" + (1 + r.nextInt(3))));
        }
        case 7 -> {
          action = FaultSpec.Action.PARTITION;
          t = List.of(new FaultTarget(FaultTarget.Kind.FRAMEWORK, r.nextBoolean() ? "A" : "B"));
        }
        default -> { // a ZooKeeper majority cut off: no quorum until it heals
          action = FaultSpec.Action.PARTITION;
          t = List.of(new FaultTarget(FaultTarget.Kind.ZOOKEEPER, "zookeeper-1"),
              new FaultTarget(FaultTarget.Kind.ZOOKEEPER, "zookeeper-2"));
        }
      }
      cfg.fault(new FaultSpec(at, null, action, t, new Distribution.Constant(recover)));
      described.add(at / S + "s " + action + " " + t + " for " + recover / S + "s");
    }
    return cfg.build();
  }

  @Test
  void randomFaultSchedules_drainWithoutViolationsAndEveryTaskEndsAcknowledged() {
    long launched = 0;
    long faults = 0;
    for (long seed = 1; seed <= SEEDS; seed++) {
      List<String> described = new ArrayList<>();
      ModelConfig cfg = schedule(seed, described);
      String what = "seed " + seed + " " + described;
      // watchdog: a run that does not end within its wall time is a hang
      EndToEndTest.Run r = assertTimeoutPreemptively(Duration.ofSeconds(30),
          () -> FaultScenariosTest.run(cfg, 48 * SimTime.HOUR), what);
      assertEquals(List.of(), r.rec().of(ModelEvent.InvariantViolated.class), what);
      assertTrue(r.cluster().isDrained(), what + ": not drained by " + r.sim().now() / S + " s");
      assertEquals(16, r.rec().of(ModelEvent.JobEnded.class).size(), what);
      // the last acknowledgements are still on their way when the frameworks are done: let them land
      r.sim().runWhile(r.sim().now() + 10 * SimTime.MINUTE, () -> true);
      assertEquals(List.of(), r.rec().of(ModelEvent.InvariantViolated.class), what);
      launched += checkEveryTaskEnded(r, what);
      faults += r.rec().of(ModelEvent.Fault.class).size();
    }
    System.out.println("fault soak: " + SEEDS + " seeds, " + faults + " faults, " + launched + " tasks launched,"
        + " no violation");
    assertTrue(launched > SEEDS * 50, "tasks launched: " + launched);
    assertTrue(faults >= SEEDS * 3, "faults injected: " + faults);
  }

  /**
   * Every launched task ended (a terminal status was emitted for it), and the last terminal update
   * its agent sent was acknowledged by its framework unless that agent was removed after sending it
   * (the master then answers for the agent's tasks, and nothing is left to acknowledge to).
   */
  private static long checkEveryTaskEnded(EndToEndTest.Run r, String what) {
    Map<String, ModelEvent.TaskStatus> last = new HashMap<>();
    Map<String, List<TaskState>> acked = new HashMap<>();
    Map<String, Long> removed = new HashMap<>();
    List<String> launched = new ArrayList<>();
    for (ModelEvent e : r.rec().events) {
      if (e instanceof ModelEvent.TaskLaunched l) {
        launched.add(l.framework() + "/" + l.task().value());
      } else if (e instanceof ModelEvent.TaskStatus s && s.state().isTerminal()) {
        last.put(s.framework() + "/" + s.task().value(), s);
      } else if (e instanceof ModelEvent.TaskAcknowledged a) {
        acked.computeIfAbsent(a.framework() + "/" + a.task().value(), k -> new ArrayList<>()).add(a.state());
      } else if (e instanceof ModelEvent.AgentRemoved a) {
        removed.put(a.agent().value(), a.time());
      }
    }
    long checked = 0;
    for (String t : launched) {
      ModelEvent.TaskStatus s = last.get(t);
      assertTrue(s != null, what + ": " + t + " launched and never ended");
      boolean fromAgent = s.reason().isEmpty();
      Long gone = s.agent() == null ? null : removed.get(s.agent().value());
      if (fromAgent && (gone == null || gone < s.time())) {
        checked++;
        assertTrue(acked.getOrDefault(t, List.of()).contains(s.state()), what + ": " + t + " ended " + s.state()
            + " at " + s.time() / S + " s and its framework never acknowledged it");
      }
    }
    assertTrue(checked > 0, what + ": no acknowledgement checked");
    return launched.size();
  }
}
