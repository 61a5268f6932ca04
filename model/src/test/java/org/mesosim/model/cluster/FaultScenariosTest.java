package org.mesosim.model.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mesosim.engine.SimTime;
import org.mesosim.engine.Simulation;
import org.mesosim.model.AgentId;
import org.mesosim.model.FrameworkInfo;
import org.mesosim.model.MesosCluster;
import org.mesosim.model.Resources;
import org.mesosim.model.TaskState;
import org.mesosim.model.config.Defaults;
import org.mesosim.model.config.FaultSpec;
import org.mesosim.model.config.FaultTarget;
import org.mesosim.model.config.FrameworkConfig;
import org.mesosim.model.config.MasterFlags;
import org.mesosim.model.config.ModelConfig;
import org.mesosim.model.config.SchedulerConfig;
import org.mesosim.model.events.ModelEvent;
import org.mesosim.model.workload.TaskOutcome;

class FaultScenariosTest {
  static final long S = SimTime.SECOND;
  static final long L = SimTime.MILLISECOND; // default latency
  static final long REGISTRY = 5 * SimTime.MILLISECOND; // default registry write

  static FaultSpec crashAt(long at, FaultTarget t, Long restartAfter) {
    return new FaultSpec(at, null, FaultSpec.Action.CRASH, List.of(t),
        restartAfter == null ? null : new org.mesosim.engine.random.Distribution.Constant(restartAfter));
  }

  static FaultSpec partitionAt(long at, List<FaultTarget> t, Long healAfter) {
    return new FaultSpec(at, null, FaultSpec.Action.PARTITION, t,
        healAfter == null ? null : new org.mesosim.engine.random.Distribution.Constant(healAfter));
  }

  static FrameworkConfig longTasks(String name, FrameworkInfo info, int jobs, int tasks, long duration) {
    return TestScenarios.framework(info, Defaults.SCHEDULER,
        TestScenarios.jobs(name.toLowerCase() + "-", jobs, tasks, Resources.of(1, 1024), S, duration,
            TaskOutcome.FINISHED, 0));
  }

  static EndToEndTest.Run run(ModelConfig cfg, long until) {
    EndToEndTest.Run r = start(cfg);
    r.sim().runWhile(until, () -> !r.cluster().isDrained());
    return r;
  }

  /** A started cluster with a recorder, not yet run. */
  static EndToEndTest.Run start(ModelConfig cfg) {
    Simulation sim = new Simulation(cfg.seed());
    MesosCluster c = new MesosCluster(sim, cfg);
    Recorder rec = new Recorder();
    c.addObserver(rec);
    c.start();
    return new EndToEndTest.Run(sim, c, rec);
  }

  /** The default master flags with a registry fetch of {@code fetch} (a new leader recovers that much later). */
  static MasterFlags slowRegistry(long fetch) {
    MasterFlags m = Defaults.MASTER;
    return new MasterFlags(m.agentPingTimeout(), m.maxAgentPingTimeouts(), m.offerTimeout(),
        m.agentReregisterTimeout(), fetch, m.restartDelay());
  }

  static long count(Recorder r, TaskState s) {
    return r.of(ModelEvent.TaskStatus.class).stream().filter(e -> e.state() == s).count();
  }

  @Test
  void leaderCrash_newLeaderAfterSessionTimeout_tasksKeepRunning() {
    ModelConfig cfg = TestScenarios.builder().masters(3)
        .agents(TestScenarios.agents("a", 4, 4, 8192))
        .framework(longTasks("A", FrameworkInfo.of("A", "*"), 2, 4, 5 * SimTime.MINUTE))
        .fault(crashAt(60 * S, new FaultTarget(FaultTarget.Kind.LEADING_MASTER, null), null))
        .build();
    EndToEndTest.Run r = run(cfg, SimTime.HOUR);
    assertTrue(r.cluster().isDrained());
    List<ModelEvent.LeaderElected> elected = r.rec().of(ModelEvent.LeaderElected.class);
    assertEquals(2, elected.size());
    assertEquals("master-1", elected.get(0).master());
    // Session timeout (10 s) after the crash, then the watch notification (one latency).
    assertEquals("master-2", elected.get(1).master());
    assertEquals(60 * S + 10 * S + L, elected.get(1).time());
    assertEquals(0, count(r.rec(), TaskState.TASK_LOST));
    // Every task ran once: none was relaunched.
    assertEquals(8, r.rec().of(ModelEvent.TaskLaunched.class).size());
    long rereg = r.rec().of(ModelEvent.AgentRegistered.class).stream().filter(ModelEvent.AgentRegistered::reregistered)
        .count();
    assertEquals(4, rereg);
    assertTrue(r.rec().of(ModelEvent.FrameworkRegistered.class).stream().anyMatch(ModelEvent.FrameworkRegistered::reregistered));
    assertEquals(8, count(r.rec(), TaskState.TASK_FINISHED));
    assertEquals(0, r.cluster().invariantViolations());
  }

  @Test
  void leaderCrash_tasksEndingWhileLeaderless_eachTerminalStateObservedOnce() {
    // The tasks finish at about 63-64 s, while no master leads (60-70 s): the new master first
    // learns their terminal state from the agents' re-registration. That end must still be
    // observable, exactly once per launch, with the agent's reason.
    ModelConfig cfg = TestScenarios.builder().masters(3)
        .agents(TestScenarios.agents("a", 4, 4, 8192))
        .framework(longTasks("A", FrameworkInfo.of("A", "*"), 2, 4, 62 * S))
        .fault(crashAt(60 * S, new FaultTarget(FaultTarget.Kind.LEADING_MASTER, null), null))
        .build();
    EndToEndTest.Run r = run(cfg, SimTime.HOUR);
    assertTrue(r.cluster().isDrained());
    assertEquals(8, r.rec().of(ModelEvent.TaskLaunched.class).size());
    List<ModelEvent.TaskStatus> finished = r.rec().of(ModelEvent.TaskStatus.class).stream()
        .filter(e -> e.state() == TaskState.TASK_FINISHED).toList();
    assertEquals(8, finished.size());
    assertEquals(8, finished.stream().map(e -> e.task().value()).distinct().count());
    long afterElection = r.rec().of(ModelEvent.LeaderElected.class).get(1).time();
    assertTrue(finished.stream().allMatch(e -> e.time() > afterElection && Framework.REASON_OUTCOME.equals(e.reason())),
        "ends seen through the new master: " + finished);
    assertEquals(0, r.cluster().invariantViolations());
  }

  @Test
  void leaderAndSchedulerDown_newMasterUpdatesItsTaskStateForAnUnknownFramework() {
    // Master::statusUpdate (src/master/master.cpp): the master always updates its own task state from the update, forwarding
    // it only to a connected framework. Here the new master (elected at 70 s) does not know the
    // framework yet (it restarts at 120 s) when the tasks finish at about 81 s.
    FrameworkInfo f = new FrameworkInfo("A", "*", 10 * SimTime.MINUTE, false, false, false);
    ModelConfig cfg = TestScenarios.builder().masters(3)
        .agents(TestScenarios.agents("a", 2, 4, 8192))
        .framework(longTasks("A", f, 1, 2, 80 * S))
        .fault(crashAt(60 * S, new FaultTarget(FaultTarget.Kind.LEADING_MASTER, null), null))
        .fault(crashAt(60 * S, new FaultTarget(FaultTarget.Kind.FRAMEWORK, "A"), 60 * S))
        .build();
    EndToEndTest.Run r = run(cfg, SimTime.HOUR);
    assertTrue(r.cluster().isDrained());
    List<ModelEvent.TaskLaunched> launched = r.rec().of(ModelEvent.TaskLaunched.class);
    assertEquals(2, launched.size());
    for (ModelEvent.TaskLaunched l : launched) {
      ModelEvent.TaskStatus end = r.rec().of(ModelEvent.TaskStatus.class).stream()
          .filter(e -> e.task().equals(l.task()) && e.state() == TaskState.TASK_FINISHED)
          .findFirst().orElseThrow();
      // RunTask reaches the agent one latency after the launch; the update reaches the master one later.
      assertEquals(l.time() + L + 80 * S + L, end.time(), l.task().value());
    }
    assertEquals(0, r.cluster().invariantViolations());
  }

  @Test
  void zookeeperQuorumLost_noLeaderUntilItReturns() {
    ModelConfig cfg = TestScenarios.builder().masters(3)
        .agents(TestScenarios.agents("a", 2, 4, 8192))
        .framework(longTasks("A", FrameworkInfo.of("A", "*"), 1, 2, 10 * SimTime.MINUTE))
        .fault(crashAt(60 * S, new FaultTarget(FaultTarget.Kind.ZOOKEEPER, "zookeeper-1"), 60 * S))
        .fault(crashAt(60 * S, new FaultTarget(FaultTarget.Kind.ZOOKEEPER, "zookeeper-2"), 60 * S))
        .build();
    EndToEndTest.Run r = run(cfg, SimTime.HOUR);
    List<ModelEvent.LeaderLost> lost = r.rec().of(ModelEvent.LeaderLost.class);
    assertEquals(1, lost.size());
    assertEquals(70 * S, lost.get(0).time()); // the leader's session expires locally after 10 s
    List<ModelEvent.LeaderElected> elected = r.rec().of(ModelEvent.LeaderElected.class);
    assertEquals(2, elected.size());
    // Quorum returns at 120 s; the old znodes expire on the server one session timeout later.
    assertEquals(130 * S + L, elected.get(1).time());
    assertTrue(r.cluster().isDrained());
    assertEquals(0, r.cluster().invariantViolations());
  }

  /**
   * An agent process crash closes its socket: one latency later the master disconnects the agent
   * ({@code Master::exited}): deactivated, and a framework without checkpointing loses its tasks
   * there at once (TASK_LOST, REASON_SLAVE_DISCONNECTED), to be retried elsewhere long before the
   * health checks remove the agent, which then finds no task left to lose.
   */
  @Test
  void agentCrash_socketCloses_nonCheckpointingTasksLostAtOnce_agentRemovedLater() {
    ModelConfig cfg = TestScenarios.builder()
        .agents(TestScenarios.agents("a", 3, 4, 8192))
        .framework(longTasks("A", FrameworkInfo.of("A", "*"), 1, 6, 5 * SimTime.MINUTE))
        .fault(crashAt(40 * S, new FaultTarget(FaultTarget.Kind.AGENT, "a-1"), null))
        .build();
    EndToEndTest.Run r = run(cfg, SimTime.HOUR);
    List<ModelEvent.AgentDisconnected> disconnected = r.rec().of(ModelEvent.AgentDisconnected.class);
    assertEquals(1, disconnected.size());
    assertEquals("a-1", disconnected.get(0).hostname());
    assertEquals(40 * S + L, disconnected.get(0).time());
    AgentId a1 = disconnected.get(0).agent();
    long onA1 = r.rec().of(ModelEvent.TaskLaunched.class).stream()
        .filter(l -> l.agent().equals(a1) && l.time() < 40 * S).count();
    assertTrue(onA1 > 0, "the crash must hit running tasks for this test to mean anything");
    List<ModelEvent.TaskStatus> lost = r.rec().of(ModelEvent.TaskStatus.class).stream()
        .filter(e -> e.state() == TaskState.TASK_LOST).toList();
    assertEquals(onA1, lost.size());
    for (ModelEvent.TaskStatus s : lost) {
      assertEquals(40 * S + L, s.time());
      assertEquals("REASON_SLAVE_DISCONNECTED", s.reason());
      assertEquals(a1, s.agent());
    }
    // Deactivated: nothing on a-1 is offered again; the lost tasks run elsewhere before the removal.
    ModelEvent.AgentRemoved removed = r.rec().of(ModelEvent.AgentRemoved.class).get(0);
    assertEquals(a1, removed.agent());
    assertTrue(removed.time() > 100 * S, "the health checks still remove it, " + removed.time());
    assertEquals(0, r.rec().of(ModelEvent.OfferMade.class).stream()
        .filter(o -> o.agent().equals(a1) && o.time() > 40 * S + L).count());
    List<ModelEvent.TaskLaunched> relaunched = r.rec().of(ModelEvent.TaskLaunched.class).stream()
        .filter(e -> e.time() > 40 * S + L).toList();
    assertEquals(onA1, relaunched.size());
    for (ModelEvent.TaskLaunched l : relaunched) {
      assertNotEquals(a1, l.agent());
      assertTrue(l.time() < removed.time());
    }
    assertTrue(r.cluster().isDrained());
    assertEquals(6, count(r.rec(), TaskState.TASK_FINISHED));
    assertEquals(0, r.cluster().invariantViolations());
  }

  /**
   * An offer the framework still holds when the agent's socket closes is rescinded then ({@code
   * Master::deactivate}: recovered with no filter, RescindResourceOffer sent); no task ever runs on
   * the dead agent and the work finishes on the other one.
   */
  @Test
  void agentCrash_heldOfferOnItIsRescindedAtTheDisconnect() {
    ModelConfig cfg = TestScenarios.builder()
        .agents(TestScenarios.agents("a", 2, 4, 8192))
        .framework(TestScenarios.framework(FrameworkInfo.of("A", "*"),
            SchedulersTest.sched(SchedulerConfig.SchedulerType.BATCH, 0, 5 * S, 0),
            TestScenarios.jobs("j", 1, 2, Resources.of(1, 1024), S, 30 * S, TaskOutcome.FINISHED, 0)))
        .fault(crashAt(3 * S, new FaultTarget(FaultTarget.Kind.AGENT, "a-1"), null))
        .build();
    EndToEndTest.Run r = run(cfg, SimTime.HOUR);
    ModelEvent.AgentDisconnected d = r.rec().of(ModelEvent.AgentDisconnected.class).get(0);
    assertEquals(3 * S + L, d.time());
    List<ModelEvent.OfferMade> onA1 = r.rec().of(ModelEvent.OfferMade.class).stream()
        .filter(o -> o.agent().equals(d.agent())).toList();
    assertEquals(1, onA1.size(), "one offer of a-1, held by the framework when it crashed");
    assertTrue(onA1.get(0).time() < 3 * S);
    List<ModelEvent.OfferRescinded> rescinded = r.rec().of(ModelEvent.OfferRescinded.class);
    assertEquals(1, rescinded.size(), rescinded.toString());
    assertEquals(onA1.get(0).offer(), rescinded.get(0).offer());
    assertEquals("agent-disconnected", rescinded.get(0).reason());
    assertEquals(d.time(), rescinded.get(0).time());
    assertEquals(0, r.rec().of(ModelEvent.TaskLaunched.class).stream()
        .filter(l -> l.agent().equals(d.agent())).count());
    assertTrue(r.cluster().isDrained());
    assertEquals(2, count(r.rec(), TaskState.TASK_FINISHED));
    assertEquals(0, r.cluster().invariantViolations());
  }

  /**
   * The disconnect drops only the tasks of frameworks the master knows ({@code Master::exited}
   * skips a framework {@code getFramework} does not find). Here the new leader (70 s) has the
   * agents' tasks but not yet the framework (down 60-120 s) when a-1 crashes at 90 s: nothing is
   * lost at the disconnect; a-1's tasks go TASK_LOST when the health checks remove it.
   */
  @Test
  void agentCrash_afterMasterFailover_tasksOfAFrameworkNotYetReregisteredAreNotLostAtTheDisconnect() {
    FrameworkInfo f = new FrameworkInfo("A", "*", 10 * SimTime.MINUTE, false, false, false);
    ModelConfig cfg = TestScenarios.builder().masters(3)
        .agents(TestScenarios.agents("a", 2, 1, 8192))
        .framework(longTasks("A", f, 1, 2, 5 * SimTime.MINUTE))
        .fault(crashAt(60 * S, new FaultTarget(FaultTarget.Kind.LEADING_MASTER, null), null))
        .fault(crashAt(60 * S, new FaultTarget(FaultTarget.Kind.FRAMEWORK, "A"), 60 * S))
        .fault(crashAt(90 * S, new FaultTarget(FaultTarget.Kind.AGENT, "a-1"), null))
        .build();
    EndToEndTest.Run r = run(cfg, SimTime.HOUR);
    ModelEvent.AgentDisconnected d = r.rec().of(ModelEvent.AgentDisconnected.class).get(0);
    assertEquals(90 * S + L, d.time(), "the new leader still disconnects the agent");
    List<ModelEvent.TaskStatus> lost = r.rec().of(ModelEvent.TaskStatus.class).stream()
        .filter(e -> e.state() == TaskState.TASK_LOST).toList();
    assertEquals(1, lost.size(), lost.toString());
    ModelEvent.AgentRemoved removed = r.rec().of(ModelEvent.AgentRemoved.class).get(0);
    assertEquals(d.agent(), removed.agent());
    assertEquals("REASON_SLAVE_REMOVED", lost.get(0).reason());
    assertEquals(removed.time(), lost.get(0).time());
    assertTrue(r.cluster().isDrained());
    assertEquals(2, count(r.rec(), TaskState.TASK_FINISHED));
    assertEquals(0, r.cluster().invariantViolations());
  }

  /**
   * The socket that closes is the master's link to the agent, made when the master adds it ({@code
   * Master::addSlave} links to the agent's pid), whatever the agent believes: an agent that dies
   * after the master registered it but before SlaveRegistered reached it is disconnected one
   * latency later like any other, and its first offer is rescinded. Back without an agent ID, it
   * registers as a new agent: {@code Master::registerSlave} removes the disconnected one at its
   * address first ("a new agent registered at the same address"), then admits it with a new ID.
   */
  @Test
  void agentCrash_beforeItsRegistrationReplyArrives_isStillDisconnected_thenRegistersAnew() {
    ModelConfig cfg = TestScenarios.builder()
        .agents(TestScenarios.agents("a", 2, 4, 8192))
        .framework(longTasks("A", FrameworkInfo.of("A", "*"), 1, 2, 30 * S))
        .build();
    EndToEndTest.Run r = start(cfg);
    Cluster c = r.internal();
    r.sim().runWhile(SimTime.MINUTE, () -> c.leader() == null || c.leader().leading.agents[0] == null);
    Agent a1 = c.agents[0];
    assertFalse(a1.registered, "SlaveRegistered is still on its way");
    long crashAt = r.sim().now();
    c.crash(a1, SimTime.NEVER);
    r.sim().runWhile(10 * S, () -> true);
    List<ModelEvent.AgentDisconnected> d = r.rec().of(ModelEvent.AgentDisconnected.class);
    assertEquals(1, d.size());
    assertEquals(crashAt + L, d.get(0).time());
    AgentId old = d.get(0).agent();
    c.restart(a1);
    r.sim().runWhile(SimTime.HOUR, () -> !r.cluster().isDrained());
    assertEquals(0, r.rec().of(ModelEvent.TaskLaunched.class).stream()
        .filter(l -> l.agent().equals(old)).count(), "nothing runs on the dead agent");
    ModelEvent.AgentRemoved removed = r.rec().of(ModelEvent.AgentRemoved.class).get(0);
    assertEquals(old, removed.agent());
    assertEquals("registered-anew", removed.reason());
    List<ModelEvent.AgentRegistered> again = r.rec().of(ModelEvent.AgentRegistered.class).stream()
        .filter(e -> e.hostname().equals("a-1") && e.time() > 10 * S).toList();
    assertEquals(1, again.size(), again.toString());
    assertNotEquals(old, again.get(0).agent());
    assertFalse(again.get(0).reregistered());
    assertEquals(removed.time(), again.get(0).time() - REGISTRY, "removed when the registration arrives");
    AgentRecord now = c.leader().leading.agents[0];
    assertTrue(now.connected);
    assertEquals(again.get(0).agent(), now.id);
    assertEquals(0, count(r.rec(), TaskState.TASK_LOST));
    assertEquals(2, count(r.rec(), TaskState.TASK_FINISHED));
    assertEquals(0, r.cluster().invariantViolations());
  }

  /**
   * An acknowledgement for a task on a disconnected agent is dropped by the master ({@code
   * Master::acknowledge}: "agent is disconnected"), which keeps the terminal task: the restarted
   * agent resends the checkpointed update after re-registering, and that one is acknowledged,
   * once, and removes the task.
   */
  @Test
  void ackWhileAgentDisconnected_isDropped_theResentUpdateIsAcknowledgedAfterReregistration() {
    FrameworkInfo ckpt = new FrameworkInfo("C", "*", 0, true, false, false);
    ModelConfig cfg = TestScenarios.builder()
        .agents(TestScenarios.agents("a", 1, 8, 16384))
        .framework(longTasks("C", ckpt, 1, 1, 30 * S))
        .build();
    EndToEndTest.Run r = start(cfg);
    Cluster c = r.internal();
    // Until the master holds the task's FINISHED update (it forwards it now; the ack is on its way).
    r.sim().runWhile(SimTime.MINUTE, () -> c.leader() == null || c.leader().leading.agents[0] == null
        || c.leader().leading.agents[0].tasks.isEmpty()
        || !c.leader().leading.agents[0].tasks.get(0).mState.isTerminal());
    Task t = c.leader().leading.agents[0].tasks.get(0);
    long crashAt = r.sim().now();
    c.crash(c.agents[0], 20 * S);
    r.sim().runWhile(crashAt + 2 * SimTime.MINUTE, () -> true); // past the re-registration
    assertEquals(crashAt + L, r.rec().of(ModelEvent.AgentDisconnected.class).get(0).time());
    List<ModelEvent.TaskAcknowledged> acks = r.rec().of(ModelEvent.TaskAcknowledged.class).stream()
        .filter(e -> e.task().equals(t.id) && e.state() == TaskState.TASK_FINISHED).toList();
    assertEquals(1, acks.size(), acks.toString());
    assertTrue(acks.get(0).time() > crashAt + 20 * S, "acknowledged after the re-registration: " + acks);
    assertEquals(1, count(r.rec(), TaskState.TASK_FINISHED));
    assertEquals(0, r.cluster().invariantViolations());
  }

  /**
   * A framework removed while an agent is disconnected never told that agent to shut it down; when
   * the agent re-registers still running the framework's checkpointed tasks, the master sends
   * ShutdownFramework then ({@code Master::reconcileKnownSlave}, completed frameworks), so they do
   * not run on as orphans the master no longer counts.
   */
  @Test
  void frameworkRemovedWhileAgentDisconnected_isShutDownOnItAtReregistration() {
    FrameworkInfo ckpt = new FrameworkInfo("C", "*", 10 * S, true, false, false);
    ModelConfig cfg = TestScenarios.builder()
        .agents(TestScenarios.agents("a", 1, 8, 16384))
        .framework(longTasks("C", ckpt, 1, 2, 5 * SimTime.MINUTE))
        .fault(crashAt(40 * S, new FaultTarget(FaultTarget.Kind.AGENT, "a-1"), 30 * S))
        .fault(crashAt(45 * S, new FaultTarget(FaultTarget.Kind.FRAMEWORK, "C"), null))
        .build();
    EndToEndTest.Run r = start(cfg);
    Cluster c = r.internal();
    r.sim().runWhile(2 * SimTime.MINUTE, () -> true);
    Master.Leadership l = c.leader().leading;
    assertTrue(l.frameworks[0].removed, "removed at its failover timeout, while a-1 was down");
    assertTrue(l.agents[0].connected, "a-1 re-registered");
    assertTrue(l.agents[0].tasks.isEmpty());
    assertEquals(List.of(), c.agents[0].tasks.stream().map(t -> t.id.value()).toList(),
        "the removed framework's tasks were shut down on a-1");
    assertEquals(0, r.cluster().invariantViolations());
  }

  /**
   * A kill the master cannot send (the agent is disconnected) is remembered ({@code
   * slave->killedTasks}) and sent when the agent re-registers still running the task ({@code
   * Master::reconcileKnownSlave}): the checkpointing framework's task ends KILLED right after the
   * re-registration instead of running to its end.
   */
  @Test
  void killWhileAgentDisconnected_isSentAgainAtReregistration() {
    FrameworkInfo ckpt = new FrameworkInfo("C", "*", 0, true, false, false);
    ModelConfig cfg = TestScenarios.builder()
        .agents(TestScenarios.agents("a", 1, 8, 16384))
        .framework(longTasks("C", ckpt, 1, 1, 5 * SimTime.MINUTE))
        .fault(crashAt(40 * S, new FaultTarget(FaultTarget.Kind.AGENT, "a-1"), 20 * S))
        .build();
    EndToEndTest.Run r = start(cfg);
    r.sim().runWhile(45 * S, () -> true);
    Master.Leadership l = r.internal().leader().leading;
    AgentRecord a = l.agents[0];
    assertFalse(a.connected, "disconnected since 40 s + one latency");
    assertEquals(1, a.tasks.size());
    Task t = a.tasks.get(0);
    l.killTask(new Message.KillTaskCall(t.framework.index, t)); // as if the scheduler asked now
    r.sim().runWhile(SimTime.HOUR, () -> !r.cluster().isDrained());
    List<ModelEvent.TaskStatus> ends = r.rec().of(ModelEvent.TaskStatus.class).stream()
        .filter(e -> e.state().isTerminal()).toList();
    // (the scheduler in this test never asked for the kill, so it runs the task again)
    assertEquals(List.of("c-0-0-1 TASK_KILLED", "c-0-0-2 TASK_FINISHED"),
        ends.stream().map(e -> e.task().value() + " " + e.state()).toList(), ends.toString());
    long end = ends.get(0).time();
    assertTrue(end > 60 * S && end < 65 * S, "killed right after the re-registration, at " + end);
    assertEquals(0, r.cluster().invariantViolations());
  }

  /**
   * A checkpointing framework's tasks are left alone when the agent's socket closes (Mesos 1.1
   * master.cpp, {@code Master::exited}): they are lost only when the health checks give up on the
   * agent (five missed pings) and the registry write marking it unreachable completes.
   */
  @Test
  void agentCrash_tasksLostAfterHealthWindowAndRegistryWrite_thenRetriedElsewhere() {
    FrameworkInfo ckpt = new FrameworkInfo("A", "*", 0, true, false, false);
    ModelConfig cfg = TestScenarios.builder()
        .agents(TestScenarios.agents("a", 3, 4, 8192))
        .framework(longTasks("A", ckpt, 1, 6, 5 * SimTime.MINUTE))
        .fault(crashAt(40 * S, new FaultTarget(FaultTarget.Kind.AGENT, "a-1"), null))
        .build();
    EndToEndTest.Run r = run(cfg, SimTime.HOUR);
    assertEquals(1, r.rec().of(ModelEvent.AgentDisconnected.class).size());
    long registeredAt = r.rec().of(ModelEvent.AgentRegistered.class).stream()
        .filter(e -> e.hostname().equals("a-1")).findFirst().orElseThrow().time();
    long p = 15 * S;
    long firstMissed = registeredAt + ((40 * S - L - registeredAt + p - 1) / p) * p;
    long expected = firstMissed + 5 * p + REGISTRY;
    ModelEvent.AgentRemoved removed = r.rec().of(ModelEvent.AgentRemoved.class).get(0);
    assertEquals("a-1", removed.hostname());
    assertEquals(expected, removed.time());
    List<ModelEvent.TaskStatus> lostStatuses = r.rec().of(ModelEvent.TaskStatus.class).stream()
        .filter(e -> e.state() == TaskState.TASK_LOST).toList();
    assertFalse(lostStatuses.isEmpty());
    for (ModelEvent.TaskStatus s : lostStatuses) {
      assertEquals(expected, s.time());
    }
    // Retried elsewhere: launches after the removal, none on the dead agent.
    List<ModelEvent.TaskLaunched> relaunched = r.rec().of(ModelEvent.TaskLaunched.class).stream()
        .filter(e -> e.time() > expected).toList();
    assertEquals(lostStatuses.size(), relaunched.size());
    for (ModelEvent.TaskLaunched l : relaunched) {
      assertNotEquals(removed.agent(), l.agent());
    }
    assertTrue(r.cluster().isDrained());
    assertEquals(6, count(r.rec(), TaskState.TASK_FINISHED));
    assertEquals(0, r.cluster().invariantViolations());
  }

  /**
   * An agent back within the last ping interval re-registers, yet the observer's fifth missed ping
   * still marks it unreachable: {@code SlaveObserver::reconnect} does not reset the count (Mesos 1.1
   * master.cpp). The agent gives up on its master one total ping timeout (75 s) after it last heard
   * from it, which is its re-registration ({@code Slave::reregistered} starts {@code pingTimer},
   * slave.cpp), not the ping the master sent while it was down; then it re-registers again.
   */
  @Test
  void agentBackInTheLastPingInterval_isMarkedUnreachable_andGivesUp75sAfterItsReregistration() {
    TestScenarios.Builder b = TestScenarios.builder()
        .agents(TestScenarios.agents("a", 2, 4, 8192))
        .framework(longTasks("A", FrameworkInfo.of("A", "*"), 1, 2, 10 * SimTime.MINUTE));
    long registeredAt = run(b.build(), 30 * S).rec().of(ModelEvent.AgentRegistered.class).stream()
        .filter(e -> e.hostname().equals("a-1")).findFirst().orElseThrow().time();
    long p = 15 * S;
    long firstMissed = registeredAt + ((40 * S - L - registeredAt + p - 1) / p) * p;
    long restart = firstMissed + 4 * p + 5 * S; // after the last ping before the fifth timeout
    b.fault(crashAt(40 * S, new FaultTarget(FaultTarget.Kind.AGENT, "a-1"), restart - 40 * S));
    EndToEndTest.Run r = run(b.build(), SimTime.HOUR);
    ModelEvent.AgentRemoved removed = r.rec().of(ModelEvent.AgentRemoved.class).get(0);
    assertEquals(firstMissed + 5 * p + REGISTRY, removed.time(), "the fifth missed ping still counts");
    // Restarted, it re-registers with the master that still knows it (no AgentRegistered event: the
    // agent was never removed) after a backoff in [0, 1 s) and hears SlaveReregistered one latency
    // later; 75 s after that it detects again and, after another backoff, re-registers: one latency,
    // then the MarkSlaveReachable write. (Counting from the ping it missed while down would give up
    // 5 s before the restart's 75 s.)
    List<ModelEvent.AgentRegistered> regs = r.rec().of(ModelEvent.AgentRegistered.class).stream()
        .filter(e -> e.hostname().equals("a-1")).toList();
    assertEquals(2, regs.size(), regs.toString());
    assertTrue(regs.get(1).reregistered());
    long earliest = restart + 2 * L + 5 * p + L + REGISTRY;
    long again = regs.get(1).time();
    assertTrue(again >= earliest && again < earliest + 2 * S,
        "re-registered at " + again + ", expected within 2 s after " + earliest);
    assertEquals(0, r.cluster().invariantViolations());
  }

  /**
   * A PARTITION_AWARE framework's task ends while its agent is cut off and marked unreachable: when
   * the agent re-registers it reports the task, and the master learns its real state (docs/mesos-model.md,
   * task state transitions: UNREACHABLE --> its real state): a TaskRecovered, then its TASK_FINISHED.
   */
  @Test
  void partitionAwareTask_endingWhileUnreachable_isRecoveredAsFinished() {
    FrameworkInfo pa = new FrameworkInfo("A", "*", 0, false, true, false);
    ModelConfig cfg = TestScenarios.builder()
        .agents(TestScenarios.agents("a", 1, 4, 8192))
        .framework(longTasks("A", pa, 1, 1, 100 * S))
        .fault(partitionAt(60 * S, List.of(new FaultTarget(FaultTarget.Kind.AGENT, "a-1")), 200 * S))
        .build();
    EndToEndTest.Run r = run(cfg, SimTime.HOUR);
    List<ModelEvent.TaskStatus> all = r.rec().of(ModelEvent.TaskStatus.class).stream()
        .filter(e -> e.state().isTerminal()).toList();
    // the framework counted the first attempt gone and ran a second once the agent was back
    assertEquals(List.of("a-0-0-1 TASK_UNREACHABLE", "a-0-0-1 TASK_FINISHED", "a-0-0-2 TASK_FINISHED"),
        all.stream().map(e -> e.task().value() + " " + e.state()).toList(), all.toString());
    List<ModelEvent.TaskStatus> ends = all.subList(0, 2);
    assertTrue(ends.get(0).time() < 260 * S, "marked unreachable during the partition");
    List<ModelEvent.TaskRecovered> back = r.rec().of(ModelEvent.TaskRecovered.class);
    assertEquals(1, back.size(), back.toString());
    assertEquals(TaskState.TASK_FINISHED, back.get(0).state());
    assertTrue(back.get(0).time() > 260 * S, "after the heal");
    assertEquals(back.get(0).time(), ends.get(1).time(), "the real state follows the recovery at once");
    assertTrue(r.cluster().isDrained());
    assertEquals(0, r.cluster().invariantViolations());
  }

  /** A checkpointing, PARTITION_AWARE framework's tasks on a crashed agent become TASK_UNREACHABLE at its removal. */
  @Test
  void agentCrash_partitionAwareFramework_getsUnreachable() {
    FrameworkInfo pa = new FrameworkInfo("A", "*", 0, true, true, false);
    ModelConfig cfg = TestScenarios.builder()
        .agents(TestScenarios.agents("a", 3, 4, 8192))
        .framework(longTasks("A", pa, 1, 6, 5 * SimTime.MINUTE))
        .fault(crashAt(40 * S, new FaultTarget(FaultTarget.Kind.AGENT, "a-1"), null))
        .build();
    EndToEndTest.Run r = run(cfg, SimTime.HOUR);
    assertEquals(0, count(r.rec(), TaskState.TASK_LOST));
    ModelEvent.AgentRemoved removed = r.rec().of(ModelEvent.AgentRemoved.class).get(0);
    assertEquals("a-1", removed.hostname());
    // Exactly the tasks that were on a-1 when it crashed become UNREACHABLE, at the removal.
    long onA1 = r.rec().of(ModelEvent.TaskLaunched.class).stream()
        .filter(l -> l.agent().equals(removed.agent()) && l.time() < 40 * S).count();
    assertTrue(onA1 > 0, "the crash must hit running tasks for this test to mean anything");
    List<ModelEvent.TaskStatus> unreachable = r.rec().of(ModelEvent.TaskStatus.class).stream()
        .filter(e -> e.state() == TaskState.TASK_UNREACHABLE).toList();
    assertEquals(onA1, unreachable.size());
    for (ModelEvent.TaskStatus s : unreachable) {
      assertEquals(removed.agent(), s.agent());
      assertEquals(removed.time(), s.time());
    }
    assertTrue(r.cluster().isDrained());
    assertEquals(6, count(r.rec(), TaskState.TASK_FINISHED));
  }

  @Test
  void agentRestartWithinWindow_checkpointedTasksSurvive_othersLost() {
    FrameworkInfo ckpt = new FrameworkInfo("C", "*", 0, true, false, false);
    ModelConfig cfg = TestScenarios.builder()
        .agents(TestScenarios.agents("a", 1, 8, 16384))
        .framework(longTasks("C", ckpt, 1, 2, 5 * SimTime.MINUTE))
        .framework(longTasks("N", FrameworkInfo.of("N", "*"), 1, 2, 5 * SimTime.MINUTE))
        .fault(crashAt(40 * S, new FaultTarget(FaultTarget.Kind.AGENT, "a-1"), 20 * S))
        .build();
    EndToEndTest.Run r = run(cfg, SimTime.HOUR);
    assertTrue(r.cluster().isDrained());
    List<ModelEvent.TaskStatus> lost = r.rec().of(ModelEvent.TaskStatus.class).stream()
        .filter(e -> e.state() == TaskState.TASK_LOST).toList();
    assertEquals(2, lost.size());
    for (ModelEvent.TaskStatus s : lost) {
      assertEquals("N", s.framework());
      // The crash closed the agent's socket: the master dropped the non-checkpointing framework's
      // tasks one latency later, long before the agent came back.
      assertEquals("REASON_SLAVE_DISCONNECTED", s.reason());
      assertEquals(40 * S + L, s.time());
    }
    // Back within the window, it re-registers with the master that still knows it: reconnected.
    assertEquals(1, r.rec().of(ModelEvent.AgentDisconnected.class).size());
    // The checkpointing framework's tasks ran once and finished.
    assertEquals(2, r.rec().of(ModelEvent.TaskLaunched.class).stream().filter(e -> e.framework().equals("C")).count());
    assertEquals(0, r.rec().of(ModelEvent.AgentRemoved.class).size());
    assertEquals(0, r.cluster().invariantViolations());
  }

  @Test
  void partitionAndHeal_sameLeader_nonPartitionAwareShutDown_partitionAwareRecovered() {
    FrameworkInfo pa = new FrameworkInfo("P", "*", 0, false, true, false);
    ModelConfig cfg = TestScenarios.builder()
        .agents(TestScenarios.agents("a", 1, 8, 16384))
        .agents(TestScenarios.agents("b", 1, 8, 16384))
        .framework(longTasks("N", FrameworkInfo.of("N", "*"), 1, 4, 20 * SimTime.MINUTE))
        .framework(longTasks("P", pa, 1, 4, 20 * SimTime.MINUTE))
        .fault(partitionAt(60 * S, List.of(new FaultTarget(FaultTarget.Kind.AGENT, "a-1")), 200 * S))
        .build();
    EndToEndTest.Run r = run(cfg, 3 * SimTime.HOUR);
    assertTrue(r.cluster().isDrained());
    ModelEvent.AgentRemoved removed = r.rec().of(ModelEvent.AgentRemoved.class).get(0);
    assertTrue(removed.time() > 60 * S + 75 * S && removed.time() <= 60 * S + 90 * S + REGISTRY);
    long rereg = r.rec().of(ModelEvent.AgentRegistered.class).stream()
        .filter(e -> e.reregistered() && e.time() > 260 * S).count();
    assertEquals(1, rereg);
    // Partition-aware tasks on a-1 come back; non-partition-aware ones were shut down.
    List<ModelEvent.TaskRecovered> recovered = r.rec().of(ModelEvent.TaskRecovered.class);
    assertFalse(recovered.isEmpty());
    for (ModelEvent.TaskRecovered e : recovered) {
      assertEquals("P", e.framework());
    }
    assertEquals(0, r.cluster().invariantViolations());
  }

  @Test
  void partitionAndHeal_afterLeaderChange_nonStrictReregistration() {
    ModelConfig cfg = TestScenarios.builder().masters(2)
        .agents(TestScenarios.agents("a", 1, 8, 16384))
        .agents(TestScenarios.agents("b", 1, 8, 16384))
        .framework(longTasks("N", FrameworkInfo.of("N", "*"), 1, 4, 20 * SimTime.MINUTE))
        .fault(partitionAt(60 * S, List.of(new FaultTarget(FaultTarget.Kind.AGENT, "a-1")), 300 * S))
        .fault(crashAt(200 * S, new FaultTarget(FaultTarget.Kind.LEADING_MASTER, null), null))
        .build();
    EndToEndTest.Run r = run(cfg, 3 * SimTime.HOUR);
    assertTrue(r.cluster().isDrained());
    // The new leader never marked a-1 unreachable: its LOST tasks turn out alive (non-strict).
    List<ModelEvent.TaskRecovered> recovered = r.rec().of(ModelEvent.TaskRecovered.class);
    assertFalse(recovered.isEmpty());
    for (ModelEvent.TaskRecovered e : recovered) {
      assertEquals("N", e.framework());
      assertTrue(e.time() > 360 * S);
    }
    assertEquals(0, r.cluster().invariantViolations());
  }

  @Test
  void frameworkFailover_withinTimeout_keepsTasks() {
    FrameworkInfo f = new FrameworkInfo("A", "*", 60 * S, false, false, false);
    ModelConfig cfg = TestScenarios.builder()
        .agents(TestScenarios.agents("a", 2, 4, 8192))
        .framework(longTasks("A", f, 1, 4, 5 * SimTime.MINUTE))
        .fault(crashAt(60 * S, new FaultTarget(FaultTarget.Kind.FRAMEWORK, "A"), 30 * S))
        .build();
    EndToEndTest.Run r = run(cfg, SimTime.HOUR);
    assertTrue(r.cluster().isDrained());
    List<ModelEvent.FrameworkDeactivated> d = r.rec().of(ModelEvent.FrameworkDeactivated.class);
    assertEquals(1, d.size());
    assertFalse(d.get(0).removed());
    assertEquals(60 * S + L, d.get(0).time());
    assertEquals(4, r.rec().of(ModelEvent.TaskLaunched.class).size());
    assertEquals(4, count(r.rec(), TaskState.TASK_FINISHED));
    assertEquals(0, count(r.rec(), TaskState.TASK_KILLED));
  }

  @Test
  void frameworkFailover_beyondTimeout_removedAndStartsOver() {
    FrameworkInfo f = new FrameworkInfo("A", "*", 10 * S, false, false, false);
    ModelConfig cfg = TestScenarios.builder()
        .agents(TestScenarios.agents("a", 2, 4, 8192))
        .framework(longTasks("A", f, 1, 4, 5 * SimTime.MINUTE))
        .fault(crashAt(60 * S, new FaultTarget(FaultTarget.Kind.FRAMEWORK, "A"), 30 * S))
        .build();
    EndToEndTest.Run r = run(cfg, SimTime.HOUR);
    assertTrue(r.cluster().isDrained());
    List<ModelEvent.FrameworkDeactivated> d = r.rec().of(ModelEvent.FrameworkDeactivated.class);
    assertEquals(2, d.size());
    assertTrue(d.get(1).removed());
    assertEquals(60 * S + L + 10 * S, d.get(1).time());
    assertEquals(4, count(r.rec(), TaskState.TASK_KILLED));
    List<ModelEvent.FrameworkRegistered> regs = r.rec().of(ModelEvent.FrameworkRegistered.class);
    assertEquals(2, regs.size());
    assertNotEquals(regs.get(0).id(), regs.get(1).id());
    assertEquals(8, r.rec().of(ModelEvent.TaskLaunched.class).size());
    assertEquals(4, count(r.rec(), TaskState.TASK_FINISHED));
    assertEquals(0, r.cluster().invariantViolations());
  }

  @Test
  void messageLoss_everyTaskEndsTerminalAndAcknowledged() {
    MasterFlags m = Defaults.MASTER;
    MasterFlags withOfferTimeout = new MasterFlags(m.agentPingTimeout(), m.maxAgentPingTimeouts(), 30 * S,
        m.agentReregisterTimeout(), m.registryWriteLatency(), m.restartDelay());
    ModelConfig cfg = TestScenarios.builder().seed(5).loss(0.2).master(withOfferTimeout)
        .agents(TestScenarios.agents("a", 4, 4, 8192))
        .framework(TestScenarios.framework("A", TestScenarios.jobs("a-", 10, 4, Resources.of(1, 1024), 10 * S,
            60 * S, TaskOutcome.FINISHED, 0)))
        .build();
    EndToEndTest.Run r = run(cfg, 10 * SimTime.HOUR);
    assertTrue(r.cluster().isDrained(), "drained at " + r.sim().now());
    assertEquals(10, r.rec().of(ModelEvent.JobEnded.class).size());
    Cluster c = r.internal();
    for (Framework f : c.frameworks) {
      assertEquals(0, f.live());
    }
    // Let the last acknowledgements land: every agent-originated update is then acknowledged.
    r.sim().run(r.sim().now() + 2 * SimTime.HOUR);
    for (Agent a : c.agents) {
      assertEquals(List.of(), a.tasks, "every update acknowledged, every task gone from " + a.name);
    }
    assertTrue(c.net.dropped > 0);
    assertEquals(0, r.cluster().invariantViolations());
  }

  @Test
  void newLeader_marksAgentsThatDoNotReregisterUnreachableAfterAgentReregisterTimeout() {
    ModelConfig cfg = TestScenarios.builder().masters(2)
        .agents(TestScenarios.agents("a", 2, 4, 8192))
        .framework(longTasks("A", FrameworkInfo.of("A", "*"), 1, 2, 30 * SimTime.MINUTE))
        .fault(crashAt(60 * S, new FaultTarget(FaultTarget.Kind.AGENT, "a-1"), null))
        .fault(crashAt(61 * S, new FaultTarget(FaultTarget.Kind.LEADING_MASTER, null), null))
        .build();
    EndToEndTest.Run r = run(cfg, 2 * SimTime.HOUR);
    assertTrue(r.cluster().isDrained());
    ModelEvent.LeaderRecovered rec = r.rec().of(ModelEvent.LeaderRecovered.class).get(1);
    assertEquals(61 * S + 10 * S + L + REGISTRY, rec.time());
    List<ModelEvent.AgentRemoved> removed = r.rec().of(ModelEvent.AgentRemoved.class);
    assertEquals(1, removed.size());
    assertEquals("a-1", removed.get(0).hostname());
    assertEquals("reregistration-timeout", removed.get(0).reason());
    assertEquals(rec.time() + 10 * SimTime.MINUTE + REGISTRY, removed.get(0).time());
    assertEquals(0, r.cluster().invariantViolations());
  }

  @Test
  void offerTimeout_rescindsHeldOffers() {
    MasterFlags m = Defaults.MASTER;
    MasterFlags flags = new MasterFlags(m.agentPingTimeout(), m.maxAgentPingTimeouts(), 10 * S,
        m.agentReregisterTimeout(), m.registryWriteLatency(), m.restartDelay());
    // A gang job that can never fit holds its offers until the master rescinds them.
    ModelConfig cfg = TestScenarios.builder().master(flags).until(60 * S)
        .agents(TestScenarios.agents("a", 1, 4, 8192))
        .framework(TestScenarios.framework(FrameworkInfo.of("G", "*"),
            SchedulersTest.sched(org.mesosim.model.config.SchedulerConfig.SchedulerType.GANG, 0, 0, 0),
            TestScenarios.jobs("g", 1, 8, Resources.of(1, 1024), S, S, TaskOutcome.FINISHED, 0)))
        .build();
    EndToEndTest.Run r = run(cfg, 60 * S);
    List<ModelEvent.OfferRescinded> rescinds = r.rec().of(ModelEvent.OfferRescinded.class);
    assertFalse(rescinds.isEmpty());
    ModelEvent.OfferMade first = r.rec().of(ModelEvent.OfferMade.class).get(0);
    assertEquals(first.time() + 10 * S, rescinds.get(0).time());
    assertEquals("offer-timeout", rescinds.get(0).reason());
  }

  @Test
  void randomFaultProcess_agentsCrashAndRestart_runStillDrains() {
    ModelConfig cfg = TestScenarios.builder().seed(9)
        .agents(TestScenarios.agents("a", 4, 4, 8192))
        .framework(TestScenarios.framework("A", TestScenarios.jobs("a-", 20, 4, Resources.of(1, 1024), 20 * S,
            60 * S, TaskOutcome.FINISHED, 0)))
        .fault(new FaultSpec(-1, new org.mesosim.engine.random.Distribution.Exponential(5 * 60 * S),
            FaultSpec.Action.CRASH, List.of(new FaultTarget(FaultTarget.Kind.AGENT_GROUP, "a")),
            new org.mesosim.engine.random.Distribution.Exponential(60 * S)))
        .build();
    EndToEndTest.Run r = run(cfg, 10 * SimTime.HOUR);
    assertTrue(r.cluster().isDrained());
    List<ModelEvent.Fault> crashes = r.rec().of(ModelEvent.Fault.class).stream()
        .filter(f -> f.action().equals("crash")).toList();
    // One process per agent of the group (churn): every agent fails on its own, never two at once.
    java.util.TreeMap<String, Long> perAgent = new java.util.TreeMap<>();
    java.util.TreeMap<Long, Long> perInstant = new java.util.TreeMap<>();
    for (ModelEvent.Fault f : crashes) {
      perAgent.merge(f.target(), 1L, Long::sum);
      perInstant.merge(f.time(), 1L, Long::sum);
    }
    assertTrue(perAgent.size() >= 3 && java.util.Set.of("a-1", "a-2", "a-3", "a-4").containsAll(perAgent.keySet()),
        perAgent.toString());
    assertEquals(crashes.size(), perInstant.size(), "two agents crashed at the same instant: " + perInstant);
    assertEquals(20, r.rec().of(ModelEvent.JobEnded.class).size());
    assertEquals(0, r.cluster().invariantViolations());
  }

  @Test
  void statusUpdateManager_retriesAfter10sThen20s_untilTheMasterHearsIt() {
    long d = 100 * S;
    TestScenarios.Builder base = TestScenarios.builder()
        .agents(TestScenarios.agents("a", 1, 4, 8192))
        .framework(longTasks("A", FrameworkInfo.of("A", "*"), 1, 1, d));
    EndToEndTest.Run first = run(base.build(), SimTime.HOUR);
    long launched = first.rec().of(ModelEvent.TaskLaunched.class).get(0).time();
    long finish = launched + L + d; // RunTask arrives one latency after the launch
    assertEquals(finish + L, first.rec().of(ModelEvent.TaskStatus.class).stream()
        .filter(e -> e.state() == TaskState.TASK_FINISHED).findFirst().orElseThrow().time());
    // Cut the agent off around the finish: the update is lost, retried at +10 s (lost), +30 s (heard).
    base.fault(partitionAt(finish - 5 * S, List.of(new FaultTarget(FaultTarget.Kind.AGENT, "a-1")), 25 * S));
    EndToEndTest.Run r = run(base.build(), SimTime.HOUR);
    assertEquals(finish + 30 * S + L, r.rec().of(ModelEvent.TaskStatus.class).stream()
        .filter(e -> e.state() == TaskState.TASK_FINISHED).findFirst().orElseThrow().time());
    assertEquals(0, r.rec().of(ModelEvent.AgentRemoved.class).size());
    assertTrue(r.cluster().isDrained());
  }

  /**
   * An update whose retry timer fired while the agent was not registered is resent when the agent
   * re-registers, and retried 10 s later, then 20 s, 40 s, ...: {@code StatusUpdateManagerProcess::resume}
   * forwards with {@code STATUS_UPDATE_RETRY_INTERVAL_MIN} (status_update_manager.cpp), whatever
   * interval the stream had reached before it was paused.
   */
  @Test
  void statusUpdateManager_resumeAfterReregistration_retriesFrom10sAgain() {
    long d = 100 * S;
    FrameworkInfo aware = new FrameworkInfo("A", "*", SimTime.HOUR, false, true, false);
    ModelConfig cfg = TestScenarios.builder()
        .agents(TestScenarios.agents("a", 1, 4, 8192))
        .framework(longTasks("A", aware, 1, 1, d))
        // The scheduler is away until long after the agent is back, so the master forwards nothing
        // and the agent keeps retrying its FINISHED update.
        .fault(crashAt(50 * S, new FaultTarget(FaultTarget.Kind.FRAMEWORK, "A"), 400 * S))
        // The update is sent at the finish (~101 s) and retried at +10 s and +30 s, all lost; the
        // agent gives up on its master at ~120 s, so the retry at +30 s finds it unregistered.
        .fault(partitionAt(60 * S, List.of(new FaultTarget(FaultTarget.Kind.AGENT, "a-1")), 200 * S))
        .build();
    Simulation sim = new Simulation(cfg.seed());
    MesosCluster c = new MesosCluster(sim, cfg);
    Recorder rec = new Recorder();
    c.addObserver(rec);
    c.start();
    sim.runWhile(SimTime.HOUR, () -> true);
    long launched = rec.of(ModelEvent.TaskLaunched.class).get(0).time();
    long finish = launched + L + d;
    assertTrue(finish + 30 * S > 120 * S, "the third send must fall after the agent gave up");
    long rereg = rec.of(ModelEvent.AgentRegistered.class).stream().filter(ModelEvent.AgentRegistered::reregistered)
        .findFirst().orElseThrow().time();
    long back = rec.of(ModelEvent.FrameworkRegistered.class).stream().filter(ModelEvent.FrameworkRegistered::reregistered)
        .findFirst().orElseThrow().time();
    // The agent hears SlaveReregistered one latency after the master admits it and resends at once;
    // retries follow at +10, +30, +70, +150, ... s. The first one after the scheduler is back is
    // forwarded and acknowledged (master -> framework -> master: three latencies after the send).
    long send = rereg + L;
    long delay = 10 * S;
    while (send < back) {
      send += delay;
      delay *= 2;
    }
    ModelEvent.TaskAcknowledged ack = rec.of(ModelEvent.TaskAcknowledged.class).stream()
        .filter(a -> a.state() == TaskState.TASK_FINISHED).findFirst().orElseThrow();
    assertEquals(send + 3 * L, ack.time());
    assertEquals(0, c.invariantViolations());
  }

  /**
   * An agent's first registration waits a random share of {@code registration_backoff_factor} b;
   * its retries then wait a random share of 2b, 4b, ... capped at 1 min: {@code Slave::detected}
   * schedules {@code doReliableRegistration(b * 2)}, which draws the next delay in [0, maxBackoff)
   * and doubles it (slave.cpp). A slow registry fetch makes the new leader drop the first attempts.
   */
  @Test
  void agentRegistrationRetries_waitUpToTwiceTheBackoffFactorThenDouble() {
    long fetch = 5 * S;
    MasterFlags slowRegistry = slowRegistry(fetch);
    ModelConfig cfg = TestScenarios.builder().seed(3).master(slowRegistry)
        .agents(TestScenarios.agents("a", 1, 4, 8192))
        .framework(longTasks("A", FrameworkInfo.of("A", "*"), 1, 1, 10 * S))
        .build();
    EndToEndTest.Run r = run(cfg, SimTime.HOUR);
    long detected = r.rec().of(ModelEvent.LeaderElected.class).get(0).time();
    long recovered = r.rec().of(ModelEvent.LeaderRecovered.class).get(0).time();
    org.apache.commons.rng.UniformRandomProvider rng =
        org.mesosim.engine.random.RandomStreams.create(cfg.seed(), "agent/a-1/backoff");
    long b = Defaults.AGENT.registrationBackoffFactor();
    long attempt = detected + (long) (b * rng.nextDouble());
    long max = 2 * b;
    int dropped = 0;
    while (attempt + L < recovered) {
      attempt += (long) (max * rng.nextDouble());
      max = Math.min(2 * max, SimTime.MINUTE);
      dropped++;
    }
    assertTrue(dropped >= 2, "the test needs at least two retries to mean anything: " + dropped);
    ModelEvent.AgentRegistered reg = r.rec().of(ModelEvent.AgentRegistered.class).get(0);
    // The accepted attempt arrives one latency later, then the AdmitSlave write.
    assertEquals(attempt + L + fetch, reg.time());
  }

  /**
   * A scheduler driver registers at once and retries after a random share of 2 s, 4 s, ... capped
   * at 1 min and, with a failover timeout set, at a tenth of it ({@code
   * SchedulerProcess::doReliableRegistration}, sched.cpp): with 10 s, every retry waits under 1 s.
   * A slow registry fetch makes the new leader drop the first attempts.
   */
  @Test
  void schedulerRegistrationRetries_boundedByATenthOfTheFailoverTimeout() {
    long fetch = 5 * S;
    MasterFlags slowRegistry = slowRegistry(fetch);
    ModelConfig cfg = TestScenarios.builder().seed(3).master(slowRegistry)
        .agents(TestScenarios.agents("a", 1, 4, 8192))
        .framework(longTasks("A", new FrameworkInfo("A", "*", 10 * S, false, false, false), 1, 1, 10 * S))
        .build();
    EndToEndTest.Run r = run(cfg, SimTime.HOUR);
    long detected = r.rec().of(ModelEvent.LeaderElected.class).get(0).time();
    long recovered = r.rec().of(ModelEvent.LeaderRecovered.class).get(0).time();
    org.apache.commons.rng.UniformRandomProvider rng =
        org.mesosim.engine.random.RandomStreams.create(cfg.seed(), "framework/A/backoff");
    long attempt = detected;
    long max = 2 * S;
    int dropped = 0;
    while (attempt + L < recovered) {
      max = Math.min(max, S);
      attempt += (long) (max * rng.nextDouble());
      max *= 2;
      dropped++;
    }
    assertTrue(dropped >= 5, "the test needs retries to mean anything: " + dropped);
    ModelEvent.FrameworkRegistered reg = r.rec().of(ModelEvent.FrameworkRegistered.class).get(0);
    assertEquals(attempt + L, reg.time());
  }

  @Test
  void quotaAndWeights_restoredOnceAtEveryElection() {
    ModelConfig cfg = TestScenarios.builder().masters(2)
        .role("prod", 2.0, Resources.of(4, 4096))
        .agents(TestScenarios.agents("a", 2, 4, 8192))
        .framework(longTasks("A", FrameworkInfo.of("A", "prod"), 1, 4, 5 * SimTime.MINUTE))
        .fault(crashAt(60 * S, new FaultTarget(FaultTarget.Kind.LEADING_MASTER, null), null))
        .build();
    EndToEndTest.Run r = run(cfg, SimTime.HOUR);
    assertEquals(2, r.rec().of(ModelEvent.LeaderRecovered.class).size());
    assertTrue(r.cluster().isDrained());
    assertEquals(0, r.cluster().invariantViolations());
  }
}
