package org.mesosim.model.cluster;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.mesosim.engine.SimTime;
import org.mesosim.model.AgentId;
import org.mesosim.model.FrameworkId;
import org.mesosim.model.OfferId;
import org.mesosim.model.Operation;
import org.mesosim.model.ResourceSet;
import org.mesosim.model.Resources;
import org.mesosim.model.TaskState;
import org.mesosim.model.allocation.Allocator;
import org.mesosim.model.allocation.AllocatorContext;
import org.mesosim.model.allocation.InverseOfferStatus;
import org.mesosim.model.events.ModelEvent;

/**
 * A Mesos master ({@code src/master/master.cpp}). It contends for leadership through ZooKeeper;
 * when elected it recovers from the registry (one registry read of {@code registryWriteLatency}),
 * drops every message until then ({@code Master::visit}), and serves frameworks and agents. A
 * leader that loses leadership (another leader detected, or its ZooKeeper session expired) exits
 * ("Lost leadership... committing suicide!") and its supervisor restarts it after
 * {@code restartDelay}; a standby that loses its candidacy contends again.
 *
 * <p>All state of one term as leader lives in a {@link Leadership}; a new leader starts empty and
 * rebuilds from agent and framework re-registrations, as Mesos does.
 */
final class Master extends Process {
  final int index;
  ZooKeeper.Session session;
  Leadership leading;
  long droppedWhileNotLeading;
  long refusedWhileDisconnected;
  long authenticated;

  Master(Cluster c, int ep, int index) {
    super(c, ep, "master-" + (index + 1));
    this.index = index;
  }

  void start() {
    c().zk.contend(this);
  }

  private Cluster c() {
    return cluster;
  }

  // ---- election ------------------------------------------------------------------------------

  /** {@code Master::detected}: the detector reports the current leader (or none). */
  void detected(ZooKeeper.Session leader, long epoch) {
    if (!alive()) {
      return;
    }
    boolean self = leader != null && leader == session;
    if (self) {
      if (leading == null) {
        elected(epoch);
      }
      return;
    }
    if (leading != null) {
      exit("another master became leader");
    }
  }

  /** {@code Master::lostCandidacy}: the ZooKeeper session (and znode) is gone. */
  void lostCandidacy() {
    if (leading != null) {
      exit("lost candidacy (ZooKeeper session expired)");
    } else {
      cluster.zk.contend(this);
    }
  }

  private void elected(long epoch) {
    Leadership l = new Leadership(epoch);
    leading = l;
    cluster.emit(new ModelEvent.LeaderElected(cluster.sim.now(), name, epoch));
    cluster.invariants.leaderElected(this);
    // Fetch the registry from the replicated log (modelled as one registry operation's latency).
    cluster.sim.schedule(cluster.config.master().registryWriteLatency(), () -> {
      if (leading == l) {
        l.recover();
      }
    });
  }

  /** The master process exits; its supervisor restarts it after {@code restartDelay}. */
  void exit(String reason) {
    if (leading != null) {
      cluster.emit(new ModelEvent.LeaderLost(cluster.sim.now(), name, reason));
      leading.end();
      leading = null;
    }
    cluster.crashProcess(ep);
    long delay = cluster.config.master().restartDelay();
    if (delay != SimTime.NEVER) {
      cluster.scheduleRecovery(delay, () -> cluster.restartMaster(this));
    }
  }

  /** Crash fault: the process dies without any goodbye. */
  void crashed() {
    if (leading != null) {
      cluster.emit(new ModelEvent.LeaderLost(cluster.sim.now(), name, "crashed"));
      leading.end();
      leading = null;
    }
    session = null;
  }

  boolean isLeader() {
    return leading != null;
  }

  // ---- messages ---------------------------------------------------------------------------

  @Override
  void receive(int from, Message m) {
    Leadership l = leading;
    if (l == null || !l.recovered) {
      droppedWhileNotLeading++;
      return;
    }
    int caller = callingFramework(m);
    if (caller >= 0 && l.disconnectedFramework(caller)) {
      // A call (not SUBSCRIBE) from a framework this master has disconnected is refused: "Framework
      // disconnected" (Master::receive for scheduler calls, src/master/master.cpp) or "Framework is
      // not subscribed" (the HTTP API, src/master/http.cpp). It must subscribe again first.
      refusedWhileDisconnected++;
      return;
    }
    if (m instanceof Message.StatusUpdate u) {
      l.statusUpdate(u);
    } else if (m instanceof Message.Acknowledge a) {
      l.acknowledge(a);
    } else if (m instanceof Message.Accept a) {
      l.accept(a);
    } else if (m instanceof Message.Decline d) {
      l.decline(d);
    } else if (m instanceof Message.AcceptInverseOffers a) {
      l.answerInverseOffers(a.framework(), a.inverseOffers(), InverseOfferStatus.ACCEPT, a.refuseMicros());
    } else if (m instanceof Message.DeclineInverseOffers d) {
      l.answerInverseOffers(d.framework(), d.inverseOffers(), InverseOfferStatus.DECLINE, d.refuseMicros());
    } else if (m instanceof Message.ReviveOffers r) {
      l.revive(r);
    } else if (m instanceof Message.SuppressOffers s) {
      l.suppress(s);
    } else if (m instanceof Message.KillTaskCall k) {
      l.killTask(k);
    } else if (m instanceof Message.Reconcile r) {
      l.reconcile(r);
    } else if (m instanceof Message.RegisterSlave r) {
      l.registerSlave(r);
    } else if (m instanceof Message.ReregisterSlave r) {
      l.reregisterSlave(r);
    } else if (m instanceof Message.RegisterFramework r) {
      l.registerFramework(r);
    } else if (m instanceof Message.ReregisterFramework r) {
      l.reregisterFramework(r);
    } else if (m instanceof Message.UnregisterFramework u) {
      l.unregisterFramework(u);
    } else if (m instanceof Message.UnregisterSlave u) {
      l.unregisterSlave(u);
    } else if (m instanceof Message.ExitedExecutor e) {
      l.exitedExecutor(e);
    } else if (m instanceof Message.FrameworkToExecutor fe) {
      l.frameworkToExecutor(fe);
    } else if (m instanceof Message.ExecutorToFramework ef) {
      l.executorToFramework(ef);
    } else if (m instanceof Message.UpdateSlave u) {
      l.updateSlave(u);
    } else if (m instanceof Message.Authenticate a) {
      authenticated++;
    }
  }

  /** The framework index of a scheduler call other than SUBSCRIBE, or -1 for any other message. */
  private static int callingFramework(Message m) {
    if (m instanceof Message.Accept a) {
      return a.framework();
    } else if (m instanceof Message.Decline d) {
      return d.framework();
    } else if (m instanceof Message.AcceptInverseOffers a) {
      return a.framework();
    } else if (m instanceof Message.DeclineInverseOffers d) {
      return d.framework();
    } else if (m instanceof Message.Acknowledge a) {
      return a.framework();
    } else if (m instanceof Message.ReviveOffers r) {
      return r.framework();
    } else if (m instanceof Message.SuppressOffers s) {
      return s.framework();
    } else if (m instanceof Message.KillTaskCall k) {
      return k.framework();
    } else if (m instanceof Message.Reconcile r) {
      return r.framework();
    } else if (m instanceof Message.FrameworkToExecutor fe) {
      return fe.framework();
    } else if (m instanceof Message.UnregisterFramework u) {
      return u.framework();
    }
    return -1;
  }

  /** Everything one term as leader knows. */
  final class Leadership {
    final long epoch;
    final String masterId;
    boolean recovered;
    private boolean ended;
    Allocator allocator;
    final AgentRecord[] agents;
    final LinkedHashMap<AgentId, AgentRecord> agentsById = new LinkedHashMap<>();
    final FrameworkRecord[] frameworks;
    final LinkedHashMap<FrameworkId, FrameworkRecord> frameworksById = new LinkedHashMap<>();
    final Registry.Registrar registrar;
    /** The outstanding offers of this term ({@link OfferBook}). */
    final OfferBook book;
    /** The tasks this term knows, per agent ({@link TaskBook}). */
    final TaskBook taskBook;
    private final boolean[] admitting;
    private final boolean[] reregistering;
    /** Agents this leader marked unreachable (for the strict shutdown of non-partition-aware frameworks). */
    private final boolean[] markedUnreachable;
    /** Agents in the registry when recovery ran, not yet re-registered. */
    private final boolean[] awaitingReregistration;
    private int awaiting;
    private long reregisterTimer = -1;
    private long frameworkSeq;

    Leadership(long epoch) {
      this.epoch = epoch;
      this.masterId = "M" + epoch;
      int na = cluster.agents.length;
      agents = new AgentRecord[na];
      frameworks = new FrameworkRecord[cluster.frameworks.length];
      registrar = new Registry.Registrar(cluster, this);
      book = new OfferBook(this, masterId + "-O");
      taskBook = new TaskBook(this, agents);
      admitting = new boolean[na];
      reregistering = new boolean[na];
      markedUnreachable = new boolean[na];
      awaitingReregistration = new boolean[na];
    }

    boolean current() {
      return !ended && leading == this;
    }

    Master master() {
      return Master.this;
    }

    void end() {
      ended = true;
      if (allocator != null) {
        allocator.pause();
      }
      cluster.health.leaderGone(this);
      for (AgentRecord a : agents) {
        if (a != null) {
          for (Offer o : a.offers) {
            o.live = false;
            cluster.sim.cancel(o.timeoutHandle);
          }
          for (InverseOffer io : a.inverseOffers) {
            io.live = false;
            cluster.sim.cancel(io.timeoutHandle);
          }
        }
      }
      cluster.sim.cancel(reregisterTimer);
      for (FrameworkRecord f : frameworks) {
        if (f != null) {
          cluster.sim.cancel(f.failoverHandle);
        }
      }
    }

    /** {@code Master::_recover}: registry fetched; start serving. */
    void recover() {
      Registry reg = cluster.registry;
      for (int i = 0; i < agents.length; i++) {
        if (reg.state[i] == Registry.ADMITTED) {
          awaitingReregistration[i] = true;
          awaiting++;
        }
      }
      allocator = cluster.config.allocator().allocators().create();
      allocator.initialize(new AllocatorContext(cluster.sim, cluster.config.allocator().interval(),
          cluster.sim.random().stream("allocator/" + masterId), this::offer, cluster.config.allocator().options(),
          this::inverseOffer));
      SortedMap<String, Resources> quotas = new TreeMap<>();
      SortedMap<String, Double> weights = new TreeMap<>();
      cluster.config.roles().forEach((role, rc) -> {
        if (!rc.quota().isEmpty()) {
          quotas.put(role, rc.quota());
        }
        if (rc.weight() != 1.0) {
          weights.put(role, rc.weight());
        }
      });
      // Quotas come back through recover() (HierarchicalAllocatorProcess::recover sets them);
      // weights through updateWeights, as Master::_recover does.
      allocator.recover(reg.admitted, quotas);
      if (!weights.isEmpty()) {
        allocator.updateWeights(weights);
      }
      recovered = true;
      cluster.emit(new ModelEvent.LeaderRecovered(cluster.sim.now(), name));
      if (awaiting > 0) {
        reregisterTimer = cluster.sim.schedule(cluster.config.master().agentReregisterTimeout(),
            this::reregisterTimeout);
      }
    }

    /**
     * {@code Master::recoveredSlavesTimeout}: agents from the registry that did not re-register
     * within {@code --agent_reregister_timeout} are marked unreachable (1.1; no task updates, the
     * new master never knew their tasks); frameworks get LostSlaveMessage.
     */
    private void reregisterTimeout() {
      for (int i = 0; i < awaitingReregistration.length; i++) {
        if (awaitingReregistration[i]) {
          awaitingReregistration[i] = false;
          int idx = i;
          registrar.apply(() -> {
            if (cluster.registry.state[idx] == Registry.ADMITTED && agents[idx] == null) {
              cluster.registry.state[idx] = Registry.UNREACHABLE;
              cluster.registry.admitted--;
              cluster.registry.unreachableSince[idx] = cluster.sim.now();
              markedUnreachable[idx] = true;
              AgentId id = cluster.registry.ids[idx];
              cluster.emit(new ModelEvent.AgentRemoved(cluster.sim.now(), id, cluster.agents[idx].name,
                  "reregistration-timeout"));
              for (FrameworkRecord f : frameworks) {
                if (f != null && !f.removed && f.connected) {
                  send(cluster.frameworkEp(f.idx), new Message.LostSlave(id, idx));
                }
              }
            }
          });
        }
      }
      awaiting = 0;
    }

    private void noteReregistered(int idx) {
      if (awaitingReregistration[idx]) {
        awaitingReregistration[idx] = false;
        awaiting--;
      }
    }

    // ---- offers ------------------------------------------------------------------------

    /** {@code Master::offer}: the allocator's callback. */
    void offer(FrameworkId fid, SortedMap<AgentId, ResourceSet> resources) {
      book.offer(fid, resources);
    }

    void rescind(Offer o, String reason, boolean tell) {
      book.rescind(o, reason, tell);
    }

    void decline(Message.Decline call) {
      book.decline(call);
    }

    /** {@code Master::accept} and {@code Master::_accept}. */
    void accept(Message.Accept call) {
      FrameworkRecord f = frameworks[call.framework()];
      if (f == null || f.removed) {
        return;
      }
      boolean valid = !call.offers().isEmpty();
      int agent = -1;
      for (Offer o : call.offers()) {
        if (!book.valid(o, f.idx) || (agent >= 0 && o.agent != agent)) {
          valid = false;
        }
        agent = o.agent;
      }
      if (!valid) {
        // Invalid offers: recover the valid ones, launches become TASK_LOST (1.1).
        for (Offer o : call.offers()) {
          if (book.valid(o, f.idx)) {
            book.remove(o);
            allocator.recoverResources(f.id, agents[o.agent].id, o.resources, 0);
          }
        }
        for (Message.Launch l : call.launches()) {
          sendMasterUpdate(f, l.task(), TaskState.TASK_LOST, "REASON_INVALID_OFFERS");
        }
        return;
      }
      AgentRecord a = agents[agent];
      ResourceSet offered = ResourceSet.EMPTY;
      for (Offer o : call.offers()) {
        book.remove(o);
        offered = offered.plus(o.resources);
      }
      OfferId firstOffer = call.offers().get(0).id;
      if (!a.connected || a.markingUnreachable) {
        allocator.recoverResources(f.id, a.id, offered, 0);
        for (Message.Launch l : call.launches()) {
          sendMasterUpdate(f, l.task(), TaskState.TASK_LOST, "REASON_SLAVE_REMOVED");
        }
        return;
      }
      ResourceSet remaining = offered;
      List<Operation> applied = call.operations().isEmpty() ? List.of() : new ArrayList<>();
      for (Operation op : call.operations()) {
        ResourceSet next = applyOperation(f, a, remaining, op);
        if (next != null) {
          remaining = next;
          applied.add(op);
        }
      }
      for (Message.Launch l : call.launches()) {
        Task t = l.task();
        if (!remaining.contains(l.resources())) {
          sendMasterUpdate(f, t, TaskState.TASK_ERROR, "REASON_TASK_INVALID");
          continue;
        }
        remaining = remaining.minus(l.resources());
        cluster.invariants.launch(t, l.resources(), call.offers(), applied);
        cluster.invariants.volumesUsed(a, t);
        cluster.invariants.notOnDownMachine(a.idx, "task " + t.id.value() + " launched");
        if (l.resources().hasRevocable()) {
          cluster.revocableLaunches++;
        }
        taskBook.add(a, t, TaskState.TASK_STAGING);
        cluster.launchesAccepted++;
        cluster.emit(new ModelEvent.TaskLaunched(cluster.sim.now(), cluster.frameworks[f.idx].name, t.id,
            t.logical.job.id, a.id, firstOffer, t.resources.quantity()));
        cluster.invariants.transition(t, null, TaskState.TASK_STAGING);
        send(cluster.agentEp(a.idx), new Message.RunTask(ep, t));
      }
      cluster.invariants.agentTouched(a);
      if (!applied.isEmpty()) {
        // Master::_accept (1.1.0 src/master/master.cpp): "Update the allocator based on the offer
        // operations", with the offered resources, before the unused ones are recovered.
        allocator.updateAllocation(f.id, a.id, offered, applied);
      }
      if (!remaining.isEmpty()) {
        allocator.recoverResources(f.id, a.id, remaining, call.refuseMicros());
        cluster.emit(new ModelEvent.OfferDeclined(cluster.sim.now(), firstOffer, cluster.frameworks[f.idx].name,
            a.id, remaining, call.refuseMicros()));
      }
    }

    /**
     * One offer operation of an ACCEPT (1.1.0 src/master/master.cpp, {@code _accept}): validated as
     * {@code validation::operation::validate} does for what the model has (a reservation for a
     * role other than "*"; a persistence id unique among the agent's volumes; a volume to destroy
     * that exists and no task on the agent uses), then applied to what is left of the offers
     * ({@code _offeredResources.apply}) and to the agent's resources ({@code _apply}: the agent
     * checkpoints them at once, the CheckpointResourcesMessage's latency is not modelled). An invalid
     * operation is dropped (Mesos' {@code drop}: logged, nothing else) and null returned.
     */
    private ResourceSet applyOperation(FrameworkRecord f, AgentRecord a, ResourceSet remaining, Operation op) {
      if (op instanceof Operation.Create c) {
        if (a.total.volumes().keySet().stream().anyMatch(v -> v.id().equals(c.volume().id()))) {
          return null; // validateUniquePersistenceID
        }
      } else if (op instanceof Operation.Destroy d) {
        if (a.total.copies(d.volume()) == 0) {
          return null; // "Persistent volumes not found"
        }
        for (Task t : a.tasks) {
          if (!t.mState.isTerminal() && t.resources.copies(d.volume()) > 0) {
            return null; // "Persistent volumes in use"
          }
        }
      } else if (op instanceof Operation.Launch) {
        return null;
      }
      ResourceSet next;
      ResourceSet total;
      try {
        next = remaining.apply(op);
        total = a.total.apply(op);
      } catch (IllegalArgumentException e) {
        return null;
      }
      cluster.invariants.operationApplied(a, a.total, total);
      a.total = total;
      cluster.agents[a.idx].total = total;
      if (op instanceof Operation.Destroy d) {
        // "If any offer from this slave contains a volume that needs to be destroyed, we should
        // process it, but we should also rescind those offers" (_accept, DESTROY): a shared volume
        // may be offered to other frameworks while in this ACCEPT.
        for (Offer o : new ArrayList<>(a.offers)) {
          if (o.resources.copies(d.volume()) > 0) {
            rescind(o, "persistent volume destroyed", true);
          }
        }
      }
      cluster.emit(new ModelEvent.OperationApplied(cluster.sim.now(), cluster.frameworks[f.idx].name, a.id,
          op.type(), op instanceof Operation.Create c ? c.volume().id()
              : op instanceof Operation.Destroy d ? d.volume().id() : "",
          op instanceof Operation.Create || op instanceof Operation.Destroy ? Resources.EMPTY
              : op instanceof Operation.Reserve r ? r.resources() : ((Operation.Unreserve) op).resources()));
      return next;
    }

    void revive(Message.ReviveOffers call) {
      FrameworkRecord f = frameworks[call.framework()];
      if (f == null || f.removed || !f.active) {
        return;
      }
      cluster.emit(new ModelEvent.OffersRevived(cluster.sim.now(), cluster.frameworks[f.idx].name));
      allocator.reviveOffers(f.id);
    }

    void suppress(Message.SuppressOffers call) {
      FrameworkRecord f = frameworks[call.framework()];
      if (f == null || f.removed || !f.active) {
        return;
      }
      cluster.emit(new ModelEvent.OffersSuppressed(cluster.sim.now(), cluster.frameworks[f.idx].name));
      allocator.suppressOffers(f.id);
    }

    // ---- tasks -------------------------------------------------------------------------

    /** {@code Master::updateTask}: the master's state follows {@code latest}; the first terminal state recovers. */
    private void updateTask(Task t, TaskState latest, String reason) {
      TaskState old = t.mState;
      if (old == latest || (old != null && old.isTerminal())) {
        return;
      }
      t.mState = latest;
      cluster.invariants.transition(t, old, latest);
      AgentRecord a = agents[t.agent];
      if (latest.isTerminal() && !t.mTerminalRecovered) {
        t.mTerminalRecovered = true;
        if (a != null) {
          a.used = Vec.sub(a.used, t.resources.nonRevocable().quantity());
          allocator.recoverResources(t.frameworkId, a.id, t.resources, 0);
          cluster.invariants.agentTouched(a);
        }
      }
      emitStatus(t, a == null ? null : a.id, latest, reason);
    }

    /**
     * Emits the observable {@link ModelEvent.TaskStatus}; a terminal one marks the attempt as seen
     * terminal (the invariant checker flags a second one).
     */
    private void emitStatus(Task t, AgentId agent, TaskState state, String reason) {
      if (state.isTerminal()) {
        cluster.invariants.terminalStatus(t, state);
        t.terminalSeen = true;
      }
      cluster.emit(new ModelEvent.TaskStatus(cluster.sim.now(), t.framework.name, t.id, agent, state, reason,
          t.resources.quantity()));
    }

    /** A master-generated update: not reliable, no uuid, the task is removed at once. */
    private void sendMasterUpdate(FrameworkRecord f, Task t, TaskState state, String reason) {
      if (taskBook.knows(t)) {
        updateTask(t, state, reason);
        taskBook.remove(t);
      } else {
        emitStatus(t, agents[t.agent] == null ? cluster.registry.ids[t.agent] : agents[t.agent].id, state, reason);
        cluster.invariants.transition(t, null, state);
      }
      if (f != null && f.connected && !f.removed) {
        send(cluster.frameworkEp(f.idx), new Message.StatusUpdateForward(ep, t, state, reason, 0));
      }
    }

    /** {@code Master::statusUpdate}. */
    void statusUpdate(Message.StatusUpdate u) {
      AgentRecord a = agents[u.agent()];
      if (a == null || a.markingUnreachable) {
        return; // from an unknown or removed agent: dropped
      }
      Task t = u.task();
      FrameworkRecord f = frameworks[t.framework.index];
      // The master updates its own view whether or not it knows the framework (after a failover
      // it may not yet: the agent re-registered first); it forwards only to a connected one.
      if (taskBook.knows(t)) {
        updateTask(t, u.latest(), u.reason());
        t.mUpdateState = u.state();
        t.mUpdateUuid = u.uuid();
      }
      if (f != null && !f.removed && f.connected) {
        send(cluster.frameworkEp(f.idx), new Message.StatusUpdateForward(ep, t, u.state(), u.reason(), u.uuid()));
      }
    }

    /** {@code Master::acknowledge}: remove the task on its terminal update's ack; forward to the agent. */
    void acknowledge(Message.Acknowledge ack) {
      FrameworkRecord f = frameworks[ack.framework()];
      if (f == null || f.removed) {
        return;
      }
      Task t = ack.task();
      AgentRecord a = agents[t.agent];
      if (a == null || !a.connected) {
        // Not registered, or disconnected: dropped, the task kept (Master::acknowledge); the agent
        // resends the update once it re-registers.
        return;
      }
      if (taskBook.knows(t) && t.mUpdateUuid == ack.uuid() && ack.state().isTerminal()) {
        taskBook.remove(t);
      }
      cluster.emit(new ModelEvent.TaskAcknowledged(cluster.sim.now(), t.framework.name, t.id, ack.state()));
      send(cluster.agentEp(a.idx), new Message.StatusUpdateAcknowledgement(t, ack.uuid()));
    }

    /** {@code Master::kill}. */
    void killTask(Message.KillTaskCall k) {
      FrameworkRecord f = frameworks[k.framework()];
      if (f == null || f.removed) {
        return;
      }
      Task t = k.task();
      if (!taskBook.knows(t)) {
        reconcileOne(f, t);
        return;
      }
      AgentRecord a = agents[t.agent];
      // Remembered whether or not it is sent: the agent may be cut off or disconnected without
      // the master knowing yet (Master::kill adds it to slave->killedTasks first).
      t.mKilled = true;
      if (a != null && a.connected) {
        send(cluster.agentEp(a.idx), new Message.KillTask(ep, t));
      }
    }

    /** {@code Master::_reconcileTasks}. */
    void reconcile(Message.Reconcile r) {
      FrameworkRecord f = frameworks[r.framework()];
      if (f == null || f.removed) {
        return;
      }
      if (r.tasks().isEmpty()) {
        for (AgentRecord a : agents) {
          if (a == null) {
            continue;
          }
          for (Task t : a.tasks) {
            if (t.framework.index == f.idx) {
              TaskState s = t.mUpdateState != null ? t.mUpdateState : t.mState;
              send(cluster.frameworkEp(f.idx), new Message.StatusUpdateForward(ep, t, s, "REASON_RECONCILIATION", 0));
            }
          }
        }
        return;
      }
      for (Task t : r.tasks()) {
        reconcileOne(f, t);
      }
    }

    private void reconcileOne(FrameworkRecord f, Task t) {
      TaskState s;
      if (taskBook.knows(t)) {
        s = t.mUpdateState != null ? t.mUpdateState : t.mState;
      } else if (agents[t.agent] != null && !agents[t.agent].markingUnreachable) {
        s = TaskState.TASK_LOST; // case 3: unknown task, agent registered
      } else if (reregistering[t.agent] || admitting[t.agent] || awaitingReregistration[t.agent]
          || (agents[t.agent] != null && agents[t.agent].markingUnreachable)) {
        return; // case 4: agent transitioning: no reply
      } else if (cluster.registry.state[t.agent] == Registry.UNREACHABLE) {
        s = f.info.partitionAware() ? TaskState.TASK_UNREACHABLE : TaskState.TASK_LOST;
      } else {
        s = TaskState.TASK_LOST;
      }
      if (!taskBook.knows(t) && !t.reconciledGone && !t.terminalSeen) {
        // The master has generated a terminal state for a task it does not know: observable once
        // (and not at all if a terminal status of this attempt was already observed).
        t.reconciledGone = true;
        t.reportedGone = true;
        emitStatus(t, cluster.registry.ids[t.agent], s, "REASON_RECONCILIATION");
      }
      send(cluster.frameworkEp(f.idx), new Message.StatusUpdateForward(ep, t, s, "REASON_RECONCILIATION", 0));
    }

    // ---- agents ------------------------------------------------------------------------

    /** {@code Master::registerSlave}: admit in the registry, then add. */
    void registerSlave(Message.RegisterSlave r) {
      int idx = r.agent();
      if (refuseOnDownMachine(idx)) {
        return;
      }
      AgentRecord known = agents[idx];
      if (known != null) {
        if (known.connected || known.markingUnreachable) {
          send(cluster.agentEp(idx), new Message.SlaveRegistered(ep, known.id));
          return;
        }
        // Disconnected, and now registering as a new agent (it died before it learnt its ID):
        // Master::registerSlave removes the old one at that address ("a new agent registered at
        // the same address"), then admits this one with a new ID.
        removeAgent(known, false, "registered-anew");
      }
      if (admitting[idx] || reregistering[idx]) {
        return;
      }
      admitting[idx] = true;
      Registry reg = cluster.registry;
      AgentId id = new AgentId(masterId + "-S" + (reg.nextAgentSeq++));
      registrar.apply(() -> {
        admitting[idx] = false;
        if (reg.state[idx] != Registry.ADMITTED) {
          reg.admitted++;
        }
        reg.state[idx] = Registry.ADMITTED;
        reg.ids[idx] = id;
        markedUnreachable[idx] = false;
        noteReregistered(idx);
        Agent ag = cluster.agents[idx];
        AgentRecord a = new AgentRecord(idx, id, ag.total);
        addAgent(a, new TreeMap<>(), false);
        send(cluster.agentEp(idx), new Message.SlaveRegistered(ep, id));
      });
    }

    private void addAgent(AgentRecord a, SortedMap<FrameworkId, ResourceSet> used, boolean reregistered) {
      agents[a.idx] = a;
      agentsById.put(a.id, a);
      cluster.emit(new ModelEvent.AgentRegistered(cluster.sim.now(), a.id, cluster.agents[a.idx].name, a.total,
          reregistered));
      cluster.health.observe(this, a.idx);
      cluster.invariants.notOnDownMachine(a.idx, "agent " + a.id.value() + " added");
      // Master::addSlave passes the machine's unavailability (maintenance) to the allocator.
      org.mesosim.model.allocation.Unavailability u = cluster.registry.unavailability[a.idx];
      if (u == null) {
        allocator.addAgent(a.id, cluster.agents[a.idx].info, a.total, used);
      } else {
        allocator.addAgent(a.id, cluster.agents[a.idx].info, a.total, used, u);
      }
    }

    /** {@code Master::reregisterSlave}. */
    void reregisterSlave(Message.ReregisterSlave r) {
      int idx = r.agent();
      if (refuseOnDownMachine(idx)) {
        return;
      }
      AgentRecord known = agents[idx];
      if (known != null && known.id.equals(r.id())) {
        if (known.markingUnreachable) {
          return;
        }
        reconcileKnownSlave(known, r.tasks());
        if (!known.connected) {
          known.connected = true;
          allocator.activateAgent(known.id);
        }
        cluster.health.observe(this, idx);
        send(cluster.agentEp(idx), new Message.SlaveReregistered(ep, known.id));
        resendKills(known, r.tasks());
        killLostOnDisconnect(known, r.tasks());
        shutdownRemovedFrameworks(known, r.tasks());
        return;
      }
      if (known != null || admitting[idx] || reregistering[idx]) {
        return;
      }
      reregistering[idx] = true;
      Registry reg = cluster.registry;
      AgentId id = r.id();
      List<Task> reported = r.tasks();
      registrar.apply(() -> {
        // MarkSlaveReachable (admits an agent missing from both lists: non-strict registry).
        reregistering[idx] = false;
        if (reg.state[idx] != Registry.ADMITTED) {
          reg.admitted++;
        }
        reg.state[idx] = Registry.ADMITTED;
        reg.ids[idx] = id;
        noteReregistered(idx);
        boolean strictShutdown = markedUnreachable[idx];
        markedUnreachable[idx] = false;
        AgentRecord a = new AgentRecord(idx, id, cluster.agents[idx].total);
        TreeMap<FrameworkId, ResourceSet> used = new TreeMap<>();
        boolean[] shutdown = new boolean[frameworks.length];
        for (Task t : reported) {
          Framework fw = t.framework;
          if (strictShutdown && !fw.info.partitionAware()) {
            shutdown[fw.index] = true;
            continue;
          }
          TaskState s = t.aState;
          taskBook.add(a, t, s);
          if (!s.isTerminal()) {
            used.merge(t.frameworkId, t.resources, ResourceSet::plus);
            if (t.reportedGone) {
              t.reportedGone = false;
              t.terminalSeen = false;
              cluster.emit(new ModelEvent.TaskRecovered(cluster.sim.now(), fw.name, t.id, id, s,
                  t.resources.quantity()));
            }
          } else if (!t.terminalSeen) {
            // The task ended while no master led (or its terminal update never got through): the
            // agent reports it with its latest, terminal state (Slave::doReliableRegistration sends
            // the terminated tasks whose updates are unacknowledged). Master::_reregisterSlave ->
            // addSlave adds it as is (Slave::addTask counts no used resources for a terminal task,
            // so the allocator gets it free), and the status update manager's retry is forwarded
            // to the framework later by Master::statusUpdate, whose updateTask leaves an already
            // terminal state unchanged. This is the first time any master knows the task as
            // terminal, so its observable terminal status is emitted here, exactly once.
            emitStatus(t, id, s, t.latestAgentReason());
          } else if (t.reportedGone) {
            // Reported gone (TASK_UNREACHABLE to a PARTITION_AWARE framework, or TASK_LOST by a master
            // that has failed over since), it ended on the agent meanwhile: the master learns its real,
            // terminal state from the agent's report (docs/mesos-model.md, task state transitions:
            // "UNREACHABLE --> its real state"), and the status update manager's retry brings it to the
            // framework. Observable as the task coming back, then its terminal status.
            t.reportedGone = false;
            t.terminalSeen = false;
            cluster.emit(new ModelEvent.TaskRecovered(cluster.sim.now(), fw.name, t.id, id, s,
                t.resources.quantity()));
            emitStatus(t, id, s, t.latestAgentReason());
          }
        }
        addAgent(a, used, true);
        for (int fi = 0; fi < shutdown.length; fi++) {
          if (shutdown[fi]) {
            send(cluster.agentEp(idx), new Message.ShutdownFramework(fi));
          }
        }
        send(cluster.agentEp(idx), new Message.SlaveReregistered(ep, id));
      });
    }

    /** Tasks the master knows on this agent that the agent did not report become TASK_LOST. */
    private void reconcileKnownSlave(AgentRecord a, List<Task> reported) {
      if (a.tasks.isEmpty()) {
        return;
      }
      // Mark the reported tasks instead of List.contains per known task (O(n + m), not O(n * m)).
      long stamp = cluster.nextStamp();
      for (Task t : reported) {
        t.mReportedStamp = stamp;
      }
      ArrayList<Task> missing = null;
      for (Task t : a.tasks) {
        if (t.mReportedStamp != stamp) {
          if (missing == null) {
            missing = new ArrayList<>();
          }
          missing.add(t);
        }
      }
      if (missing != null) {
        for (Task t : missing) {
          FrameworkRecord f = frameworks[t.framework.index];
          sendMasterUpdate(f, t, TaskState.TASK_LOST, "REASON_RECONCILIATION");
        }
      }
    }

    /**
     * {@code Master::exited} for an agent, then {@code Master::disconnect}: the agent is marked
     * disconnected and deactivated in the allocator, its offers are rescinded and recovered, and
     * every framework on it that this master knows and that does not checkpoint loses its tasks
     * there at once ({@code Master::removeFramework(Slave*, Framework*)}: TASK_LOST, REASON_SLAVE_DISCONNECTED,
     * sent once like every master-generated update). Checkpointing frameworks' tasks are left to
     * the agent's re-registration or to the health checks, which go on (master.cpp, 1.1). A second
     * notice for an agent already disconnected is ignored, as Mesos ignores a duplicate exited().
     */
    void agentDisconnected(int idx) {
      AgentRecord a = agents[idx];
      if (a == null || !a.connected || a.markingUnreachable) {
        return;
      }
      a.connected = false;
      cluster.emit(new ModelEvent.AgentDisconnected(cluster.sim.now(), a.id, cluster.agents[idx].name));
      allocator.deactivateAgent(a.id);
      while (!a.offers.isEmpty()) {
        rescind(a.offers.get(a.offers.size() - 1), "agent-disconnected", true);
      }
      // Master::deactivate(Slave*): its inverse offers are ended in the allocator and rescinded.
      rescindInverseOffers(a.inverseOffers, "agent-disconnected", true);
      // Mesos walks a hash set of framework IDs; here frameworks go in index order, and each one's
      // tasks in the order of their task IDs (explicit tie-break keys, docs/engine.md, determinism contract).
      // Only frameworks this master knows (Master::exited: getFramework(frameworkId) != nullptr):
      // one not yet re-registered after a failover, or removed, keeps its tasks here until the
      // agent re-registers or is removed.
      ArrayList<Task> tasks = new ArrayList<>(a.tasks);
      tasks.sort(java.util.Comparator.comparingInt((Task t) -> t.framework.index).thenComparing(t -> t.id));
      for (Task t : tasks) {
        FrameworkRecord f = frameworksById.get(t.frameworkId);
        if (f != null && !f.removed && !f.info.checkpoint()) {
          if (!t.mState.isTerminal()) {
            t.mLostOnDisconnect = this;
          }
          reportGone(f, t, TaskState.TASK_LOST, "REASON_SLAVE_DISCONNECTED");
        }
      }
      cluster.invariants.agentTouched(a);
    }

    /**
     * The master drops a task from its agent and tells the framework it is gone ({@code state}, not
     * reliable), unless it had already ended, when there is nothing to tell. Shared by the agent's
     * removal and its disconnect.
     */
    private void reportGone(FrameworkRecord f, Task t, TaskState state, String reason) {
      if (t.mState.isTerminal()) {
        taskBook.remove(t);
        return;
      }
      t.reportedGone = true;
      sendMasterUpdate(f, t, state, reason);
    }

    /**
     * A task killed while its agent was cut off or disconnected that the re-registered agent still
     * runs gets its KillTask again ({@code Master::reconcileKnownSlave}, {@code killedTasks}), after
     * the SlaveReregistered message (which carries the reconciliation) on the same link.
     */
    private void resendKills(AgentRecord a, List<Task> reported) {
      for (Task t : reported) {
        if (t.mKilled && taskBook.knows(t) && agents[t.agent] == a && !t.aState.isTerminal()) {
          send(cluster.agentEp(a.idx), new Message.KillTask(ep, t));
        }
      }
    }

    /**
     * A task this master reported TASK_LOST when it disconnected the agent (a framework that does not
     * checkpoint; {@code Master::exited}) and that the re-registered agent still runs is killed there.
     * Mesos 1.1 leaves such a task running unknown to the master ({@code Master::reconcile}: "an
     * implicit assumption here the slave cannot have tasks unknown to the master"), with its
     * resources offered again on top of it; the model does not over-commit the agent. Only an
     * agent disconnected while alive (its link broke) can still run such a task: a crashed agent's
     * executors of frameworks that do not checkpoint died with it.
     */
    private void killLostOnDisconnect(AgentRecord a, List<Task> reported) {
      for (Task t : reported) {
        // Kept set: if this KillTask is lost with a broken link too, the next re-registration sends it again.
        // A task of a framework removed meanwhile whose index a newer incarnation already uses is
        // killed the same way: ShutdownFramework names the framework by index here, and Mesos
        // shuts a completed framework down by its ID (shutdownRemovedFrameworks).
        FrameworkRecord f = frameworksById.get(t.frameworkId);
        boolean removedSinceReplaced = f != null && f.removed && frameworks[f.idx] != f;
        if ((t.mLostOnDisconnect == this || removedSinceReplaced) && !taskBook.knows(t) && !t.aState.isTerminal()
            && t.agent == a.idx) {
          send(cluster.agentEp(a.idx), new Message.KillTask(ep, t));
        }
      }
    }

    /**
     * A framework this master removed that the re-registered agent still reports tasks of is shut
     * down on it ({@code Master::reconcileKnownSlave}, {@code frameworks.completed}): the agent was
     * disconnected when the framework was removed, so it was never told. ShutdownFramework names
     * the framework by index here, so only while no newer incarnation of it has registered.
     */
    private void shutdownRemovedFrameworks(AgentRecord a, List<Task> reported) {
      boolean[] sent = null;
      for (Task t : reported) {
        FrameworkRecord f = frameworksById.get(t.frameworkId);
        if (f != null && f.removed && frameworks[f.idx] == f && (sent == null || !sent[f.idx])) {
          if (sent == null) {
            sent = new boolean[frameworks.length];
          }
          sent[f.idx] = true;
          send(cluster.agentEp(a.idx), new Message.ShutdownFramework(f.idx));
        }
      }
    }

    void unregisterSlave(Message.UnregisterSlave u) {
      AgentRecord a = agents[u.agent()];
      if (a != null && a.id.equals(u.id())) {
        removeAgent(a, false, "unregistered");
      }
    }

    /** {@code Master::schedulerMessage}: relayed to the agent if the framework and agent are known. */
    void frameworkToExecutor(Message.FrameworkToExecutor m) {
      FrameworkRecord f = frameworks[m.framework()];
      AgentRecord a = agents[m.agent()];
      if (f != null && !f.removed && a != null && a.connected) {
        send(cluster.agentEp(a.idx), m);
      }
    }

    /** {@code Master::executorMessage}: relayed to the framework if it is connected. */
    void executorToFramework(Message.ExecutorToFramework m) {
      FrameworkRecord f = frameworks[m.framework()];
      if (f != null && !f.removed && f.connected) {
        send(cluster.frameworkEp(f.idx), m);
      }
    }

    /**
     * {@code Master::updateSlave} (1.1.0 src/master/master.cpp): an estimate from an agent this
     * master does not have registered is ignored (a disconnected agent, or one being marked
     * unreachable, is still registered there); else the agent's total becomes its non-revocable
     * total plus the revocable estimate, the allocator is updated first ({@code
     * allocator->updateSlave}), and then every outstanding offer on the agent that carries
     * revocable resources is recovered and rescinded ("we must *first* update the agent's resources
     * before we recover the resources", so the stale estimate is never offered again).
     */
    void updateSlave(Message.UpdateSlave u) {
      AgentRecord a = agents[u.agent()];
      if (a == null || !allocator.supportsOversubscription()) {
        return;
      }
      a.revocable = u.oversubscribed();
      allocator.updateAgent(a.id, u.oversubscribed());
      for (int i = a.offers.size() - 1; i >= 0; i--) {
        if (i < a.offers.size() && a.offers.get(i).resources.hasRevocable()) {
          rescind(a.offers.get(i), "revocable-update", true);
        }
      }
    }

    void exitedExecutor(Message.ExitedExecutor e) {
      // Command executors only: their resources are the task's, recovered with the task.
    }

    /**
     * {@code Master::markUnreachable}: write MarkSlaveUnreachable, then remove the agent, its
     * offers and its tasks (TASK_UNREACHABLE for PARTITION_AWARE frameworks, else TASK_LOST; not
     * reliable), and tell every framework LostSlaveMessage.
     */
    void markUnreachable(int idx) {
      AgentRecord a = agents[idx];
      if (a == null || a.markingUnreachable) {
        return;
      }
      a.markingUnreachable = true;
      registrar.apply(() -> {
        Registry reg = cluster.registry;
        if (reg.state[idx] == Registry.ADMITTED) {
          reg.admitted--;
        }
        reg.state[idx] = Registry.UNREACHABLE;
        reg.unreachableSince[idx] = cluster.sim.now();
        markedUnreachable[idx] = true;
        removeAgent(a, true, "unreachable");
      });
    }

    private void removeAgent(AgentRecord a, boolean unreachable, String reason) {
      cluster.health.unobserve(this, a.idx);
      while (!a.offers.isEmpty()) {
        rescind(a.offers.get(a.offers.size() - 1), "agent-removed", true);
      }
      // Master::removeSlave: inverse offers rescinded; the allocator forgets the agent anyway.
      rescindInverseOffers(a.inverseOffers, "agent-removed", false);
      ArrayList<Task> tasks = new ArrayList<>(a.tasks);
      for (Task t : tasks) {
        TaskState s = unreachable && t.framework.info.partitionAware() ? TaskState.TASK_UNREACHABLE
            : TaskState.TASK_LOST;
        // 1.1 uses REASON_SLAVE_REMOVED both when marking unreachable and when removing (master.cpp).
        reportGone(frameworks[t.framework.index], t, s, "REASON_SLAVE_REMOVED");
      }
      allocator.removeAgent(a.id);
      agents[a.idx] = null;
      agentsById.remove(a.id);
      cluster.emit(new ModelEvent.AgentRemoved(cluster.sim.now(), a.id, cluster.agents[a.idx].name, reason));
      for (FrameworkRecord f : frameworks) {
        if (f != null && !f.removed && f.connected) {
          send(cluster.frameworkEp(f.idx), new Message.LostSlave(a.id, a.idx));
        }
      }
    }

    // ---- maintenance ---------------------------------------------------------------------
    // src/master/http.cpp (_updateMaintenanceSchedule, _startMaintenance, _stopMaintenance),
    // src/master/maintenance.cpp (the registry operations), src/master/master.cpp
    // (updateUnavailability, inverseOffer, acceptInverseOffers, declineInverseOffers,
    // removeInverseOffer, inverseOfferTimeout), Mesos 1.1.0. docs/maintenance.md.

    /**
     * {@code POST /maintenance/schedule}: after the {@code UpdateSchedule} registry write, every
     * machine in the schedule that was UP becomes DRAINING, and each machine in it gets its window's
     * unavailability; a machine left out returns to UP without one. Each change goes through
     * {@link #updateUnavailability}. Machines go in agent order (Mesos walks hashmaps).
     *
     * @param windowOf each agent's window, by agent index (null: not in the schedule)
     * @param done called when the write has committed
     */
    void updateSchedule(org.mesosim.model.allocation.Unavailability[] windowOf, Runnable done) {
      registrar.apply(() -> {
        Registry reg = cluster.registry;
        for (int idx = 0; idx < windowOf.length; idx++) {
          org.mesosim.model.allocation.Unavailability u = windowOf[idx];
          if (u != null) {
            if (reg.machineMode[idx] == Registry.MACHINE_UP) {
              reg.machineMode[idx] = Registry.MACHINE_DRAINING;
            }
            reg.unavailability[idx] = u;
            emitMachine(idx);
            updateUnavailability(idx);
          } else if (reg.machineMode[idx] != Registry.MACHINE_UP || reg.unavailability[idx] != null) {
            reg.machineMode[idx] = Registry.MACHINE_UP;
            reg.unavailability[idx] = null;
            emitMachine(idx);
            updateUnavailability(idx);
          }
        }
        done.run();
      });
    }

    /**
     * {@code POST /machine/down} ({@code _startMaintenance}): the machines must be DRAINING (Mesos
     * answers 400 Bad Request otherwise; the scenario loader rejects such a scenario, so here an
     * invalid call changes nothing). After the {@code StartMaintenance} write each machine's agent
     * is sent a ShutdownMessage and removed at once ({@code removeSlave}: TASK_LOST for its tasks,
     * LostSlaveMessage to every framework; in Mesos behind a second registry write, here in the
     * same one), and the machine is DOWN: its agent may not register while it is.
     */
    void startMaintenance(int[] machines, Runnable done) {
      Registry reg = cluster.registry;
      // Checked when the write applies, after the writes queued before it (a schedule posted at the
      // same instant is applied first); Mesos checks before queuing and would answer 400 there.
      registrar.apply(() -> {
        for (int idx : machines) {
          if (reg.machineMode[idx] != Registry.MACHINE_DRAINING) {
            done.run();
            return;
          }
        }
        for (int idx : machines) {
          AgentRecord a = agents[idx];
          if (a != null) {
            send(cluster.agentEp(idx), new Message.ShutdownSlave("Operator initiated 'Machine DOWN'"));
            removeAgent(a, false, "machine-down");
            if (reg.state[idx] == Registry.ADMITTED) {
              reg.admitted--;
            }
            reg.state[idx] = Registry.NONE;
          }
          reg.machineMode[idx] = Registry.MACHINE_DOWN;
          emitMachine(idx);
        }
        done.run();
      });
    }

    /**
     * {@code POST /machine/up} ({@code _stopMaintenance}): the machines must be DOWN. After the
     * {@code StopMaintenance} write they are UP, without unavailability, and out of the schedule.
     * The operator then starts the agent on each ({@link Cluster#machineUp}): it registers anew.
     */
    void stopMaintenance(int[] machines, Runnable done) {
      Registry reg = cluster.registry;
      registrar.apply(() -> {
        for (int idx : machines) {
          if (reg.machineMode[idx] != Registry.MACHINE_DOWN) {
            done.run();
            return;
          }
        }
        for (int idx : machines) {
          reg.machineMode[idx] = Registry.MACHINE_UP;
          reg.unavailability[idx] = null;
          emitMachine(idx);
        }
        done.run();
        for (int idx : machines) {
          cluster.machineUp(idx);
        }
      });
    }

    private void emitMachine(int idx) {
      Registry reg = cluster.registry;
      org.mesosim.model.allocation.Unavailability u = reg.unavailability[idx];
      String mode = reg.machineMode[idx] == Registry.MACHINE_DOWN ? "DOWN"
          : reg.machineMode[idx] == Registry.MACHINE_DRAINING ? "DRAINING" : "UP";
      cluster.emit(new ModelEvent.MachineMode(cluster.sim.now(), cluster.agents[idx].name, mode,
          u == null ? -1 : u.start(), u == null || u.end() == SimTime.NEVER ? -1 : u.end()));
    }

    /**
     * {@code Master::updateUnavailability} for one machine's agent, if registered: its offers are
     * rescinded and recovered without a filter, its inverse offers ended in the allocator and
     * rescinded (the allocator sends new ones), then the allocator's {@code updateUnavailability}.
     */
    private void updateUnavailability(int idx) {
      AgentRecord a = agents[idx];
      if (a == null) {
        return;
      }
      while (!a.offers.isEmpty()) {
        rescind(a.offers.get(a.offers.size() - 1), "maintenance", true);
      }
      rescindInverseOffers(a.inverseOffers, "maintenance", true);
      allocator.updateUnavailability(a.id, cluster.registry.unavailability[idx]);
    }

    /**
     * Refuses the registration of an agent whose machine is DOWN: "Machine is `DOWN`", a
     * ShutdownMessage ({@code Master::registerSlave}, {@code reregisterSlave}).
     */
    private boolean refuseOnDownMachine(int idx) {
      if (cluster.registry.machineMode[idx] != Registry.MACHINE_DOWN) {
        return false;
      }
      send(cluster.agentEp(idx), new Message.ShutdownSlave("Machine is `DOWN`"));
      return true;
    }

    /**
     * {@code Master::inverseOffer}: the allocator's inverse-offer callback. Ignored for a framework
     * that is not registered and active, and per agent for one not registered or not active (the
     * allocator still counts it outstanding, as in Mesos 1.1). One InverseOffer per agent, timed
     * out after {@code --offer_timeout} if set, all in one InverseOffersMessage.
     */
    void inverseOffer(FrameworkId fid, SortedMap<AgentId, org.mesosim.model.allocation.Unavailability> resources) {
      if (!current()) {
        return;
      }
      FrameworkRecord f = frameworksById.get(fid);
      if (f == null || f.removed || !f.active) {
        return;
      }
      ArrayList<InverseOffer> out = new ArrayList<>();
      for (var e : resources.entrySet()) {
        AgentRecord a = agentsById.get(e.getKey());
        if (a == null || !a.connected || a.markingUnreachable) {
          continue;
        }
        InverseOffer io = new InverseOffer(book.nextId(), this, f.idx, a.idx, e.getValue());
        a.inverseOffers.add(io);
        f.inverseOffers.add(io);
        long timeout = cluster.config.master().offerTimeout();
        if (timeout != SimTime.NEVER) {
          io.timeoutHandle = cluster.sim.schedule(timeout, () -> {
            if (io.live && current()) {
              allocator.updateInverseOffer(a.id, f.id, null, -1);
              removeInverseOffer(io, true, "offer-timeout");
            }
          });
        }
        org.mesosim.model.allocation.Unavailability u = e.getValue();
        cluster.emit(new ModelEvent.InverseOfferMade(cluster.sim.now(), io.id, cluster.frameworks[f.idx].name, a.id,
            u.start(), u.end() == SimTime.NEVER ? -1 : u.end()));
        out.add(io);
      }
      if (!out.isEmpty()) {
        send(cluster.frameworkEp(f.idx), new Message.InverseOffers(ep, out));
      }
    }

    /**
     * {@code Master::acceptInverseOffers} / {@code declineInverseOffers}: each inverse offer still
     * outstanding for this framework is answered in the allocator ({@code updateInverseOffer} with
     * the status and the call's filters) and removed; stale ones are ignored.
     */
    void answerInverseOffers(int fwIdx, List<InverseOffer> answered, InverseOfferStatus status, long refuseMicros) {
      FrameworkRecord f = frameworks[fwIdx];
      if (f == null || f.removed) {
        return;
      }
      for (InverseOffer io : answered) {
        if (!io.live || io.owner != this || io.framework != f.idx) {
          continue;
        }
        AgentRecord a = agents[io.agent];
        allocator.updateInverseOffer(a.id, f.id, status, refuseMicros);
        removeInverseOffer(io, false, null);
        cluster.emit(new ModelEvent.InverseOfferAnswered(cluster.sim.now(), io.id, cluster.frameworks[f.idx].name,
            a.id, status == InverseOfferStatus.ACCEPT ? "accept" : "decline", refuseMicros));
      }
    }

    /**
     * Ends every inverse offer in {@code list}: with {@code tellAllocator}, {@code updateInverseOffer}
     * without a status or filters first (the agent or framework stays known to it); then removed and
     * rescinded.
     */
    private void rescindInverseOffers(ArrayList<InverseOffer> list, String reason, boolean tellAllocator) {
      if (list.isEmpty()) {
        return;
      }
      for (InverseOffer io : new ArrayList<>(list)) {
        if (tellAllocator) {
          allocator.updateInverseOffer(agents[io.agent].id, frameworks[io.framework].id, null, -1);
        }
        removeInverseOffer(io, true, reason);
      }
    }

    /** {@code Master::removeInverseOffer}: out of both lists, its timer cancelled; rescinded if asked. */
    private void removeInverseOffer(InverseOffer io, boolean rescind, String reason) {
      io.live = false;
      cluster.sim.cancel(io.timeoutHandle);
      AgentRecord a = agents[io.agent];
      FrameworkRecord f = frameworks[io.framework];
      if (a != null) {
        a.inverseOffers.remove(io);
      }
      if (f != null) {
        f.inverseOffers.remove(io);
      }
      if (rescind) {
        cluster.emit(new ModelEvent.InverseOfferRescinded(cluster.sim.now(), io.id,
            cluster.frameworks[io.framework].name, a == null ? cluster.registry.ids[io.agent] : a.id, reason));
        if (f != null && f.connected && !f.removed) {
          send(cluster.frameworkEp(io.framework), new Message.RescindInverseOffer(ep, io));
        }
      }
    }

    // ---- frameworks --------------------------------------------------------------------

    void registerFramework(Message.RegisterFramework r) {
      int idx = r.framework();
      FrameworkRecord f = frameworks[idx];
      if (f != null && !f.removed) {
        // the registered message before the allocator's offers (see reregisterFramework)
        send(cluster.frameworkEp(idx), new Message.FrameworkRegistered(ep, f.id, false));
        if (!f.connected) {
          reconnectFramework(f);
        }
        return;
      }
      FrameworkId id = new FrameworkId(String.format("%s-%04d", masterId, frameworkSeq++));
      f = new FrameworkRecord(idx, id, r.info());
      frameworks[idx] = f;
      frameworksById.put(id, f);
      cluster.emit(new ModelEvent.FrameworkRegistered(cluster.sim.now(), r.info().name(), id, r.info().role(), false));
      send(cluster.frameworkEp(idx), new Message.FrameworkRegistered(ep, id, false));
      allocator.addFramework(id, r.info(), new TreeMap<>());
    }

    void reregisterFramework(Message.ReregisterFramework r) {
      int idx = r.framework();
      FrameworkRecord f = frameworksById.get(r.id());
      if (f != null) {
        if (f.removed) {
          send(cluster.frameworkEp(idx), new Message.FrameworkError("Framework has been removed"));
          return;
        }
        while (!f.offers.isEmpty()) {
          rescind(f.offers.get(f.offers.size() - 1), "framework-reregistered", false);
        }
        rescindInverseOffers(f.inverseOffers, "framework-reregistered", true);
        // Master::_failoverFramework activates the framework in the allocator and then sends the
        // registered message; the allocator is another libprocess process there, so its offers follow
        // that message. The model's allocator answers at once: the message goes out first, or the
        // driver would get (and ignore) offers before it knows it is registered.
        cluster.emit(new ModelEvent.FrameworkRegistered(cluster.sim.now(), f.info.name(), f.id, f.info.role(), true));
        send(cluster.frameworkEp(idx), new Message.FrameworkRegistered(ep, f.id, !r.failover()));
        reconnectFramework(f);
        return;
      }
      // Unknown to this master (typical after failover): rebuild, attach known tasks, add with used.
      f = new FrameworkRecord(idx, r.id(), r.info());
      frameworks[idx] = f;
      frameworksById.put(f.id, f);
      TreeMap<AgentId, ResourceSet> used = new TreeMap<>();
      for (AgentRecord a : agents) {
        if (a == null) {
          continue;
        }
        for (Task t : a.tasks) {
          if (t.framework.index == idx && !t.mTerminalRecovered) {
            used.merge(a.id, t.resources, ResourceSet::plus);
          }
        }
      }
      cluster.emit(new ModelEvent.FrameworkRegistered(cluster.sim.now(), r.info().name(), f.id, r.info().role(), true));
      send(cluster.frameworkEp(idx), new Message.FrameworkRegistered(ep, f.id, false));
      allocator.addFramework(f.id, r.info(), used);
    }

    private void reconnectFramework(FrameworkRecord f) {
      cluster.sim.cancel(f.failoverHandle);
      f.failoverHandle = -1;
      f.connected = true;
      if (!f.active) {
        f.active = true;
        allocator.activateFramework(f.id);
      }
    }

    void unregisterFramework(Message.UnregisterFramework u) {
      FrameworkRecord f = frameworks[u.framework()];
      if (f != null && f.id.equals(u.id()) && !f.removed) {
        removeFramework(f, "unregistered");
      }
    }

    /** The framework at this index is known, not removed, and disconnected (not yet subscribed again). */
    boolean disconnectedFramework(int idx) {
      FrameworkRecord f = frameworks[idx];
      return f != null && !f.removed && !f.connected;
    }

    /**
     * {@code Master::exited} for a broken link ({@link Cluster#linkBroken}): a framework is
     * disconnected ({@code Master::_exited}); an agent is disconnected ({@code Master::exited}:
     * {@code disconnect(Slave*)}, TASK_LOST for frameworks that do not checkpoint), and the next
     * ping tells it so ({@code PingSlaveMessage.connected}), which makes it re-register. Mesos also
     * sends a driver-based framework a FrameworkErrorMessage "Framework disconnected" here, on which
     * the 1.1 driver aborts ({@code SchedulerProcess::error}, src/sched/sched.cpp); the model's
     * schedulers reconnect as the HTTP scheduler library does instead (docs/reliability.md).
     */
    void linkExited(Process peer) {
      if (peer instanceof Framework fw) {
        frameworkDisconnected(fw.index);
      } else if (peer instanceof Agent ag) {
        AgentRecord a = agents[ag.idx];
        if (a != null && a.connected && !a.markingUnreachable) {
          agentDisconnected(ag.idx);
          cluster.health.pingDisconnected(this, ag.idx);
        }
      }
    }

    /**
     * {@code Master::exited} for a scheduler: deactivate, rescind its offers, and remove it after
     * its failover timeout.
     */
    void frameworkDisconnected(int idx) {
      FrameworkRecord f = frameworks[idx];
      if (f == null || f.removed || !f.connected) {
        return;
      }
      f.connected = false;
      f.active = false;
      f.disconnectedAt = cluster.sim.now();
      while (!f.offers.isEmpty()) {
        rescind(f.offers.get(f.offers.size() - 1), "framework-disconnected", false);
      }
      // Master::deactivate(Framework*): inverse offers ended in the allocator and rescinded.
      rescindInverseOffers(f.inverseOffers, "framework-disconnected", true);
      allocator.deactivateFramework(f.id);
      cluster.emit(new ModelEvent.FrameworkDeactivated(cluster.sim.now(), f.info.name(), f.id, false, "disconnected"));
      f.failoverHandle = cluster.sim.schedule(f.info.failoverTimeout(), () -> {
        f.failoverHandle = -1;
        if (!f.connected && !f.removed && current()) {
          removeFramework(f, "failover-timeout");
        }
      });
    }

    /** {@code Master::removeFramework}: tasks KILLED (FRAMEWORK_REMOVED, not sent), agents told to shut it down. */
    private void removeFramework(FrameworkRecord f, String reason) {
      f.removed = true;
      while (!f.offers.isEmpty()) {
        rescind(f.offers.get(f.offers.size() - 1), "framework-removed", false);
      }
      rescindInverseOffers(f.inverseOffers, "framework-removed", true);
      for (AgentRecord a : agents) {
        if (a == null) {
          continue;
        }
        for (int i = a.tasks.size() - 1; i >= 0; i--) {
          Task t = a.tasks.get(i);
          if (t.framework.index == f.idx) {
            updateTask(t, TaskState.TASK_KILLED, "REASON_FRAMEWORK_REMOVED");
            taskBook.remove(t);
          }
        }
        // Master::removeFramework tells every registered agent (src/master/master.cpp), not only the
        // ones where this master knows tasks of it: an agent whose link broke may still run tasks
        // the master reported lost when it disconnected it (Master::exited, for a framework that
        // does not checkpoint), and only this stops them and their status updates. A disconnected
        // agent is not sent it here (it learns on re-registration, shutdownRemovedFrameworks).
        if (a.connected) {
          send(cluster.agentEp(a.idx), new Message.ShutdownFramework(f.idx));
        }
      }
      allocator.removeFramework(f.id);
      cluster.emit(new ModelEvent.FrameworkDeactivated(cluster.sim.now(), f.info.name(), f.id, true, reason));
    }
  }
}
