package org.mesosim.model.cluster;

import org.mesosim.model.TaskState;

/**
 * The tasks one term as leader knows ({@code Master::addTask} and {@code removeTask} in
 * src/master/master.cpp): each agent's task list and what its non-terminal tasks use. Moved out of
 * {@link Master.Leadership} as is; the state changes and the updates they send stay there.
 */
final class TaskBook {
  private final Master.Leadership owner;
  private final AgentRecord[] agents;

  TaskBook(Master.Leadership owner, AgentRecord[] agents) {
    this.owner = owner;
    this.agents = agents;
  }

  /** {@code Master::addTask}: the agent's task list and what its non-terminal tasks use. */
  void add(AgentRecord a, Task t, TaskState state) {
    t.mOwner = owner;
    t.mKilled = false;
    t.mState = state;
    t.mUpdateState = null;
    t.mUpdateUuid = 0;
    t.mTerminalRecovered = state.isTerminal();
    t.mSlot = a.tasks.size();
    a.tasks.add(t);
    if (!state.isTerminal()) {
      a.used = Vec.add(a.used, t.resources.nonRevocable().quantity());
    }
  }

  /** {@code Master::removeTask}. */
  void remove(Task t) {
    AgentRecord a = agents[t.agent];
    if (a != null && t.mSlot >= 0 && t.mSlot < a.tasks.size() && a.tasks.get(t.mSlot) == t) {
      int last = a.tasks.size() - 1;
      Task moved = a.tasks.get(last);
      a.tasks.set(t.mSlot, moved);
      a.tasks.remove(last);
      moved.mSlot = t.mSlot;
      if (!t.mTerminalRecovered) {
        a.used = Vec.sub(a.used, t.resources.nonRevocable().quantity());
      }
    }
    t.mSlot = -1;
    t.mOwner = null;
    t.mKilled = false;
  }

  /** True iff this term knows {@code t} (added and not removed). */
  boolean knows(Task t) {
    return t.mOwner == owner;
  }
}
