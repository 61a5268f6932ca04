package org.mesosim.workloads.trace;

import java.util.Arrays;

/**
 * An open-addressing map from long keys to long values (linear probing, backward-shift
 * deletion): no boxing, no per-entry objects. Used for the live tasks of a trace. It is never
 * iterated, so its order cannot reach results.
 */
public final class LongLongMap {
  private static final long FREE = Long.MIN_VALUE;
  private long[] keys;
  private long[] values;
  private int size;
  private int mask;

  public LongLongMap() {
    keys = new long[1 << 12];
    values = new long[1 << 12];
    Arrays.fill(keys, FREE);
    mask = keys.length - 1;
  }

  private static int hash(long k) {
    long h = k * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32));
  }

  /** The value for {@code key}, or {@code missing}. {@code key} must not be Long.MIN_VALUE. */
  public long get(long key, long missing) {
    int i = hash(key) & mask;
    while (true) {
      long k = keys[i];
      if (k == key) {
        return values[i];
      }
      if (k == FREE) {
        return missing;
      }
      i = (i + 1) & mask;
    }
  }

  public void put(long key, long value) {
    int i = hash(key) & mask;
    while (true) {
      long k = keys[i];
      if (k == key) {
        values[i] = value;
        return;
      }
      if (k == FREE) {
        keys[i] = key;
        values[i] = value;
        if (++size * 2 > keys.length) {
          grow();
        }
        return;
      }
      i = (i + 1) & mask;
    }
  }

  /** Removes {@code key} if present. */
  public void remove(long key) {
    int i = hash(key) & mask;
    while (true) {
      long k = keys[i];
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
      long k = keys[j];
      if (k == FREE) {
        break;
      }
      int home = hash(k) & mask;
      boolean movable = gap <= j ? (home <= gap || home > j) : (home <= gap && home > j);
      if (movable) {
        keys[gap] = k;
        values[gap] = values[j];
        gap = j;
      }
    }
    keys[gap] = FREE;
    size--;
  }

  public int size() {
    return size;
  }

  /** Removes everything and releases the table. */
  public void clear() {
    keys = new long[16];
    values = new long[16];
    Arrays.fill(keys, FREE);
    mask = 15;
    size = 0;
  }

  private void grow() {
    long[] ok = keys;
    long[] ov = values;
    keys = new long[ok.length * 2];
    values = new long[ok.length * 2];
    Arrays.fill(keys, FREE);
    mask = keys.length - 1;
    size = 0;
    for (int i = 0; i < ok.length; i++) {
      if (ok[i] != FREE) {
        put(ok[i], ov[i]);
      }
    }
  }
}
