package org.mesosim.engine;

/**
 * Bad user input: a scenario, a trace row, a command-line value. The CLI turns it into a one-line
 * message and exit code 2, never a stack trace. The message should already say where (file,
 * line and column, or a YAML path) and what was wrong.
 */
public class BadInputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public BadInputException(String message) {
    super(message);
  }

  public BadInputException(String message, Throwable cause) {
    super(message, cause);
  }

  /** A malformed row of a file: {@code file:line: reason}. */
  public static BadInputException at(String file, long line, String reason) {
    return new BadInputException(file + ":" + line + ": " + reason);
  }
}
