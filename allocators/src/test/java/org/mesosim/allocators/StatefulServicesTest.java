package org.mesosim.allocators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.mesosim.engine.SimTime;
import org.mesosim.engine.Simulation;
import org.mesosim.model.AgentId;
import org.mesosim.model.FrameworkInfo;
import org.mesosim.model.MesosCluster;
import org.mesosim.model.Resources;
import org.mesosim.model.allocation.AllocatorPolicy;
import org.mesosim.model.config.AgentGroup;
import org.mesosim.model.config.AllocatorConfig;
import org.mesosim.model.config.Defaults;
import org.mesosim.model.config.FrameworkConfig;
import org.mesosim.model.config.ModelConfig;
import org.mesosim.model.config.SchedulerConfig;
import org.mesosim.model.config.ZooKeeperConfig;
import org.mesosim.model.events.ModelEvent;
import org.mesosim.model.workload.JobSpec;
import org.mesosim.model.workload.TaskOutcome;
import org.mesosim.model.workload.TaskSpec;
import org.mesosim.model.workload.Workload;

/**
 * The stateful scheduler option behind the real model and {@code hierarchical-drf}
 * (docs/operations.md): first launches RESERVE and CREATE in their ACCEPT, relaunches come back to
 * the same agent on the reservation and the volume, which survive the task's end.
 */
class StatefulServicesTest {
  private static final long S = SimTime.SECOND;

  private static FrameworkConfig.WorkloadFactory service(String job, int tasks, Resources res, long duration) {
    return streams -> {
      List<TaskSpec> ts = new ArrayList<>();
      for (int t = 0; t < tasks; t++) {
        ts.add(TaskSpec.of("t" + t, res, duration, TaskOutcome.FINISHED));
      }
      Iterator<JobSpec> it = List.of(JobSpec.of(job, 0, ts)).iterator();
      Workload w = () -> it.hasNext() ? it.next() : null;
      return w;
    };
  }

  private static SchedulerConfig sched(SchedulerConfig.SchedulerType type, boolean stateful) {
    return new SchedulerConfig(type, 4, 0, Defaults.REFUSE, true, 0L, 0L, false, 0, 0, 0L, false,
        SchedulerConfig.InverseOfferAnswer.IGNORE, stateful);
  }

  private static List<ModelEvent> run(boolean stateful, long[] violations) {
    return run(stateful, 1, List.of(), violations);
  }

  private static List<ModelEvent> run(boolean stateful, int masters, List<org.mesosim.model.config.FaultSpec> faults,
      long[] violations) {
    AllocatorPolicy p = AllocatorRegistry.standard().require("hierarchical-drf");
    List<FrameworkConfig> fws = List.of(
        new FrameworkConfig(FrameworkInfo.of("db", "db"), sched(SchedulerConfig.SchedulerType.SERVICE, stateful),
            service("cassandra", 3, Resources.of(1, 1024, 2000), 60 * S)),
        new FrameworkConfig(FrameworkInfo.of("batch", "batch"), sched(SchedulerConfig.SchedulerType.SERVICE, false),
            service("spark", 6, Resources.of(1, 512), 45 * S)));
    List<AgentGroup> agents = List.of(
        new AgentGroup("node", 4, Resources.of(4, 8192, 10000), new TreeMap<>(), new TreeMap<>()));
    ModelConfig config = new ModelConfig("stateful", 5L, 10 * SimTime.MINUTE, new ZooKeeperConfig(1, 10 * S), masters,
        Defaults.MASTER, Defaults.AGENT, Defaults.NETWORK, agents, new TreeMap<>(),
        new AllocatorConfig(p, Defaults.ALLOCATION_INTERVAL, PolicyOptions.resolve(p, java.util.Map.of())),
        fws, faults, true);
    Simulation sim = new Simulation(config.seed());
    MesosCluster cluster = new MesosCluster(sim, config);
    List<ModelEvent> events = new ArrayList<>();
    cluster.addObserver(events::add);
    cluster.start();
    sim.runWhile(config.until(), () -> !cluster.isDrained());
    violations[0] = cluster.invariantViolations();
    return events;
  }

  @Test
  void statefulService_reservesAndCreatesOnce_andRelaunchesEveryTaskOnItsFirstAgent() {
    long[] violations = {0};
    List<ModelEvent> events = run(true, violations);
    assertEquals(0, violations[0], events.stream().filter(e -> e instanceof ModelEvent.InvariantViolated).toList().toString());
    List<ModelEvent.OperationApplied> ops = new ArrayList<>();
    TreeMap<String, AgentId> home = new TreeMap<>();
    TreeMap<String, Integer> launches = new TreeMap<>();
    for (ModelEvent e : events) {
      if (e instanceof ModelEvent.OperationApplied o) {
        ops.add(o);
      } else if (e instanceof ModelEvent.TaskLaunched t && t.framework().equals("db")) {
        String logical = t.task().value().substring(0, t.task().value().lastIndexOf('-'));
        AgentId first = home.putIfAbsent(logical, t.agent());
        if (first != null) {
          assertEquals(first, t.agent(), t.task() + " relaunched away from its volume");
        }
        launches.merge(logical, 1, Integer::sum);
      }
    }
    // One RESERVE and one CREATE per task, in that order, and nothing more (the volume survives).
    assertEquals(6, ops.size(), ops.toString());
    for (int i = 0; i < 6; i += 2) {
      assertEquals("RESERVE", ops.get(i).type());
      assertEquals(Resources.of(1, 1024, 2000), ops.get(i).resources());
      assertEquals("CREATE", ops.get(i + 1).type());
      assertEquals(ops.get(i).agent(), ops.get(i + 1).agent());
      assertTrue(ops.get(i + 1).volume().startsWith("db/cassandra/t"), ops.get(i + 1).volume());
    }
    assertEquals(3, home.size());
    // Each task runs 60 s at a time for 10 minutes: relaunched about 9 times, always at home.
    for (int n : launches.values()) {
      assertTrue(n >= 8 && n <= 10, launches.toString());
    }
  }

  /**
   * The volumes and reservations survive a master failover (the new leader learns them from the
   * agents' re-registrations: their checkpointed resources and their tasks' resources) and an agent
   * crash (the agent keeps its checkpointed resources): no operation is repeated, every relaunch is at
   * home, nothing is violated.
   */
  @Test
  void volumesSurviveAMasterFailoverAndAnAgentCrash() {
    org.mesosim.engine.random.Distribution.Constant thirty = new org.mesosim.engine.random.Distribution.Constant(30 * S);
    List<org.mesosim.model.config.FaultSpec> faults = List.of(
        new org.mesosim.model.config.FaultSpec(3 * SimTime.MINUTE, null, org.mesosim.model.config.FaultSpec.Action.CRASH,
            List.of(new org.mesosim.model.config.FaultTarget(org.mesosim.model.config.FaultTarget.Kind.LEADING_MASTER,
                "")), thirty),
        new org.mesosim.model.config.FaultSpec(6 * SimTime.MINUTE, null, org.mesosim.model.config.FaultSpec.Action.CRASH,
            List.of(new org.mesosim.model.config.FaultTarget(org.mesosim.model.config.FaultTarget.Kind.AGENT_GROUP,
                "node")), thirty));
    long[] violations = {0};
    List<ModelEvent> events = run(true, 3, faults, violations);
    assertEquals(0, violations[0], events.stream().filter(e -> e instanceof ModelEvent.InvariantViolated).toList().toString());
    assertEquals(2, events.stream().filter(e -> e instanceof ModelEvent.LeaderElected).count(), "one failover");
    assertEquals(6, events.stream().filter(e -> e instanceof ModelEvent.OperationApplied).count());
    TreeMap<String, AgentId> home = new TreeMap<>();
    int lost = 0;
    int after = 0;
    for (ModelEvent e : events) {
      if (e instanceof ModelEvent.TaskLaunched t && t.framework().equals("db")) {
        String logical = t.task().value().substring(0, t.task().value().lastIndexOf('-'));
        AgentId first = home.putIfAbsent(logical, t.agent());
        assertEquals(first == null ? t.agent() : first, t.agent(), t.task() + " relaunched away from its volume");
        after += t.time() > 6 * SimTime.MINUTE ? 1 : 0;
      } else if (e instanceof ModelEvent.TaskStatus st && st.framework().equals("db")
          && st.state() == org.mesosim.model.TaskState.TASK_LOST) {
        lost++;
      }
    }
    assertEquals(3, lost, "every agent crashed at 6 minutes: the 3 db nodes are lost");
    assertTrue(after >= 3, "and relaunched at home after the restart: " + after);
  }

  @Test
  void withoutTheOption_noOperationIsApplied() {
    long[] violations = {0};
    List<ModelEvent> events = run(false, violations);
    assertEquals(0, violations[0]);
    assertEquals(0, events.stream().filter(e -> e instanceof ModelEvent.OperationApplied).count());
  }
}
