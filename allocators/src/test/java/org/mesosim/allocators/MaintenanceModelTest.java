package org.mesosim.allocators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.mesosim.engine.SimTime;
import org.mesosim.engine.Simulation;
import org.mesosim.model.AgentId;
import org.mesosim.model.FrameworkInfo;
import org.mesosim.model.MesosCluster;
import org.mesosim.model.Resources;
import org.mesosim.model.TaskState;
import org.mesosim.model.allocation.AllocatorPolicy;
import org.mesosim.model.config.AgentGroup;
import org.mesosim.model.config.AllocatorConfig;
import org.mesosim.model.config.Defaults;
import org.mesosim.model.config.FrameworkConfig;
import org.mesosim.model.config.MaintenanceConfig;
import org.mesosim.model.config.ModelConfig;
import org.mesosim.model.config.SchedulerConfig;
import org.mesosim.model.config.SchedulerConfig.InverseOfferAnswer;
import org.mesosim.model.config.ZooKeeperConfig;
import org.mesosim.model.events.ModelEvent;
import org.mesosim.model.workload.JobSpec;
import org.mesosim.model.workload.TaskOutcome;
import org.mesosim.model.workload.TaskSpec;
import org.mesosim.model.workload.Workload;

/**
 * Maintenance end to end, behind the real master, agents and schedulers with hierarchical-drf
 * (docs/maintenance.md): the schedule puts a machine in DRAINING and its frameworks get inverse
 * offers; a draining framework accepts, kills its tasks there and launches nothing more there; a
 * declining one keeps its tasks until the machine goes DOWN, when they are lost; the machine's
 * agent exits, is refused while DOWN, and registers anew after UP. Invariant checks are on.
 */
class MaintenanceModelTest {
  private static final long S = SimTime.SECOND;
  private static final long MIN = SimTime.MINUTE;

  private static FrameworkConfig.WorkloadFactory jobs(String prefix, int jobs, int tasks, long gap, long duration) {
    return streams -> {
      List<JobSpec> list = new ArrayList<>();
      for (int j = 0; j < jobs; j++) {
        List<TaskSpec> ts = new ArrayList<>();
        for (int t = 0; t < tasks; t++) {
          ts.add(TaskSpec.of(Integer.toString(t), Resources.of(1, 1024), duration, TaskOutcome.FINISHED));
        }
        list.add(JobSpec.of(prefix + j, j * gap, ts));
      }
      Iterator<JobSpec> it = list.iterator();
      Workload w = () -> it.hasNext() ? it.next() : null;
      return w;
    };
  }

  private static SchedulerConfig scheduler(InverseOfferAnswer answer) {
    SchedulerConfig d = Defaults.SCHEDULER;
    return new SchedulerConfig(d.type(), d.maxAttempts(), d.maxTasksPerOffer(), d.refuseMicros(),
        d.suppressWhenIdle(), d.decisionPerOffer(), d.decisionPerTask(), d.serialDecisions(), d.abandonAfter(),
        d.localityReplicas(), d.localityWait(), answer);
  }

  static ModelConfig config(MaintenanceConfig maintenance) {
    return config(maintenance, InverseOfferAnswer.ACCEPT, InverseOfferAnswer.DECLINE, Defaults.MASTER);
  }

  static ModelConfig config(MaintenanceConfig maintenance, InverseOfferAnswer drain, InverseOfferAnswer stay,
      org.mesosim.model.config.MasterFlags master) {
    AllocatorPolicy p = AllocatorRegistry.standard().require("hierarchical-drf");
    List<AgentGroup> agents = List.of(new AgentGroup("a", 2, Resources.of(4, 8192), new TreeMap<>(), new TreeMap<>()));
    List<FrameworkConfig> fws = List.of(
        new FrameworkConfig(FrameworkInfo.of("drain", "*"), scheduler(drain),
            jobs("d", 12, 1, 20 * S, 4 * MIN)),
        new FrameworkConfig(FrameworkInfo.of("stay", "*"), scheduler(stay),
            jobs("s", 12, 1, 20 * S, 4 * MIN)));
    return new ModelConfig("maintenance", 7L, 12 * MIN, new ZooKeeperConfig(1, 10 * S), 1, master,
        Defaults.AGENT, Defaults.NETWORK, agents, new TreeMap<>(),
        new AllocatorConfig(p, Defaults.ALLOCATION_INTERVAL, PolicyOptions.resolve(p, Map.of())), fws, List.of(),
        true, maintenance);
  }

  static MaintenanceConfig schedule() {
    return new MaintenanceConfig(70 * S, List.of(new MaintenanceConfig.Window(List.of("a-1"), 2 * MIN, 10 * MIN)),
        List.of(new MaintenanceConfig.Action(2 * MIN, MaintenanceConfig.Mode.DOWN, List.of("a-1")),
            new MaintenanceConfig.Action(6 * MIN, MaintenanceConfig.Mode.UP, List.of("a-1"))));
  }

  static List<ModelEvent> run(ModelConfig config, long[] violations) {
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
  void drainingDownAndUp() {
    long[] violations = new long[1];
    List<ModelEvent> events = run(config(schedule()), violations);
    assertEquals(0, violations[0]);
    long reg = Defaults.MASTER.registryWriteLatency();
    // The machine's modes, each after its registry write.
    List<String> modes = new ArrayList<>();
    for (ModelEvent e : events) {
      if (e instanceof ModelEvent.MachineMode m) {
        modes.add(m.time() + " " + m.machine() + " " + m.mode() + " " + m.startTime() + " " + m.endTime());
      }
    }
    assertEquals(List.of((70 * S + reg) + " a-1 DRAINING " + 2 * MIN + " " + 12 * MIN,
        (2 * MIN + reg) + " a-1 DOWN " + 2 * MIN + " " + 12 * MIN,
        (6 * MIN + reg) + " a-1 UP -1 -1"), modes);
    // a-1's first agent ID: the one registered at the start.
    AgentId first = null;
    AgentId second = null;
    for (ModelEvent e : events) {
      if (e instanceof ModelEvent.AgentRegistered r && r.hostname().equals("a-1")) {
        if (first == null) {
          first = r.agent();
        } else if (second == null) {
          second = r.agent();
          assertTrue(r.time() > 6 * MIN, "registered anew after UP, at " + r.time());
          assertFalse(r.reregistered());
        }
      }
    }
    assertTrue(second != null && !second.equals(first), "a-1 registered anew with a new ID");
    // Inverse offers for a-1 to the frameworks holding resources there, answered as configured.
    TreeMap<String, String> answers = new TreeMap<>();
    int inverse = 0;
    for (ModelEvent e : events) {
      if (e instanceof ModelEvent.InverseOfferMade io) {
        assertEquals(first, io.agent());
        assertEquals(2 * MIN, io.startTime());
        assertTrue(io.time() >= 70 * S + reg && io.time() < 2 * MIN + reg);
        inverse++;
      } else if (e instanceof ModelEvent.InverseOfferAnswered a) {
        answers.put(a.framework(), a.answer());
      }
    }
    assertTrue(inverse >= 2, "inverse offers: " + inverse);
    assertEquals(Map.of("drain", "accept", "stay", "decline"), answers);
    // The drainer killed its tasks on a-1 before the window and launched nothing there after the
    // schedule; the other lost its tasks there at DOWN; nobody launched on a-1 while it was DOWN.
    int drainKilled = 0;
    int stayLost = 0;
    for (ModelEvent e : events) {
      if (e instanceof ModelEvent.TaskStatus st && first.equals(st.agent())) {
        if (st.framework().equals("drain") && st.state() == TaskState.TASK_KILLED) {
          assertTrue(st.time() < 2 * MIN);
          drainKilled++;
        }
        if (st.framework().equals("drain")) {
          assertFalse(st.state() == TaskState.TASK_LOST, "drain lost a task on a-1: " + st);
        }
        if (st.framework().equals("stay") && st.state() == TaskState.TASK_LOST) {
          assertEquals(2 * MIN + reg, st.time());
          assertEquals("REASON_SLAVE_REMOVED", st.reason());
          stayLost++;
        }
      } else if (e instanceof ModelEvent.TaskLaunched l && l.agent().equals(first)) {
        assertTrue(l.time() < 2 * MIN + reg, "launch on a-1 after DOWN: " + l);
        if (l.framework().equals("drain")) {
          assertTrue(l.time() < 70 * S + reg, "the drainer launched on a-1 after the schedule: " + l);
        }
      }
    }
    StringBuilder dbg = new StringBuilder();
    for (ModelEvent e : events) {
      if (e.time() < 3 * MIN && (e instanceof ModelEvent.TaskLaunched || e instanceof ModelEvent.InverseOfferMade
          || e instanceof ModelEvent.TaskStatus st && st.state().isTerminal() || e instanceof ModelEvent.InverseOfferAnswered)) {
        dbg.append(e).append('\n');
      }
    }
    assertTrue(drainKilled > 0, "the drainer killed its tasks on a-1\n" + dbg);
    assertTrue(stayLost > 0, "the decliner lost its tasks on a-1 at DOWN");
  }

  /**
   * Frameworks that never answer (Mesos 1.1's driver): each gets one inverse offer per agent it
   * holds and no other, since the allocator keeps it outstanding; with {@code --offer_timeout} the
   * master rescinds it after that long ({@code inverseOfferTimeout}: updateInverseOffer with no
   * status) and the next run sends a new one.
   */
  @Test
  void unansweredInverseOffersStayOutstanding_untilTheOfferTimeoutRescindsThem() {
    long[] v = new long[1];
    MaintenanceConfig noActions = new MaintenanceConfig(70 * S,
        List.of(new MaintenanceConfig.Window(List.of("a-1"), 5 * MIN, 10 * MIN)), List.of());
    List<ModelEvent> plain = run(config(noActions, InverseOfferAnswer.IGNORE, InverseOfferAnswer.IGNORE,
        Defaults.MASTER), v);
    assertEquals(0, v[0]);
    TreeMap<String, Integer> made = new TreeMap<>();
    for (ModelEvent e : plain) {
      if (e instanceof ModelEvent.InverseOfferMade io) {
        made.merge(io.framework() + "@" + io.agent().value(), 1, Integer::sum);
      }
      assertFalse(e instanceof ModelEvent.InverseOfferAnswered || e instanceof ModelEvent.InverseOfferRescinded, e.toString());
    }
    assertFalse(made.isEmpty());
    for (int n : made.values()) {
      assertEquals(1, n, made.toString());
    }
    org.mesosim.model.config.MasterFlags d = Defaults.MASTER;
    org.mesosim.model.config.MasterFlags timeout = new org.mesosim.model.config.MasterFlags(d.agentPingTimeout(),
        d.maxAgentPingTimeouts(), 10 * S, d.agentReregisterTimeout(), d.registryWriteLatency(), d.restartDelay());
    List<ModelEvent> timed = run(config(noActions, InverseOfferAnswer.IGNORE, InverseOfferAnswer.IGNORE, timeout), v);
    assertEquals(0, v[0]);
    TreeMap<String, Long> madeAt = new TreeMap<>();
    int rescinded = 0;
    int again = 0;
    for (ModelEvent e : timed) {
      if (e instanceof ModelEvent.InverseOfferMade io) {
        Long prev = madeAt.put(io.inverseOffer().value(), io.time());
        assertEquals(null, prev);
      } else if (e instanceof ModelEvent.InverseOfferRescinded r) {
        assertEquals("offer-timeout", r.reason());
        assertEquals(madeAt.get(r.inverseOffer().value()) + 10 * S, r.time());
        rescinded++;
      }
    }
    for (ModelEvent e : timed) {
      if (e instanceof ModelEvent.InverseOfferMade io && io.time() > 70 * S + 10 * S) {
        again++;
      }
    }
    assertTrue(rescinded > 0 && again > 0, rescinded + " rescinded, " + again + " made again");
  }

  @Test
  void sameSeedSameStream() {
    long[] v = new long[1];
    List<ModelEvent> a = run(config(schedule()), v);
    List<ModelEvent> b = run(config(schedule()), v);
    assertEquals(a, b);
  }
}
