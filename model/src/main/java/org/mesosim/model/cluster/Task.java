package org.mesosim.model.cluster;

import java.util.ArrayDeque;
import org.mesosim.model.FrameworkId;
import org.mesosim.model.ResourceSet;
import org.mesosim.model.TaskId;
import org.mesosim.model.TaskState;

/**
 * One Mesos task (one attempt of a workload task). The object stands in for the TaskInfo that
 * travels between processes; each process keeps its own view in its own fields: {@code m*} the
 * leading master's, {@code a*} the agent's (and its status update manager's stream), {@code f*}
 * the framework's.
 */
final class Task {
  final TaskId id;
  final Framework framework;
  /** The framework's ID when the task was launched. */
  final FrameworkId frameworkId;
  final LogicalTask logical;
  final int attempt;
  /** Agent index it was launched on. */
  final int agent;
  final ResourceSet resources;
  final long launchTime;

  // ---- master view (valid while mOwner is the master object that knows it) ----
  Master.Leadership mOwner;
  TaskState mState;
  /** The state of the last update the master forwarded (status_update_state). */
  TaskState mUpdateState;
  long mUpdateUuid;
  int mSlot = -1;
  boolean mTerminalRecovered;
  /**
   * The framework asked this master to kill it ({@code Slave::killedTasks}): a KillTask is sent
   * again if its agent re-registers still running it (the first may never have reached it).
   */
  boolean mKilled;
  /** Scratch for a master's reconciliation of a re-registering agent ({@link Cluster#nextStamp}). */
  long mReportedStamp;
  /**
   * The leadership that reported it TASK_LOST when its live agent disconnected (a framework that
   * does not checkpoint): killed if that agent re-registers still running it.
   */
  Master.Leadership mLostOnDisconnect;
  /** A master reported it LOST or UNREACHABLE (for TaskRecovered when it turns out alive). */
  boolean reportedGone;
  /** A master answered a reconciliation for it with a terminal state while not knowing it. */
  boolean reconciledGone;
  /**
   * A terminal {@code ModelEvent.TaskStatus} was emitted for this attempt (by any leader); cleared
   * by {@code TaskRecovered}. Keeps "one terminal status per launch" across master failovers.
   */
  boolean terminalSeen;

  // ---- agent view ----
  TaskState aState;
  int aSlot = -1;
  long aFinishHandle = -1;
  /** When the agent launched it (its duration counts from here). */
  long aStartTime;
  /**
   * Launched with a deferred runtime not yet resolved: a waiter is registered on the runtime cell
   * and schedules the finish when it is resolved, unless this was cleared meanwhile (killed, lost,
   * its framework shut down, or the agent forgot it).
   */
  boolean aAwaitingRuntime;
  /** The agent process incarnation that runs it (a restart without checkpointing forgets it). */
  int aIncarnation;
  /** Status update manager stream: queued updates and the one in flight. */
  ArrayDeque<Update> aPending;
  Update aInflight;
  long aRetryHandle = -1;
  long aRetryDelay;

  // ---- framework view ----
  TaskState fState = TaskState.TASK_STAGING;
  long fLastUpdate;
  Task fPrev;
  Task fNext;
  boolean fLive;

  Task(TaskId id, Framework framework, FrameworkId frameworkId, LogicalTask logical, int attempt, int agent,
      ResourceSet resources, long launchTime) {
    this.id = id;
    this.framework = framework;
    this.frameworkId = frameworkId;
    this.logical = logical;
    this.attempt = attempt;
    this.agent = agent;
    this.resources = resources;
    this.launchTime = launchTime;
    this.fLastUpdate = launchTime;
  }

  @Override
  public String toString() {
    return id.value();
  }

  /** The reason of the agent's update that set its latest state (the reported Task's last status), or "". */
  String latestAgentReason() {
    if (aPending != null) {
      for (var it = aPending.descendingIterator(); it.hasNext();) {
        Update u = it.next();
        if (u.state == aState) {
          return u.reason;
        }
      }
    }
    return aInflight != null && aInflight.state == aState ? aInflight.reason : "";
  }

  /** One status update in a stream of the agent's status update manager. */
  static final class Update {
    final TaskState state;
    final String reason;
    final long uuid;

    Update(TaskState state, String reason, long uuid) {
      this.state = state;
      this.reason = reason;
      this.uuid = uuid;
    }
  }
}
