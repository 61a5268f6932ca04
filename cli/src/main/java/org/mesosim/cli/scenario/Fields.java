package org.mesosim.cli.scenario;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The entries of one scenario mapping of a known shape ({@link ScenarioKeys#SHAPES}), as a section
 * reads them. Reading a key the shape does not declare is a programming error (the key would be
 * rejected as unknown in every file), and the keys read are remembered so that a load can tell
 * whether some key present in the file was never read ({@link #unread}). Together these keep the
 * declared keys and the loader's reads one list.
 */
final class Fields {
  private final String shape;
  private final String path;
  private final List<String> declared;
  private final Map<String, YNode> entries;
  private final TreeSet<String> read = new TreeSet<>();

  Fields(String shape, String path, Map<String, YNode> entries) {
    this.shape = shape;
    this.path = path;
    this.declared = ScenarioKeys.SHAPES.get(shape);
    this.entries = entries;
  }

  /** The value of {@code key} (null when absent). */
  YNode get(String key) {
    return entries.get(declared(key));
  }

  boolean containsKey(String key) {
    return entries.containsKey(declared(key));
  }

  private String declared(String key) {
    if (!declared.contains(key)) {
      throw new IllegalStateException("the loader reads '" + key + "', which shape " + shape
          + " does not declare (ScenarioKeys.SHAPES)");
    }
    read.add(key);
    return key;
  }

  /** The declared keys present in the file that no section read, as YAML paths. */
  void unread(List<String> out) {
    for (String k : entries.keySet()) {
      if (declared.contains(k) && !read.contains(k)) {
        out.add(LoadContext.join(path, k));
      }
    }
  }
}
