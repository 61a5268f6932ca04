package org.mesosim.model.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mesosim.engine.SimTime;
import org.mesosim.engine.Simulation;
import org.mesosim.model.MesosCluster;
import org.mesosim.model.Resources;
import org.mesosim.model.TaskState;
import org.mesosim.model.config.ModelConfig;
import org.mesosim.model.events.ModelEvent;
import org.mesosim.model.workload.TaskOutcome;

class EndToEndTest {

  static ModelConfig small(long seed, double failureProbability) {
    return TestScenarios.builder().seed(seed)
        .agents(TestScenarios.agents("small", 4, 4, 8192))
        .framework(TestScenarios.framework("A", TestScenarios.jobs("a", 10, 6, Resources.of(1, 1024),
            5 * SimTime.SECOND, 30 * SimTime.SECOND, TaskOutcome.SAMPLED, failureProbability)))
        .framework(TestScenarios.framework("B", TestScenarios.jobs("b", 5, 3, Resources.of(2, 2048),
            7 * SimTime.SECOND, 20 * SimTime.SECOND, TaskOutcome.SAMPLED, failureProbability)))
        .build();
  }

  static Run run(ModelConfig cfg) {
    Simulation sim = new Simulation(cfg.seed());
    MesosCluster c = new MesosCluster(sim, cfg);
    Recorder rec = new Recorder();
    c.addObserver(rec);
    c.start();
    sim.runWhile(SimTime.HOUR * 10, () -> !c.isDrained());
    return new Run(sim, c, rec);
  }

  record Run(Simulation sim, MesosCluster cluster, Recorder rec) {
    Cluster internal() {
      return cluster.internal();
    }
  }

  @Test
  void smallCluster_drainsWithEveryTaskFinished() {
    Run r = run(small(1, 0));
    assertTrue(r.cluster.isDrained());
    List<ModelEvent.JobEnded> ended = r.rec.of(ModelEvent.JobEnded.class);
    assertEquals(15, ended.size());
    for (ModelEvent.JobEnded e : ended) {
      assertEquals("finished", e.state());
    }
    assertEquals(60 + 15, r.rec.of(ModelEvent.TaskLaunched.class).size());
    long finished = r.rec.of(ModelEvent.TaskStatus.class).stream()
        .filter(s -> s.state() == TaskState.TASK_FINISHED).count();
    assertEquals(75, finished);
    assertEquals(0, r.cluster.invariantViolations());
    // Every task went STAGING -> STARTING -> RUNNING -> FINISHED in the master's view.
    assertEquals(75 * 3, r.rec.of(ModelEvent.TaskStatus.class).size());
    // Resources conserved: nothing used at the end on any agent.
    Master.Leadership l = r.internal().leader().leading;
    for (AgentRecord a : l.agents) {
      assertEquals(Resources.EMPTY, Vec.of(a.used));
      assertTrue(a.total.quantity().contains(Vec.of(a.offered())));
    }
    assertEquals(4, r.rec.of(ModelEvent.AgentRegistered.class).size());
    assertEquals(2, r.rec.of(ModelEvent.FrameworkRegistered.class).size());
    assertEquals(1, r.rec.of(ModelEvent.LeaderElected.class).size());
  }

  @Test
  void failures_areRetriedUpToMaxAttempts() {
    Run r = run(small(3, 0.3));
    assertTrue(r.cluster.isDrained());
    long failedStatuses = r.rec.of(ModelEvent.TaskStatus.class).stream()
        .filter(s -> s.state() == TaskState.TASK_FAILED).count();
    assertTrue(failedStatuses > 0);
    int launches = r.rec.of(ModelEvent.TaskLaunched.class).size();
    assertTrue(launches > 75, "retries launch again: " + launches);
    long finishedStatuses = r.rec.of(ModelEvent.TaskStatus.class).stream()
        .filter(s -> s.state() == TaskState.TASK_FINISHED).count();
    // Every launch ends exactly once, FINISHED or FAILED (no faults here, so nothing else).
    assertEquals(launches, finishedStatuses + failedStatuses);
    assertEquals(launches, r.rec.of(ModelEvent.TaskStatus.class).stream().filter(s -> s.state().isTerminal())
        .map(s -> s.task().value()).distinct().count());
    // A job fails only when one of its tasks failed maxAttempts (4) times.
    List<ModelEvent.JobEnded> failedJobs = r.rec.of(ModelEvent.JobEnded.class).stream()
        .filter(j -> j.state().equals("failed")).toList();
    for (ModelEvent.JobEnded j : failedJobs) {
      assertTrue(r.rec.of(ModelEvent.TaskLaunched.class).stream()
          .anyMatch(l -> l.job().equals(j.job()) && l.task().value().endsWith("-4")), j.job());
    }
    assertEquals(15, r.rec.of(ModelEvent.JobEnded.class).size());
    assertEquals(0, r.cluster.invariantViolations());
  }

  @Test
  void digest_isStableAcrossRunsAndSeedSensitive() {
    String a = run(small(7, 0.1)).sim.digest().hex();
    String b = run(small(7, 0.1)).sim.digest().hex();
    String c = run(small(8, 0.1)).sim.digest().hex();
    assertEquals(a, b);
    assertNotEquals(a, c);
  }

  @Test
  void idleHealthyAgents_costNoEventsPerPingPeriod() {
    // 1000 agents, one job arriving after an hour: the hour in between must not cost pings.
    ModelConfig cfg = TestScenarios.builder()
        .agents(TestScenarios.agents("a", 1000, 4, 8192))
        .framework(TestScenarios.framework("A", streams -> TestScenarios.listWorkload(java.util.List.of(
            org.mesosim.model.workload.JobSpec.of("late", SimTime.HOUR, java.util.List.of(
                org.mesosim.model.workload.TaskSpec.of("0", Resources.of(1, 1024), SimTime.SECOND,
                    TaskOutcome.FINISHED)))))))
        .build();
    Simulation sim = new Simulation(1);
    MesosCluster c = new MesosCluster(sim, cfg);
    c.start();
    sim.run(2 * SimTime.MINUTE);
    long afterStartup = sim.eventsFired();
    sim.run(SimTime.HOUR - SimTime.SECOND);
    long idle = sim.eventsFired() - afterStartup;
    // Explicit health checks would cost 1000 agents x 232 periods x 3 events ~ 700,000 events.
    // What remains is the allocator's 1 s tick and the framework's occasional check.
    assertTrue(idle < 4000, "events while idle: " + idle);
    sim.runWhile(SimTime.NEVER, () -> !c.isDrained());
    assertTrue(c.isDrained());
  }
}
