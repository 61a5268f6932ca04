package org.mesosim.model.cluster;

import java.util.List;
import org.mesosim.model.ResourceSet;
import org.mesosim.model.TaskState;
import org.mesosim.model.invariants.InvariantChecker;

/** Wires the model's touch points to the {@link InvariantChecker}; all no-ops when checks are off. */
final class Invariants {
  private final Cluster c;
  private final boolean on;
  private final InvariantChecker checker;
  /**
   * The live tasks of each framework by task id (framework index + '/' + id), only with checks on;
   * looked up by key, never iterated.
   */
  private final java.util.HashMap<String, Task> liveIds = new java.util.HashMap<>();

  Invariants(Cluster c, boolean on) {
    this.c = c;
    this.on = on;
    this.checker = new InvariantChecker(c::emit);
  }

  long violations() {
    return checker.violations();
  }

  void transition(Task t, TaskState from, TaskState to) {
    if (on) {
      checker.transition(c.sim.now(), t.framework.name, t.id.value(), from, to);
    }
  }

  /** A terminal TaskStatus is about to be emitted for {@code t}: at most one per launch. */
  void terminalStatus(Task t, TaskState state) {
    if (on && t.terminalSeen) {
      checker.terminalTwice(c.sim.now(), t.framework.name, t.id.value(), state.name());
    }
  }

  /** The framework learnt that its live task {@code t} ended: a terminal TaskStatus must have been emitted. */
  void endedAtFramework(Task t, TaskState state) {
    if (on && !t.terminalSeen) {
      checker.endedUnseen(c.sim.now(), t.framework.name, t.id.value(), state.name());
    }
  }

  /**
   * The framework launches {@code t}: no other live task of that framework may have its id (Mesos'
   * master refuses a duplicate id, {@code validation::task::internal::validateUniqueTaskID} in
   * {@code src/master/validation.cpp}; two would make the counts lie).
   */
  void launchedAtFramework(Task t) {
    if (!on) {
      return;
    }
    Task other = liveIds.put(t.framework.index + "/" + t.id.value(), t);
    if (other != null && other != t) {
      checker.violated(c.sim.now(), "unique-task-id", t.framework.name + "/" + t.id.value()
          + ": launched while another live task of the framework has that id");
    }
  }

  /** The framework no longer counts {@code t} as live. */
  void endedLiveAtFramework(Task t) {
    if (on) {
      liveIds.remove(t.framework.index + "/" + t.id.value(), t);
    }
  }

  void offerMade(Offer o, AgentRecord a, Master.Leadership l) {
    if (on) {
      conservation(a);
      if (o.resources.hasRevocable() && !c.frameworks[o.framework].info.revocableResources()) {
        checker.violated(c.sim.now(), "revocable-capability", c.frameworks[o.framework].name + ": offer " + o.id
            + " carries revocable " + o.resources.revocable() + " but the framework lacks REVOCABLE_RESOURCES");
      }
    }
  }

  void launch(Task t, ResourceSet res, List<Offer> offers) {
    launch(t, res, offers, List.of());
  }

  /** As {@link #launch(Task, ResourceSet, List)}, the offers taken with the ACCEPT's {@code applied} operations applied. */
  void launch(Task t, ResourceSet res, List<Offer> offers, List<org.mesosim.model.Operation> applied) {
    if (!on) {
      return;
    }
    ResourceSet sum = ResourceSet.EMPTY;
    for (Offer o : offers) {
      if (o.framework != t.framework.index) {
        checker.offerOwner(c.sim.now(), t.framework.name, t.id.value(), "offer " + o.id + " belongs to another framework");
      }
      sum = sum.plus(o.resources);
    }
    for (org.mesosim.model.Operation op : applied) {
      sum = sum.apply(op); // the master applied it to these offers: it cannot fail here
    }
    if (!sum.contains(res)) {
      checker.offerOwner(c.sim.now(), t.framework.name, t.id.value(), "resources " + res + " not in offers " + sum);
    }
    if (res.hasRevocable() && !t.framework.info.revocableResources()) {
      checker.violated(c.sim.now(), "revocable-capability", t.framework.name + "/" + t.id.value()
          + ": launched on revocable " + res.revocable() + " without REVOCABLE_RESOURCES");
    }
  }

  /**
   * An offer operation changed agent {@code a}'s resources from {@code before} to {@code after}:
   * the amounts of every name stay (Mesos' {@code Resources::apply} CHECKs cpus, mem, disk, gpus).
   */
  void operationApplied(AgentRecord a, ResourceSet before, ResourceSet after) {
    if (on && !before.quantity().equals(after.quantity())) {
      checker.violated(c.sim.now(), "operation-conservation", a.id.value() + ": " + before.quantity()
          + " became " + after.quantity());
    }
  }

  /**
   * {@code t} is launched on {@code a}: each non-shared persistent volume it uses exists on the
   * agent and no other live task uses it (a non-shared volume has one holder at a time).
   */
  void volumesUsed(AgentRecord a, Task t) {
    if (!on || !t.resources.hasVolumes()) {
      return;
    }
    for (org.mesosim.model.Volume v : t.resources.volumes().keySet()) {
      if (a.total.copies(v) == 0) {
        checker.violated(c.sim.now(), "volume-exists", t.id.value() + " uses " + v + " absent from " + a.id.value());
      }
      if (v.shared()) {
        continue;
      }
      for (Task o : a.tasks) {
        if (o != t && !o.mState.isTerminal() && o.resources.copies(v) > 0) {
          checker.violated(c.sim.now(), "volume-exclusive", t.id.value() + " and " + o.id.value() + " both use " + v);
        }
      }
    }
  }

  void agentTouched(AgentRecord a) {
    if (on) {
      conservation(a);
    }
  }

  private void conservation(AgentRecord a) {
    if (Vec.anyNegative(a.used)) {
      checker.violated(c.sim.now(), "conservation", a.id.value() + ": negative used");
      return;
    }
    // Offered = the sum of the agent's live offers, derived only when checking. Both sides are the
    // non-revocable parts: revocable resources come on top of the agent's total (and may exceed
    // the latest estimate after it shrinks), so non-revocable use never exceeds the total.
    checker.conservation(c.sim.now(), a.id.value(), a.total.quantity(), Vec.of(a.used), Vec.of(a.offered()));
  }

  /**
   * Maintenance: no master may add an agent, or launch a task on one, whose machine is DOWN
   * ({@code Master::registerSlave} refuses such agents, {@code _startMaintenance} removes them).
   */
  void notOnDownMachine(int agentIdx, String what) {
    if (on && c.registry.machineMode[agentIdx] == Registry.MACHINE_DOWN) {
      checker.violated(c.sim.now(), "machine-down", what + " on " + c.agents[agentIdx].name + ", whose machine is DOWN");
    }
  }

  void leaderElected(Master m) {
    if (!on) {
      return;
    }
    for (Master o : c.masters) {
      if (o != m && o.leading != null && c.zk.reachesQuorum(o.ep) && c.zk.reachesQuorum(m.ep)) {
        checker.twoLeaders(c.sim.now(), o.name, m.name);
      }
    }
  }
}
