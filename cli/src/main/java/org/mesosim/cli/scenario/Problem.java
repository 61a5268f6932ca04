package org.mesosim.cli.scenario;

/**
 * One validation error: where, the YAML path, and what is wrong. Printed on one line: a line break
 * in a value quoted by the message is written {@code \n} (every problem is one line of stderr).
 */
public record Problem(Loc loc, String path, String message) {
  @Override
  public String toString() {
    return oneLine(loc + ": " + (path == null || path.isEmpty() ? "" : path + ": ") + message);
  }

  /** {@code s} with line breaks written as {@code \n} and {@code \r}. */
  public static String oneLine(String s) {
    return s.indexOf('\n') < 0 && s.indexOf('\r') < 0 ? s : s.replace("\r", "\\r").replace("\n", "\\n");
  }
}
