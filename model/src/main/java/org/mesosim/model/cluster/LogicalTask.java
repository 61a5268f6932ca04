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

  LogicalTask(Job job, TaskSpec spec) {
    this.job = job;
    this.spec = spec;
  }
}
