package org.mesosim.cli.scenario;

/** One validation error: where, the YAML path, and what is wrong. */
public record Problem(Loc loc, String path, String message) {
  @Override
  public String toString() {
    return loc + ": " + (path == null || path.isEmpty() ? "" : path + ": ") + message;
  }
}
