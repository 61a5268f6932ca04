package org.mesosim.workloads.trace;

/**
 * A row that cannot be read; readers turn it into a {@code file:line: reason}
 * {@link org.mesosim.engine.BadInputException} or, with {@code skipMalformed}, count and skip it.
 * Carries no stack trace (it is control flow on the hot path).
 */
public final class MalformedRowException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public MalformedRowException(String reason) {
    super(reason, null, false, false);
  }
}
