package org.mesosim.cli.scenario;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The state one scenario load shares between its section readers: the catalog, the folder
 * relative paths start from, and every problem found so far, each located by file:line:column (or
 * the {@code --set} override) and its YAML path. Validation goes on after an error, so that every
 * problem of a file is reported at once.
 */
final class LoadContext {
  final ScenarioCatalog catalog;
  /** Where relative trace paths start: the scenario file's folder. */
  final Path baseDir;
  private final String source;
  private final List<Problem> problems;
  /** Every mapping read so far, to tell keys that no section read ({@link #unread}). */
  private final List<Fields> read = new ArrayList<>();

  LoadContext(ScenarioCatalog catalog, String source, Path baseDir, List<Problem> problems) {
    this.catalog = catalog;
    this.source = source;
    this.baseDir = baseDir;
    this.problems = problems;
  }

  /** A problem at node {@code at} (the whole file when null). */
  void error(YNode at, String path, String message) {
    problems.add(new Problem(at == null ? Loc.of(source) : at.loc(), path, message));
  }

  /** A problem with a mapping key itself (an unknown key, a bad name): located at the key, not its value. */
  void keyError(YNode value, String path, String message) {
    problems.add(new Problem(value.keyLoc(), path, message));
  }

  /** The number of problems so far: a mark to tell whether a part of the file added any. */
  int count() {
    return problems.size();
  }

  boolean hasProblems() {
    return !problems.isEmpty();
  }

  /** Whether a problem was reported at {@code path} or under it. */
  boolean reportedUnder(String path) {
    return problems.stream().anyMatch(pr -> pr.path() != null && pr.path().startsWith(path));
  }

  static String join(String path, String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  /**
   * A mapping node's entries, with keys that {@code shape} ({@link ScenarioKeys#SHAPES}) does not
   * accept reported; empty when absent, null (and reported) when not a mapping.
   */
  Fields object(YNode n, String path, String shape) {
    if (n == null || n.isNull()) {
      return new Fields(shape, path, Map.of());
    }
    if (!n.isMap()) {
      error(n, path, "expected a mapping (" + String.join(", ", ScenarioKeys.SHAPES.get(shape)) + "), not "
          + n.describe());
      return null;
    }
    List<String> keys = ScenarioKeys.SHAPES.get(shape);
    for (Map.Entry<String, YNode> e : n.entries().entrySet()) {
      if (!keys.contains(e.getKey())) {
        keyError(e.getValue(), join(path, e.getKey()),
            "unknown key" + DidYouMean.hint(e.getKey(), keys) + "; allowed here: " + String.join(", ", keys));
      }
    }
    Fields f = new Fields(shape, path, n.entries());
    read.add(f);
    return f;
  }

  /** The declared keys present in the file that no section read (after a load without problems: none). */
  List<String> unread() {
    List<String> out = new ArrayList<>();
    read.forEach(f -> f.unread(out));
    return out;
  }

  /** {@code n}, or null when it is absent or YAML null (a key with no value is missing). */
  static YNode present(YNode n) {
    return n == null || n.isNull() ? null : n;
  }

  /** A copy of the problems so far. */
  List<Problem> problems() {
    return new ArrayList<>(problems);
  }
}
