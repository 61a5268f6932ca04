package org.mesosim.engine;

/** A duration string that could not be parsed; the message says what was wrong and what is accepted. */
public final class DurationFormatException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public DurationFormatException(String message) {
    super(message);
  }
}
