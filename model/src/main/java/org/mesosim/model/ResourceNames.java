package org.mesosim.model;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The registry of scalar resource names, each with a fixed index into {@link Resources} vectors.
 * {@code cpus}, {@code mem}, {@code disk} and {@code gpus} are always 0 to 3; any other scalar a
 * scenario declares is appended on first use.
 *
 * <p>The registry is JVM-wide so that vectors stay small arrays without a per-run schema. An index
 * is never observable: every output iterates names in an explicit order (the scenario's or
 * {@link #CANONICAL} first, then by name), so the order in which parallel runs register custom
 * names cannot reach results.
 */
public final class ResourceNames {
  public static final int CPUS = 0;
  public static final int MEM = 1;
  public static final int DISK = 2;
  public static final int GPUS = 3;

  /** The built-in names, in their canonical output order. */
  public static final List<String> CANONICAL = List.of("cpus", "mem", "disk", "gpus");

  /** Not a resource name: outputs list reserved amounts under this key beside the resource names. */
  public static final String RESERVED_WORD = "reservations";

  private static final Object LOCK = new Object();
  private static volatile String[] names = CANONICAL.toArray(new String[0]);
  private static final TreeMap<String, Integer> INDEX = new TreeMap<>();
  /** Every registered index in output order: the canonical four, then the rest by name. */
  private static volatile int[] outputIndices = {CPUS, MEM, DISK, GPUS};

  static {
    for (int i = 0; i < CANONICAL.size(); i++) {
      INDEX.put(CANONICAL.get(i), i);
    }
  }

  private ResourceNames() {}

  /** The index of {@code name}, registering it if new. Names are {@code [a-z][a-z0-9_.-]*}. */
  public static int index(String name) {
    synchronized (LOCK) {
      Integer i = INDEX.get(name);
      if (i != null) {
        return i;
      }
      if (!valid(name)) {
        throw new IllegalArgumentException("'" + name + "' is not a valid resource name (use [a-z][a-z0-9_.-]*)");
      }
      int idx = names.length;
      String[] n = java.util.Arrays.copyOf(names, idx + 1);
      n[idx] = name;
      INDEX.put(name, idx);
      names = n;
      outputIndices = outputOrder(INDEX.keySet()).stream().mapToInt(INDEX::get).toArray();
      return idx;
    }
  }

  /** The index of a known name, or -1. */
  public static int find(String name) {
    synchronized (LOCK) {
      Integer i = INDEX.get(name);
      return i == null ? -1 : i;
    }
  }

  /**
   * Every registered index, in output order ({@link #CANONICAL}, then the other names by name), for
   * outputs that walk a vector: iterating by index would leak registration order, which parallel
   * runs decide. Skip indices at or beyond a vector's width. The caller must not modify the array.
   */
  public static int[] outputIndices() {
    return outputIndices;
  }

  public static String name(int index) {
    return names[index];
  }

  public static int count() {
    return names.length;
  }

  public static boolean valid(String name) {
    if (name == null || name.isEmpty() || name.charAt(0) < 'a' || name.charAt(0) > 'z' || name.equals(RESERVED_WORD)) {
      return false;
    }
    for (int i = 1; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '-')) {
        return false;
      }
    }
    return true;
  }

  /** Names in output order: the canonical four that appear in {@code present}, then the rest by name. */
  public static List<String> outputOrder(Iterable<String> present) {
    TreeMap<String, Boolean> rest = new TreeMap<>();
    List<String> out = new ArrayList<>();
    for (String p : present) {
      rest.put(p, Boolean.TRUE);
    }
    for (String c : CANONICAL) {
      if (rest.remove(c) != null) {
        out.add(c);
      }
    }
    out.addAll(rest.keySet());
    return out;
  }
}
