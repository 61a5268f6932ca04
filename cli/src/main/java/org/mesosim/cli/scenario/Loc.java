package org.mesosim.cli.scenario;

/**
 * Where a YAML node came from: a file with 1-based line and column, or a {@code --set} override
 * (line 0).
 */
public record Loc(String source, int line, int column) {
  /** A location without a line, e.g. a {@code --set} override or a whole file. */
  public static Loc of(String source) {
    return new Loc(source, 0, 0);
  }

  @Override
  public String toString() {
    return line > 0 ? source + ":" + line + ":" + column : source;
  }
}
