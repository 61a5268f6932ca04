package org.mesosim.model.workload;

import java.util.ArrayList;
import org.mesosim.engine.SimTime;

/**
 * A task's runtime and outcome that its workload learns only after handing the task out: a trace
 * reader that emits a task before reading its end event (so that it need not hold every earlier
 * task until then) gives it a {@code DeferredRuntime} and resolves it when the end event is read,
 * or to {@link SimTime#NEVER} when the input ends first.
 *
 * <p>A cell is resolved at most once. Waiters registered before that are run by {@link #resolve}
 * in registration order (deterministic); a waiter registered after it runs at once. Waiters must
 * check for themselves whether what they wait for still matters (a task killed meanwhile).
 */
public final class DeferredRuntime {
  private long micros = -1;
  private TaskOutcome outcome;
  /** null, one Runnable, or an ArrayList of them (most cells have at most one waiter). */
  private Object waiters;

  /** True once {@link #resolve} was called. */
  public boolean isResolved() {
    return micros >= 0;
  }

  /** The runtime in microseconds, or {@link SimTime#NEVER}; only once resolved. */
  public long micros() {
    if (micros < 0) {
      throw new IllegalStateException("runtime not resolved yet");
    }
    return micros;
  }

  /** How the task ends when its runtime elapses; only once resolved. */
  public TaskOutcome outcome() {
    if (micros < 0) {
      throw new IllegalStateException("runtime not resolved yet");
    }
    return outcome;
  }

  /**
   * Resolves the cell and runs the waiters in registration order.
   *
   * @param runtime microseconds (>= 0) or {@link SimTime#NEVER}
   * @param how the outcome when the runtime elapses; not {@link TaskOutcome#SAMPLED} (deferred
   *     tasks come from traces, whose outcomes are fixed)
   */
  public void resolve(long runtime, TaskOutcome how) {
    if (micros >= 0) {
      throw new IllegalStateException("runtime already resolved");
    }
    if (runtime < 0) {
      throw new IllegalArgumentException("runtime must be >= 0");
    }
    if (how == null || how == TaskOutcome.SAMPLED) {
      throw new IllegalArgumentException("outcome must be fixed (not null or SAMPLED)");
    }
    micros = runtime;
    outcome = how;
    Object w = waiters;
    waiters = null;
    if (w instanceof Runnable r) {
      r.run();
    } else if (w != null) {
      @SuppressWarnings("unchecked")
      ArrayList<Runnable> list = (ArrayList<Runnable>) w;
      for (int i = 0; i < list.size(); i++) {
        list.get(i).run();
      }
    }
  }

  /** Runs {@code waiter} when the cell is resolved (at once if it already is). */
  public void whenResolved(Runnable waiter) {
    if (micros >= 0) {
      waiter.run();
      return;
    }
    Object w = waiters;
    if (w == null) {
      waiters = waiter;
    } else if (w instanceof Runnable r) {
      ArrayList<Runnable> list = new ArrayList<>(4);
      list.add(r);
      list.add(waiter);
      waiters = list;
    } else {
      @SuppressWarnings("unchecked")
      ArrayList<Runnable> list = (ArrayList<Runnable>) w;
      list.add(waiter);
    }
  }

  /** Identity equality; a constant hash, so that no identity hash code leaks into a TaskSpec's hash. */
  @Override
  public int hashCode() {
    return 0x2011;
  }

  @Override
  public boolean equals(Object o) {
    return o == this;
  }

  @Override
  public String toString() {
    return micros < 0 ? "deferred" : micros == SimTime.NEVER ? "forever " + outcome : micros + "us " + outcome;
  }
}
