package org.mesosim.cli;

import java.io.PrintWriter;

/** Runs one simulation and writes its files. Implementations are thread-safe (compare/sweep run many at once). */
@FunctionalInterface
public interface Runner {
  /**
   * Runs {@code request}.
   *
   * @param progressOut where progress goes when {@code request.progress()}
   */
  RunResult run(RunRequest request, PrintWriter progressOut) throws Exception;
}
