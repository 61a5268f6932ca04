package org.mesosim.model.workload;

/**
 * How a task ends when it runs to the end of its duration. Trace outcomes are fixed ("outcomes
 * written in the trace are not retried"); synthetic tasks are {@link #SAMPLED}: they fail with
 * their {@code failureProbability}, drawn on a named stream at each attempt.
 */
public enum TaskOutcome {
  FINISHED,
  FAILED,
  KILLED,
  LOST,
  SAMPLED
}
