package org.mesosim.model.cluster;

import org.mesosim.model.workload.TaskSpec;

/** One task of a job across its attempts. */
final class LogicalTask {
  final Job job;
  final TaskSpec spec;
  int attempts;
  boolean queued;
  boolean done;
  Task current;
  LogicalTask prev;
  LogicalTask next;
  long seq;
  Shape shape;
  LogicalTask sNext;
  /** Delay scheduling per task ({@code locality.per: task}): the agents holding this task's input, ascending. */
  int[] preferred;
  /** The stateful option: the agent its first launch reserved on (-1: not launched yet) and its volume (null if no disk). */
  int home = -1;
  org.mesosim.model.Volume volume;

  LogicalTask(Job job, TaskSpec spec) {
    this.job = job;
    this.spec = spec;
  }
}
