package org.mesosim.allocators.drf;

import java.util.Arrays;
import java.util.function.IntFunction;

/**
 * A small open-addressing map from non-negative {@code int} keys to values, for the allocator's
 * per-framework filter and allocation tables (no boxing on lookup). Never iterated where order
 * could reach results: {@link #keysSorted()} returns keys in ascending order.
 */
final class IntMap<V> {
  private static final int FREE = -1;

  private int[] keys = new int[8];
  private Object[] values = new Object[8];
  private int size;

  IntMap() {
    Arrays.fill(keys, FREE);
  }

  int size() {
    return size;
  }

  @SuppressWarnings("unchecked")
  V get(int key) {
    int mask = keys.length - 1;
    int i = mix(key) & mask;
    while (true) {
      int k = keys[i];
      if (k == key) {
        return (V) values[i];
      }
      if (k == FREE) {
        return null;
      }
      i = (i + 1) & mask;
    }
  }

  V computeIfAbsent(int key, IntFunction<V> create) {
    V v = get(key);
    if (v == null) {
      v = create.apply(key);
      put(key, v);
    }
    return v;
  }

  void put(int key, V value) {
    if ((size + 1) * 2 > keys.length) {
      rehash(keys.length * 2);
    }
    int mask = keys.length - 1;
    int i = mix(key) & mask;
    while (true) {
      int k = keys[i];
      if (k == key) {
        values[i] = value;
        return;
      }
      if (k == FREE) {
        keys[i] = key;
        values[i] = value;
        size++;
        return;
      }
      i = (i + 1) & mask;
    }
  }

  /**
   * Removes {@code key} by backward-shift deletion (no tombstones: a map whose keys come and go,
   * such as a framework's allocation by agent, never needs rehashing at the same size).
   */
  void remove(int key) {
    int mask = keys.length - 1;
    int i = mix(key) & mask;
    while (true) {
      int k = keys[i];
      if (k == FREE) {
        return;
      }
      if (k == key) {
        break;
      }
      i = (i + 1) & mask;
    }
    size--;
    // Shift later members of the probe run back into the hole when their home slot allows it.
    int hole = i;
    int j = i;
    while (true) {
      j = (j + 1) & mask;
      int k = keys[j];
      if (k == FREE) {
        break;
      }
      int home = mix(k) & mask;
      // k may move to the hole iff its home is not cyclically within (hole, j]
      boolean stays = hole <= j ? (home > hole && home <= j) : (home > hole || home <= j);
      if (!stays) {
        keys[hole] = k;
        values[hole] = values[j];
        hole = j;
      }
    }
    keys[hole] = FREE;
    values[hole] = null;
  }

  void clear() {
    Arrays.fill(keys, FREE);
    Arrays.fill(values, null);
    size = 0;
  }

  /**
   * Calls {@code action} for every entry in table order (not key order: for order-free work such as
   * cancelling timers or clearing bits; use {@link #keysSorted()} where order can matter).
   */
  @SuppressWarnings("unchecked")
  void forEachUnordered(java.util.function.ObjIntConsumer<V> action) {
    for (int i = 0; i < keys.length; i++) {
      if (keys[i] >= 0) {
        action.accept((V) values[i], keys[i]);
      }
    }
  }

  /** The keys in ascending order. */
  int[] keysSorted() {
    int[] out = new int[size];
    int n = 0;
    for (int k : keys) {
      if (k >= 0) {
        out[n++] = k;
      }
    }
    Arrays.sort(out);
    return out;
  }

  private void rehash(int cap) {
    int[] ok = keys;
    Object[] ov = values;
    keys = new int[cap];
    values = new Object[cap];
    Arrays.fill(keys, FREE);
    size = 0;
    for (int i = 0; i < ok.length; i++) {
      if (ok[i] >= 0) {
        @SuppressWarnings("unchecked")
        V v = (V) ov[i];
        put(ok[i], v);
      }
    }
  }

  private static int mix(int k) {
    int h = k * 0x9E3779B9;
    return h ^ (h >>> 16);
  }
}
