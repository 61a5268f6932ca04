package org.mesosim.workloads.trace;

/**
 * An open-addressing map from long keys to long values (linear probing, backward-shift
 * deletion): no boxing, no per-entry objects, key and value side by side in one array so a probe
 * touches one cache line. Used for the live tasks of a trace. It is never iterated, so its order
 * cannot reach results. {@code Long.MIN_VALUE} is reserved (not a valid key).
 */
public final class LongLongMap {
  private static final long FREE = Long.MIN_VALUE;
  private long[] table; // key at 2i, value at 2i + 1
  private int size;
  private int mask; // over slots

  public LongLongMap() {
    alloc(1 << 12);
  }

  private void alloc(int slots) {
    table = new long[slots * 2];
    for (int i = 0; i < table.length; i += 2) {
      table[i] = FREE;
    }
    mask = slots - 1;
  }

  /**
   * Mixes all but the lowest 3 bits and keeps those: keys that differ only there (tasks 0-7, 8-15 …
   * of one job) sit in adjacent slots, 2 cache lines, so a burst of rows about one job's tasks
   * misses the cache once per 8 tasks instead of once per task. (With linear probing neighbouring
   * groups of 8 can merge into longer clusters at high load; that costs speed, never correctness.)
   */
  private static int hash(long k) {
    long h = (k >>> 3) * 0x9E3779B97F4A7C15L;
    return ((int) (h ^ (h >>> 32)) << 3) | (int) (k & 7);
  }

  /** The value for {@code key}, or {@code missing}. */
  public long get(long key, long missing) {
    long[] t = table;
    int i = hash(key) & mask;
    while (true) {
      long k = t[2 * i];
      if (k == key) {
        return t[2 * i + 1];
      }
      if (k == FREE) {
        return missing;
      }
      i = (i + 1) & mask;
    }
  }

  public void put(long key, long value) {
    if (key == FREE) {
      throw new IllegalArgumentException("reserved key");
    }
    long[] t = table;
    int i = hash(key) & mask;
    while (true) {
      long k = t[2 * i];
      if (k == key) {
        t[2 * i + 1] = value;
        return;
      }
      if (k == FREE) {
        t[2 * i] = key;
        t[2 * i + 1] = value;
        if (++size * 4L > (mask + 1) * 3L) { // load factor 3/4
          grow();
        }
        return;
      }
      i = (i + 1) & mask;
    }
  }

  /** Removes {@code key} if present. */
  public void remove(long key) {
    long[] t = table;
    int i = hash(key) & mask;
    while (true) {
      long k = t[2 * i];
      if (k == FREE) {
        return;
      }
      if (k == key) {
        break;
      }
      i = (i + 1) & mask;
    }
    // backward-shift deletion keeps probe sequences intact without tombstones
    int gap = i;
    int j = i;
    while (true) {
      j = (j + 1) & mask;
      long k = t[2 * j];
      if (k == FREE) {
        break;
      }
      int home = hash(k) & mask;
      boolean movable = gap <= j ? (home <= gap || home > j) : (home <= gap && home > j);
      if (movable) {
        t[2 * gap] = k;
        t[2 * gap + 1] = t[2 * j + 1];
        gap = j;
      }
    }
    t[2 * gap] = FREE;
    size--;
  }

  public int size() {
    return size;
  }

  /** Removes everything and releases the table. */
  public void clear() {
    alloc(16);
    size = 0;
  }

  private void grow() {
    long[] old = table;
    alloc((mask + 1) * 2);
    size = 0;
    for (int i = 0; i < old.length; i += 2) {
      if (old[i] != FREE) {
        put(old[i], old[i + 1]);
      }
    }
  }

  /** Bytes held by the table (for memory reports). */
  public long bytes() {
    return table.length * 8L;
  }
}
