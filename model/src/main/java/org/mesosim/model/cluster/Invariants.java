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

  void offerMade(Offer o, Master.AgentRecord a, Master.Leadership l) {
    if (on) {
      conservation(a);
    }
  }

  void launch(Task t, ResourceSet res, List<Offer> offers) {
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
    if (!sum.contains(res)) {
      checker.offerOwner(c.sim.now(), t.framework.name, t.id.value(), "resources " + res + " not in offers " + sum);
    }
  }

  void agentTouched(Master.AgentRecord a) {
    if (on) {
      conservation(a);
    }
  }

  private void conservation(Master.AgentRecord a) {
    if (Vec.anyNegative(a.used)) {
      checker.violated(c.sim.now(), "conservation", a.id.value() + ": negative used");
      return;
    }
    // Offered = the sum of the agent's live offers, derived only when checking.
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
