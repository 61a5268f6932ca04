package org.mesosim.reports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.mesosim.model.Resources;
import org.mesosim.model.TaskState;

/**
 * Tasks per framework (docs/outputs.md): the live ones (launched and not yet seen terminal, with
 * their resources, job and place in the per-agent views) and the counts by how they ended.
 */
final class TaskCounters {
  /** Per framework (scenario index): live tasks by task ID. */
  private final List<Map<String, LiveTask>> live = new ArrayList<>();
  private final long[] launched;
  private final long[] finished;
  private final long[] failed;
  private final long[] killed;
  private final long[] lost;
  private final long[] recovered;
  private final long[] endedUnseen;

  TaskCounters(int nFw) {
    for (int f = 0; f < nFw; f++) {
      live.add(new HashMap<>());
    }
    launched = new long[nFw];
    finished = new long[nFw];
    failed = new long[nFw];
    killed = new long[nFw];
    lost = new long[nFw];
    recovered = new long[nFw];
    endedUnseen = new long[nFw];
  }

  /** A launch of {@code task}: the new live task, or null if it is live already. */
  LiveTask launched(int f, String task, Resources resources, JobCounters.OpenJob job) {
    Map<String, LiveTask> lv = live.get(f);
    if (lv.containsKey(task)) {
      return null;
    }
    LiveTask added = new LiveTask(resources, TaskState.TASK_STAGING, job);
    lv.put(task, added);
    launched[f]++;
    return added;
  }

  /**
   * A status update: the task that ended (counted by its terminal state), or null when it was not
   * live or is still live (its state updated).
   */
  LiveTask status(int f, String task, TaskState state) {
    LiveTask lt = live.get(f).get(task);
    if (lt == null) {
      return null;
    }
    if (!state.isTerminal()) {
      lt.state = state;
      return null;
    }
    live.get(f).remove(task);
    lt.ended();
    switch (state) {
      case TASK_FINISHED:
        finished[f]++;
        break;
      case TASK_FAILED:
      case TASK_ERROR:
        failed[f]++;
        break;
      case TASK_KILLED:
        killed[f]++;
        break;
      default:
        lost[f]++;
        break;
    }
    return lt;
  }

  /** A task reported again after a failover: the live task again, or null if it is live already. */
  LiveTask recovered(int f, String task, Resources resources, TaskState state) {
    if (live.get(f).containsKey(task)) {
      return null;
    }
    TaskState st = state.isTerminal() ? TaskState.TASK_RUNNING : state;
    LiveTask back = new LiveTask(resources, st, null);
    live.get(f).put(task, back);
    recovered[f]++;
    if (lost[f] > 0) {
      lost[f]--;
    }
    return back;
  }

  /**
   * A job ended while some of its tasks still looked live (their terminal status was never
   * observed, e.g. it ended during a master failover): releases them, each given to
   * {@code released} so that allocation stays right, and counts them in {@code tasks.endedUnseen}.
   * Scans the live tasks, but only on this anomalous path.
   */
  void releaseUnseen(int f, JobCounters.OpenJob j, Consumer<LiveTask> released) {
    var it = live.get(f).values().iterator();
    while (it.hasNext() && j.live > 0) {
      LiveTask lt = it.next();
      if (lt.job == j) {
        it.remove();
        lt.ended();
        released.accept(lt);
        endedUnseen[f]++;
      }
    }
  }

  RunSummary.Tasks summary(int f) {
    long running = 0;
    long staging = 0;
    for (LiveTask lt : live.get(f).values()) {
      if (lt.state == TaskState.TASK_STAGING || lt.state == TaskState.TASK_STARTING) {
        staging++;
      } else {
        running++;
      }
    }
    return new RunSummary.Tasks(launched[f], running, finished[f], failed[f], killed[f], lost[f], staging,
        recovered[f], endedUnseen[f]);
  }

  /** A task launched and not yet seen terminal. */
  static final class LiveTask {
    final Resources resources;
    final JobCounters.OpenJob job;
    TaskState state;
    /** Agent index in the heatmap (-1: none), task bar in the Gantt (-1: none). */
    int agent = -1;
    int bar = -1;

    LiveTask(Resources resources, TaskState state, JobCounters.OpenJob job) {
      this.resources = resources;
      this.state = state;
      this.job = job;
      if (job != null) {
        job.live++;
      }
    }

    void ended() {
      if (job != null) {
        job.live--;
      }
    }
  }
}
