package org.mesosim.cli;

/** The process exit codes of every command (docs/outputs.md). */
public final class ExitCodes {
  private ExitCodes() {}

  /** Done. */
  public static final int OK = 0;
  /** Anything else went wrong (a bug, an I/O failure). */
  public static final int ERROR = 1;
  /** Bad input: usage, scenario, trace; the message names the file and line/column or YAML path. */
  public static final int BAD_INPUT = 2;
  /** An invariant of the model was violated ({@code --check-invariants}). */
  public static final int INVARIANT_VIOLATED = 3;
}
