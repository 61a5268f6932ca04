package org.mesosim.model;

/**
 * Mesos' {@code TaskState} ({@code include/mesos/mesos.proto}, 1.1), with
 * {@code isTerminalState} from {@code src/common/protobuf_utils.cpp}: FINISHED, FAILED, KILLED,
 * LOST, ERROR, UNREACHABLE, DROPPED, GONE and GONE_BY_OPERATOR are terminal (UNREACHABLE counts as
 * terminal inside the 1.1 master, though it is semantically recoverable).
 */
public enum TaskState {
  TASK_STAGING(false),
  TASK_STARTING(false),
  TASK_RUNNING(false),
  TASK_KILLING(false),
  TASK_FINISHED(true),
  TASK_FAILED(true),
  TASK_KILLED(true),
  TASK_ERROR(true),
  TASK_LOST(true),
  TASK_DROPPED(true),
  TASK_UNREACHABLE(true),
  TASK_GONE(true),
  TASK_GONE_BY_OPERATOR(true),
  TASK_UNKNOWN(false);

  private final boolean terminal;

  TaskState(boolean terminal) {
    this.terminal = terminal;
  }

  public boolean isTerminal() {
    return terminal;
  }

  /** Short lower-case name for outputs: {@code running}, {@code lost} … */
  public String shortName() {
    return name().substring(5).toLowerCase(java.util.Locale.ROOT);
  }
}
