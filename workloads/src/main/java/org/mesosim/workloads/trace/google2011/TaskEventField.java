package org.mesosim.workloads.trace.google2011;

/**
 * The 13 positional columns of a 2011 {@code task_events} row, in file order, as the trace's
 * schema document lists them (Reiss, Wilkes &amp; Hellerstein, "Google cluster-usage traces:
 * format + schema", 2011, table "task events").
 */
public enum TaskEventField {
  /** µs since 600 s before the trace window; 0 = before the trace; 2^63-1 = after it. */
  TIME,
  /** empty, or 0/1/2: a synthesized record. */
  MISSING_INFO,
  JOB_ID,
  TASK_INDEX,
  MACHINE_ID,
  /** 0 SUBMIT, 1 SCHEDULE, 2 EVICT, 3 FAIL, 4 FINISH, 5 KILL, 6 LOST, 7 UPDATE_PENDING, 8 UPDATE_RUNNING. */
  EVENT_TYPE,
  /** an opaque hash. */
  USER,
  /** 0-3. */
  SCHEDULING_CLASS,
  /** 0-11: 0-1 free, 2-8 batch ("middle"), 9-11 production. */
  PRIORITY,
  /** normalised: 1.0 = the largest machine's cores. */
  CPU_REQUEST,
  /** normalised: 1.0 = the largest machine's memory. */
  MEMORY_REQUEST,
  /** normalised: 1.0 = the largest machine's local disk. */
  DISK_REQUEST,
  /** 1 = no two tasks of the job on one machine. */
  DIFFERENT_MACHINES_RESTRICTION;

  /** The 0-based column index. */
  public int index() {
    return ordinal();
  }
}
