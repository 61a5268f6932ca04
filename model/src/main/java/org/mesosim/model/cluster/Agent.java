package org.mesosim.model.cluster;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.mesosim.engine.SimTime;
import org.mesosim.model.AgentId;
import org.mesosim.model.AgentInfo;
import org.mesosim.model.ResourceSet;
import org.mesosim.model.TaskState;
import org.mesosim.model.workload.DeferredRuntime;
import org.mesosim.model.workload.TaskSpec;

/**
 * A Mesos agent ({@code src/slave/slave.cpp}) with its status update manager
 * ({@code src/slave/status_update_manager.cpp}) and command executors.
 *
 * <p>Registration: after a leader is detected the agent waits a random time in
 * [0, {@code registrationBackoffFactor}) and registers (or re-registers, if it has an ID);
 * retry n (from 1) waits a random time in [0, b·2ⁿ), capped at 1 min
 * ({@code REGISTER_RETRY_INTERVAL_MAX}).
 *
 * <p>Tasks run under the built-in command executor, launched at once: the agent reports
 * TASK_STARTING and TASK_RUNNING, and after the task's duration its outcome. The status update
 * manager keeps one stream per task, sends one update at a time and retries it after 10 s,
 * doubling to 10 min ({@code STATUS_UPDATE_RETRY_INTERVAL_MIN/MAX}), until acknowledged; streams
 * pause while the agent is not registered.
 */
final class Agent extends MasterClient {
  static final long REGISTER_RETRY_MAX = SimTime.MINUTE;
  static final long STATUS_UPDATE_RETRY_MIN = 10 * SimTime.SECOND;
  static final long STATUS_UPDATE_RETRY_MAX = 10 * SimTime.MINUTE;

  final int idx;
  final String group;
  final AgentInfo info;
  /** Its resources, with the offer operations the master applied (checkpointed: they survive restarts). */
  ResourceSet total;
  AgentId id;
  final ArrayList<Task> tasks = new ArrayList<>();
  /** The group's resource estimator and QoS controller, or null (docs/oversubscription.md). */
  final org.mesosim.model.config.Oversubscription.Estimator estimator;
  /**
   * {@code Slave::oversubscribedResources}: the last total oversubscribed estimate (revocable in use
   * plus what the estimator offers), null before the first estimate.
   */
  org.mesosim.model.Resources oversubscribed;
  /** Exited on a ShutdownMessage (machine DOWN); started again when its machine comes UP. */
  boolean shutDown;

  Agent(Cluster c, int ep, int idx, String group, AgentInfo info) {
    super(c, ep, info.hostname(), c.sim.random().stream("agent/" + info.hostname() + "/backoff"),
        REGISTER_RETRY_MAX);
    this.idx = idx;
    this.group = group;
    this.info = info;
    this.total = info.resources();
    this.estimator = c.config.oversubscription().of(group);
  }

  // ---- oversubscription ---------------------------------------------------------------------

  /**
   * Starts the agent's estimator loop (Mesos starts {@code forwardOversubscribed()} and
   * {@code qosCorrections()} once the agent has recovered, src/slave/slave.cpp): the first round
   * now, then one every {@code --oversubscribed_resources_interval}.
   */
  void startOversubscription() {
    if (estimator != null) {
      oversubscriptionRound();
    }
  }

  /**
   * One round: the QoS controller's corrections, then the estimate. {@code Slave::_forwardOversubscribed}:
   * the total oversubscribed resources are the revocable resources the executors hold plus what the
   * estimator reports as still oversubscribable; a total different from the last is sent to the
   * master ({@code UpdateSlaveMessage}) if the agent is registered, and remembered either way. In
   * Mesos the two are separate loops ({@code qosCorrections} runs every
   * {@code --qos_correction_interval_min}); here they share the estimator's interval, corrections
   * first, so a round reports what is left after its kills.
   */
  private void oversubscriptionRound() {
    cluster.sim.schedule(estimator.interval(), this::oversubscriptionRound);
    if (!alive()) {
      return; // the process is down: no estimator to ask (a restart resumes at the next round)
    }
    org.mesosim.model.Resources slack = estimate();
    if (estimator.qos() == org.mesosim.model.config.Oversubscription.QosType.REVOKE) {
      qosRevoke(slack);
    }
    org.mesosim.model.Resources used = revocableInUse();
    // The estimator's answer is total − used (fixed.cpp: totalRevocable − allocatedRevocable; the
    // Resources difference drops an entry that would go negative); the agent adds used back.
    org.mesosim.model.Resources total = used.plus(slack.minusFloored(used));
    if (registered && (oversubscribed == null || !oversubscribed.equals(total))) {
      send(masterEp, new Message.UpdateSlave(idx, total));
    }
    oversubscribed = total;
  }

  /**
   * What the estimator says the agent may oversubscribe in all (revocable in use included): FIXED,
   * the configured resources (src/slave/resource_estimators/fixed.cpp); USAGE, the unused part of
   * what the running non-revocable tasks were allocated, for the configured names.
   */
  private org.mesosim.model.Resources estimate() {
    if (estimator.type() == org.mesosim.model.config.Oversubscription.EstimatorType.FIXED) {
      return estimator.resources();
    }
    long[] slack = new long[estimator.resources().width()];
    for (int i = 0; i < tasks.size(); i++) {
      Task t = tasks.get(i);
      if (t.aState == null || t.aState.isTerminal()) {
        continue;
      }
      org.mesosim.model.Resources q = t.resources.nonRevocable().quantity();
      for (int x = 0; x < slack.length; x++) {
        if (estimator.resources().milli(x) > 0) {
          slack[x] += q.milli(x);
        }
      }
    }
    double idle = 1.0 - estimator.usage();
    for (int x = 0; x < slack.length; x++) {
      slack[x] = Math.round(slack[x] * idle);
    }
    return org.mesosim.model.Resources.ofMilli(slack);
  }

  /** The revocable resources held by the agent's non-terminal tasks. */
  org.mesosim.model.Resources revocableInUse() {
    org.mesosim.model.Resources used = org.mesosim.model.Resources.EMPTY;
    for (int i = 0; i < tasks.size(); i++) {
      Task t = tasks.get(i);
      if (t.aState != null && !t.aState.isTerminal() && t.resources.hasRevocable()) {
        used = used.plus(t.resources.revocable());
      }
    }
    return used;
  }

  /**
   * The model's REVOKE controller: while the revocable resources in use are not contained in the
   * estimate, kill the newest revocable task (latest start, then highest task id), as Mesos carries
   * out a QoS KILL correction: the container is destroyed and the task ends TASK_LOST with
   * REASON_CONTAINER_PREEMPTED (src/slave/slave.cpp, {@code _qosCorrections}). Mesos' own
   * controllers do not do this: {@code noop} never corrects, {@code load} kills every revocable
   * executor when the 5- or 15-minute load average passes a threshold (src/slave/qos_controllers/).
   */
  private void qosRevoke(org.mesosim.model.Resources estimate) {
    org.mesosim.model.Resources used = revocableInUse();
    while (!estimate.contains(used)) {
      Task victim = null;
      for (int i = 0; i < tasks.size(); i++) {
        Task t = tasks.get(i);
        if (t.aState == null || t.aState.isTerminal() || !t.resources.hasRevocable()) {
          continue;
        }
        if (victim == null || t.aStartTime > victim.aStartTime
            || (t.aStartTime == victim.aStartTime && t.id.value().compareTo(victim.id.value()) > 0)) {
          victim = t;
        }
      }
      if (victim == null) {
        return;
      }
      cancelFinish(victim);
      statusUpdate(victim, TaskState.TASK_LOST, "REASON_CONTAINER_PREEMPTED");
      cluster.revocations++;
      used = revocableInUse();
    }
  }

  // ---- detection and registration ---------------------------------------------------------

  /**
   * {@code Slave::detected}: the first attempt waits a random share of the backoff factor b, and
   * calls {@code doReliableRegistration(b * 2)}: retries wait a random share of 2b, 4b, ...
   * (slave.cpp).
   */
  @Override
  void startRegistering() {
    long b = cluster.config.agent().registrationBackoffFactor();
    registerAfterRandomDelay(b, 2 * b);
  }

  /** {@code Slave::doReliableRegistration}. */
  @Override
  void sendRegistration(int leader) {
    if (id == null) {
      send(leader, new Message.RegisterSlave(idx));
    } else {
      send(leader, new Message.ReregisterSlave(idx, id, report()));
    }
  }

  /** The tasks the agent reports when re-registering: every task it still has. */
  private List<Task> report() {
    return List.copyOf(tasks);
  }

  /** The agent lost its master (no pings within the total ping timeout): detect again and re-register. */
  void masterPingTimeout() {
    if (!alive() || !registered) {
      return;
    }
    redetect();
  }

  /**
   * {@code Slave::ping} with {@code connected = false} from the master it is registered with: the
   * master disconnected it (its link broke) while it believes itself registered, so it forces a
   * re-registration ({@code detection.discard()}: detected again, {@code doReliableRegistration}
   * after a random share of the backoff factor; src/slave/slave.cpp).
   */
  void pingedDisconnected(int master) {
    if (!alive() || !registered || masterEp != master) {
      return;
    }
    redetect();
  }

  // ---- messages ---------------------------------------------------------------------------

  @Override
  void receive(int from, Message m) {
    if (m instanceof Message.RunTask r) {
      runTask(from, r.task());
    } else if (m instanceof Message.StatusUpdateAcknowledgement a) {
      acknowledged(a.task(), a.uuid());
    } else if (m instanceof Message.KillTask k) {
      killTask(from, k.task());
    } else if (m instanceof Message.SlaveRegistered r) {
      registeredWith(from, r.id(), false);
    } else if (m instanceof Message.SlaveReregistered r) {
      registeredWith(from, r.id(), true);
    } else if (m instanceof Message.ShutdownFramework s) {
      shutdownFramework(s.framework());
    } else if (m instanceof Message.ShutdownSlave s) {
      shutdown(from);
    }
  }

  private void registeredWith(int from, AgentId assigned, boolean reregistered) {
    if (from != leaderEp || registered) {
      return;
    }
    registered = true;
    masterEp = from;
    id = assigned;
    stopRegistering();
    cluster.health.agentRegistered(idx);
    if (oversubscribed != null) {
      // Slave::registered / Slave::reregistered: "Send the latest estimate for oversubscribed resources."
      send(from, new Message.UpdateSlave(idx, oversubscribed));
    }
    // Resume every paused stream: the update in flight is resent now and retried from the minimum
    // interval again, whatever interval it had reached before the pause
    // (StatusUpdateManagerProcess::resume forwards with STATUS_UPDATE_RETRY_INTERVAL_MIN,
    // src/slave/status_update_manager.cpp).
    for (int i = 0; i < tasks.size(); i++) {
      Task t = tasks.get(i);
      if (t.aInflight != null) {
        t.aRetryDelay = STATUS_UPDATE_RETRY_MIN;
        sendInflight(t);
      } else {
        sendNext(t);
      }
    }
  }

  /** {@code Slave::runTask}: launch the command executor; it reports STARTING then RUNNING. */
  private void runTask(int from, Task t) {
    if (!registered || from != masterEp || t.aSlot >= 0) {
      return;
    }
    t.aState = TaskState.TASK_STAGING;
    t.aIncarnation = incarnation;
    addTask(t);
    statusUpdate(t, TaskState.TASK_STARTING, "");
    statusUpdate(t, TaskState.TASK_RUNNING, "");
    TaskSpec spec = t.logical.spec;
    t.aStartTime = cluster.sim.now();
    DeferredRuntime rt = spec.runtime();
    if (rt == null) {
      if (spec.duration() != SimTime.NEVER) {
        t.aFinishHandle = cluster.sim.schedule(spec.duration(), () -> finish(t));
      }
    } else if (rt.isResolved()) {
      scheduleFinish(t, rt.micros());
    } else {
      t.aAwaitingRuntime = true;
      rt.whenResolved(() -> runtimeResolved(t, rt));
    }
  }

  /**
   * A deferred runtime was resolved (its trace reader read the task's end): the task finishes at
   * its start plus the runtime, or now if that is already past (the workload learnt the runtime
   * late; see docs/workloads.md, google-2011). Nothing happens if the task stopped waiting meanwhile (killed,
   * lost, framework shut down, forgotten by a restart): {@link #cancelFinish} cleared the flag.
   */
  private void runtimeResolved(Task t, DeferredRuntime rt) {
    if (!t.aAwaitingRuntime) {
      return;
    }
    t.aAwaitingRuntime = false;
    if (t.aSlot < 0 || t.aState.isTerminal()) {
      return;
    }
    scheduleFinish(t, rt.micros());
  }

  private void scheduleFinish(Task t, long runtime) {
    if (runtime == SimTime.NEVER) {
      return;
    }
    long at = t.aStartTime + runtime;
    long now = cluster.sim.now();
    t.aFinishHandle = cluster.sim.schedule(at > now ? at - now : 0, () -> finish(t));
  }

  /** Cancels the task's finish: its timer, or its wait for a deferred runtime. */
  private void cancelFinish(Task t) {
    cluster.sim.cancel(t.aFinishHandle);
    t.aFinishHandle = -1;
    t.aAwaitingRuntime = false;
  }

  private void addTask(Task t) {
    t.aSlot = tasks.size();
    tasks.add(t);
  }

  private void removeTask(Task t) {
    int slot = t.aSlot;
    if (slot < 0 || slot >= tasks.size() || tasks.get(slot) != t) {
      return;
    }
    int last = tasks.size() - 1;
    Task moved = tasks.get(last);
    tasks.set(slot, moved);
    tasks.remove(last);
    moved.aSlot = slot;
    t.aSlot = -1;
    cluster.sim.cancel(t.aRetryHandle);
    t.aRetryHandle = -1;
    t.aInflight = null;
    t.aPending = null;
  }

  /** The task's duration elapsed: its outcome (sampled from failureProbability for synthetic tasks). */
  private void finish(Task t) {
    t.aFinishHandle = -1;
    if (t.aSlot < 0 || t.aState.isTerminal()) {
      return;
    }
    TaskSpec spec = t.logical.spec;
    TaskState s = switch (spec.runtime() == null ? spec.outcome() : spec.runtime().outcome()) {
      case FINISHED -> TaskState.TASK_FINISHED;
      case FAILED -> TaskState.TASK_FAILED;
      case KILLED -> TaskState.TASK_KILLED;
      case LOST -> TaskState.TASK_LOST;
      case SAMPLED -> spec.failureProbability() > 0
          && t.framework.outcomeRng.nextDouble() < spec.failureProbability()
          ? TaskState.TASK_FAILED : TaskState.TASK_FINISHED;
    };
    statusUpdate(t, s, Framework.REASON_OUTCOME);
  }

  /** {@code Slave::killTask}. An unknown task is answered with TASK_LOST through the status update manager. */
  private void killTask(int from, Task t) {
    if (!registered || from != masterEp) {
      return;
    }
    if (t.aSlot >= 0 && tasks.get(t.aSlot) == t) {
      if (!t.aState.isTerminal()) {
        cancelFinish(t);
        statusUpdate(t, TaskState.TASK_KILLED, "REASON_TASK_KILLED");
      }
      return;
    }
    t.aState = TaskState.TASK_STAGING;
    addTask(t);
    statusUpdate(t, TaskState.TASK_LOST, "REASON_EXECUTOR_TERMINATED");
  }

  private void shutdownFramework(int fw) {
    for (int i = tasks.size() - 1; i >= 0; i--) {
      Task t = tasks.get(i);
      if (t.framework.index == fw) {
        cancelFinish(t);
        if (!t.aState.isTerminal()) {
          t.aState = TaskState.TASK_KILLED;
        }
        removeTask(t);
      }
    }
  }

  /**
   * {@code Slave::shutdown} (src/slave/slave.cpp): a ShutdownMessage from the master it is registered
   * with, or from the leader it is registering with (which refuses it: "Machine is `DOWN`"), shuts
   * down every executor (their tasks end; the master has already counted them lost) and the agent
   * exits. A master-initiated shutdown removes the "latest" checkpoint link ({@code Slave::finalize}),
   * so when started again (its machine UP, {@link Cluster#machineUp}) it registers as a new agent.
   */
  private void shutdown(int from) {
    if (from != masterEp && from != leaderEp) {
      return;
    }
    for (int i = tasks.size() - 1; i >= 0; i--) {
      Task t = tasks.get(i);
      cancelFinish(t);
      if (!t.aState.isTerminal()) {
        t.aState = TaskState.TASK_KILLED;
      }
      removeTask(t);
    }
    id = null;
    incarnation++;
    registered = false;
    masterEp = -1;
    leaderEp = -1;
    stopRegistering();
    shutDown = true;
    cluster.agentExited(this);
  }

  // ---- status update manager ------------------------------------------------------------

  private void statusUpdate(Task t, TaskState state, String reason) {
    t.aState = state;
    Task.Update u = new Task.Update(state, reason, cluster.nextUuid());
    if (t.aInflight == null) {
      t.aInflight = u;
      t.aRetryDelay = STATUS_UPDATE_RETRY_MIN;
      if (registered) {
        sendInflight(t);
      }
    } else {
      if (t.aPending == null) {
        t.aPending = new ArrayDeque<>(2);
      }
      t.aPending.add(u);
    }
  }

  private void sendInflight(Task t) {
    Task.Update u = t.aInflight;
    send(masterEp, new Message.StatusUpdate(idx, t, u.state, t.aState, u.reason, u.uuid));
    cluster.sim.cancel(t.aRetryHandle);
    int inc = incarnation;
    t.aRetryHandle = cluster.sim.schedule(t.aRetryDelay, () -> retry(t, u, inc));
  }

  private void retry(Task t, Task.Update u, int inc) {
    if (inc != incarnation || t.aInflight != u) {
      return;
    }
    t.aRetryHandle = -1;
    t.aRetryDelay = Math.min(t.aRetryDelay * 2, STATUS_UPDATE_RETRY_MAX);
    if (registered) {
      sendInflight(t);
    }
  }

  private void sendNext(Task t) {
    if (t.aInflight == null && t.aPending != null && !t.aPending.isEmpty()) {
      t.aInflight = t.aPending.poll();
      t.aRetryDelay = STATUS_UPDATE_RETRY_MIN;
      if (registered) {
        sendInflight(t);
      }
    }
  }

  private void acknowledged(Task t, long uuid) {
    Task.Update u = t.aInflight;
    if (u == null || u.uuid != uuid || t.aSlot < 0) {
      return;
    }
    cluster.sim.cancel(t.aRetryHandle);
    t.aRetryHandle = -1;
    t.aInflight = null;
    if (u.state.isTerminal() && (t.aPending == null || t.aPending.isEmpty())) {
      removeTask(t);
      return;
    }
    sendNext(t);
  }

  // ---- faults -----------------------------------------------------------------------------

  /**
   * The agent process dies. Executors of checkpointing frameworks keep running (their updates are
   * checkpointed and sent after the agent recovers); those of other frameworks die with it.
   */
  void crashed() {
    incarnation++;
    registered = false;
    masterEp = -1;
    leaderEp = -1;
    stopRegistering();
    for (int i = tasks.size() - 1; i >= 0; i--) {
      Task t = tasks.get(i);
      cluster.sim.cancel(t.aRetryHandle);
      t.aRetryHandle = -1;
      if (!t.framework.info.checkpoint()) {
        cancelFinish(t);
        removeTask(t);
      }
    }
  }

  /**
   * The agent restarts and recovers its checkpointed state (agent ID, checkpointing frameworks'
   * tasks); their streams stay paused until it re-registers.
   */
  void restarted() {
    incarnation++;
  }
}
