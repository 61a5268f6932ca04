package org.mesosim.model.invariants;

import java.util.function.Consumer;
import org.mesosim.model.Resources;
import org.mesosim.model.TaskState;
import org.mesosim.model.events.ModelEvent;

/**
 * The model's invariants, checked on what each event touched (never a full scan):
 * <ul>
 *   <li>{@code conservation}: on every agent, used + offered never exceeds the total (so used +
 *       offered + free = total with free ≥ 0, and no resource is offered twice);</li>
 *   <li>{@code offer-owner}: a task is launched only from live offers made to its own framework,
 *       and only on resources those offers hold;</li>
 *   <li>{@code task-transition}: only the task state transitions of docs/mesos-model.md (a task never
 *       leaves a terminal state and never goes back to an earlier non-terminal one);</li>
 *   <li>{@code single-leader}: never two masters acting as leader while both reach a ZooKeeper
 *       quorum;</li>
 *   <li>{@code status-updates}: at the end of a drained run, every agent-originated status update
 *       was acknowledged or is accounted for (its agent or task is gone). Not yet called by the model:
 *       the message-loss test and {@code FaultSoakTest} check it from the event stream.</li>
 *   <li>{@code terminal-status}: every launch gets at most one terminal {@code TaskStatus} (a
 *       {@code TaskRecovered} re-opens it), and a framework never sees its live task end without
 *       one having been emitted (so reports never miss a task's end).</li>
 *   <li>{@code unique-task-id}: a framework never has two live tasks with the same id (Mesos'
 *       master refuses a duplicate, {@code src/master/validation.cpp}; two would make counts lie).</li>
 * </ul>
 * Violations go to the sink as {@link ModelEvent.InvariantViolated} naming the time, the
 * invariant and the entities.
 */
public final class InvariantChecker {
  private final Consumer<ModelEvent.InvariantViolated> sink;
  private long violations;

  public InvariantChecker(Consumer<ModelEvent.InvariantViolated> sink) {
    this.sink = sink;
  }

  public long violations() {
    return violations;
  }

  public void violated(long time, String invariant, String detail) {
    violations++;
    sink.accept(new ModelEvent.InvariantViolated(time, invariant, detail));
  }

  /** Rank of a non-terminal state in the lifecycle; terminal states rank highest. */
  static int rank(TaskState s) {
    return switch (s) {
      case TASK_STAGING -> 0;
      case TASK_STARTING -> 1;
      case TASK_RUNNING -> 2;
      case TASK_KILLING -> 3;
      default -> s.isTerminal() ? 4 : -1;
    };
  }

  /** True if a task may go from {@code from} (null = not yet known) to {@code to} (docs/mesos-model.md, task state transitions). */
  public static boolean legal(TaskState from, TaskState to) {
    if (to == TaskState.TASK_UNKNOWN) {
      return false;
    }
    if (from == null) {
      return to == TaskState.TASK_STAGING || to.isTerminal();
    }
    if (from.isTerminal()) {
      return false;
    }
    return rank(to) > rank(from);
  }

  public void transition(long time, String framework, String task, TaskState from, TaskState to) {
    if (!legal(from, to)) {
      violated(time, "task-transition", framework + "/" + task + ": " + (from == null ? "none" : from.name())
          + " -> " + to.name());
    }
  }

  /** Checks used + offered ≤ total on one agent. */
  public void conservation(long time, String agent, Resources total, Resources used, Resources offered) {
    if (!total.contains(used.plus(offered))) {
      violated(time, "conservation", agent + ": used " + used + " + offered " + offered + " exceeds total " + total);
    }
  }

  public void offerOwner(long time, String framework, String task, String detail) {
    violated(time, "offer-owner", framework + "/" + task + ": " + detail);
  }

  public void twoLeaders(long time, String a, String b) {
    violated(time, "single-leader", a + " and " + b + " both act as leader and both reach a ZooKeeper quorum");
  }

  /** A second terminal status for one launch (without a TaskRecovered in between). */
  public void terminalTwice(long time, String framework, String task, String state) {
    violated(time, "terminal-status", framework + "/" + task + ": second terminal status " + state);
  }

  /** A framework saw its task end but no terminal status was emitted for it. */
  public void endedUnseen(long time, String framework, String task, String state) {
    violated(time, "terminal-status", framework + "/" + task + ": ended at its framework (" + state
        + ") without a terminal status");
  }

  public void unacknowledged(long time, String agent, String task, String state) {
    violated(time, "status-updates", agent + "/" + task + ": update " + state + " never acknowledged");
  }
}
