package org.mesosim.model.cluster;

import java.util.ArrayList;
import java.util.TreeMap;
import org.mesosim.model.workload.JobSpec;

/** A job as its framework tracks it (submitted, its tasks across attempts, how it ends). */
final class Job {
  final JobSpec spec;
  final String id;
  int remaining;
  long start = -1;
  boolean failed;
  boolean killed;
  boolean aborted;
  boolean abandoned;
  /** Delay scheduling: the agents holding the job's input, ascending; null = no preference. */
  int[] preferred;
  /** Delay scheduling: the job's arrival or its last launch; it takes a non-local offer localityWait after. */
  long localSince;
  /** Decision rounds that ended with this job at the head of the queue, tasks still unplaced. */
  int attempts;
  TreeMap<String, int[]> groupsLeft;
  ArrayList<LogicalTask> blocked;
  LogicalTask[] tasks;

  Job(JobSpec spec) {
    this.spec = spec;
    this.id = spec.id();
  }
}
