package org.mesosim.model.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mesosim.engine.SimTime;
import org.mesosim.engine.Simulation;
import org.mesosim.model.AgentId;
import org.mesosim.model.MesosCluster;
import org.mesosim.model.Resources;
import org.mesosim.model.TaskState;
import org.mesosim.model.config.Defaults;
import org.mesosim.model.config.FaultSpec;
import org.mesosim.model.config.FaultTarget;
import org.mesosim.model.config.MaintenanceConfig;
import org.mesosim.model.config.ModelConfig;
import org.mesosim.model.events.ModelEvent;
import org.mesosim.model.workload.TaskOutcome;

/**
 * The master's and the agents' side of maintenance (docs/maintenance.md) under the test-only
 * first-fit allocator, which has no maintenance: no inverse offers, but the schedule, DOWN (the
 * agent shut down and removed, its tasks lost, refused while DOWN) and UP (a new agent) work, also
 * across a master failover (the modes are in the registry). The machine-down invariant fires.
 */
class MaintenanceTest {
  private static final long S = SimTime.SECOND;
  private static final long REG = Defaults.MASTER.registryWriteLatency();

  static MaintenanceConfig downAt(long down, long up) {
    return new MaintenanceConfig(10 * S, List.of(new MaintenanceConfig.Window(List.of("a-1"), down, 5 * SimTime.MINUTE)),
        List.of(new MaintenanceConfig.Action(down, MaintenanceConfig.Mode.DOWN, List.of("a-1")),
            new MaintenanceConfig.Action(up, MaintenanceConfig.Mode.UP, List.of("a-1"))));
  }

  static TestScenarios.Builder cluster() {
    return TestScenarios.builder()
        .agents(TestScenarios.agents("a", 2, 4, 8192))
        .framework(TestScenarios.framework("A", TestScenarios.jobs("j", 6, 2, Resources.of(1, 1024), 5 * S,
            60 * S, TaskOutcome.FINISHED, 0)));
  }

  static Recorder run(ModelConfig cfg, long[] violations) {
    Simulation sim = new Simulation(cfg.seed());
    MesosCluster c = new MesosCluster(sim, cfg);
    Recorder rec = new Recorder();
    c.addObserver(rec);
    c.start();
    sim.runWhile(SimTime.HOUR, () -> !c.isDrained());
    violations[0] = c.invariantViolations();
    assertTrue(c.isDrained(), "drained");
    return rec;
  }

  @Test
  void downRemovesTheAgentAndLosesItsTasks_upBringsItBackAsANewAgent() {
    long[] v = new long[1];
    Recorder rec = run(cluster().maintenance(downAt(30 * S, 50 * S)).build(), v);
    assertEquals(0, v[0]);
    List<String> modes = new ArrayList<>();
    for (ModelEvent.MachineMode m : rec.of(ModelEvent.MachineMode.class)) {
      modes.add(m.time() + " " + m.mode());
    }
    assertEquals(List.of((10 * S + REG) + " DRAINING", (30 * S + REG) + " DOWN", (50 * S + REG) + " UP"), modes);
    AgentId first = null;
    AgentId second = null;
    for (ModelEvent.AgentRegistered r : rec.of(ModelEvent.AgentRegistered.class)) {
      if (r.hostname().equals("a-1")) {
        if (first == null) {
          first = r.agent();
        } else {
          second = r.agent();
          assertTrue(r.time() > 50 * S + REG);
          assertFalse(r.reregistered());
        }
      }
    }
    assertNotNull(second, "a-1 registered again after UP");
    assertFalse(second.equals(first));
    List<ModelEvent.AgentRemoved> removed = rec.of(ModelEvent.AgentRemoved.class);
    assertEquals(1, removed.size());
    assertEquals("machine-down", removed.get(0).reason());
    assertEquals(30 * S + REG, removed.get(0).time());
    int lost = 0;
    for (ModelEvent.TaskStatus st : rec.of(ModelEvent.TaskStatus.class)) {
      if (st.state() == TaskState.TASK_LOST) {
        assertEquals(first, st.agent());
        assertEquals("REASON_SLAVE_REMOVED", st.reason());
        assertEquals(30 * S + REG, st.time());
        lost++;
      }
    }
    assertTrue(lost > 0, "tasks on a-1 lost at DOWN");
    for (ModelEvent.TaskLaunched l : rec.of(ModelEvent.TaskLaunched.class)) {
      boolean onA1 = l.agent().equals(first) || l.agent().equals(second);
      assertFalse(onA1 && l.time() > 30 * S && l.time() < 50 * S, "launch on a-1 while DOWN: " + l);
    }
    // The first-fit allocator has no maintenance: no inverse offers.
    assertEquals(List.of(), rec.of(ModelEvent.InverseOfferMade.class));
  }

  /** The DOWN call queues its registry write behind the schedule's, made at the same instant. */
  @Test
  void downAtTheInstantTheScheduleIsPosted() {
    long[] v = new long[1];
    MaintenanceConfig m = new MaintenanceConfig(30 * S,
        List.of(new MaintenanceConfig.Window(List.of("a-1"), 30 * S, SimTime.NEVER)),
        List.of(new MaintenanceConfig.Action(30 * S, MaintenanceConfig.Mode.DOWN, List.of("a-1"))));
    Recorder rec = run(cluster().maintenance(m).build(), v);
    assertEquals(0, v[0]);
    List<String> modes = new ArrayList<>();
    for (ModelEvent.MachineMode e : rec.of(ModelEvent.MachineMode.class)) {
      modes.add(e.time() + " " + e.mode() + " " + e.endTime());
    }
    assertEquals(List.of((30 * S + REG) + " DRAINING -1", (30 * S + 2 * REG) + " DOWN -1"), modes);
  }

  @Test
  void theModesOutliveTheLeader() {
    long[] v = new long[1];
    ModelConfig cfg = cluster().masters(3)
        .fault(new FaultSpec(15 * S, null, FaultSpec.Action.CRASH,
            List.of(new FaultTarget(FaultTarget.Kind.LEADING_MASTER, "leading-master")), null))
        .maintenance(downAt(45 * S, 70 * S)).build();
    Recorder rec = run(cfg, v);
    assertEquals(0, v[0]);
    List<String> modes = new ArrayList<>();
    for (ModelEvent.MachineMode m : rec.of(ModelEvent.MachineMode.class)) {
      modes.add(m.mode());
    }
    // DOWN by the new leader: the DRAINING mode the first one wrote came back with the registry.
    assertEquals(List.of("DRAINING", "DOWN", "UP"), modes);
    assertEquals(2, rec.of(ModelEvent.LeaderElected.class).size());
    assertTrue(rec.of(ModelEvent.LeaderElected.class).get(1).time() < 45 * S);
    assertEquals(1, rec.of(ModelEvent.AgentRemoved.class).stream().filter(r -> r.reason().equals("machine-down"))
        .count());
  }

  @Test
  void theMachineDownInvariantFires() {
    Simulation sim = new Simulation(1);
    MesosCluster c = new MesosCluster(sim, cluster().build());
    Cluster internal = c.internal();
    internal.invariants.notOnDownMachine(0, "agent x added");
    assertEquals(0, c.invariantViolations(), "UP: no violation");
    internal.registry.machineMode[0] = Registry.MACHINE_DOWN;
    internal.invariants.notOnDownMachine(0, "agent x added");
    assertEquals(1, c.invariantViolations());
  }
}
