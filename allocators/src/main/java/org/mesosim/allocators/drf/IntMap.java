package org.mesosim.allocators.drf;

import java.util.Arrays;

/**
 * A map from non-negative {@code int} keys to values, for the allocator's per-framework filter and
 * allocation tables, addressed directly: the value of key {@code k} is slot {@code k} of one
 * array, which grows to the largest key put. The keys are the allocator's dense agent keys (0 to
 * the number of agents ever added), so a lookup is one array load: the decline storm does three
 * of them per offer (allocation, filter, its removal), and an open-addressing table's probe of a
 * key array beside the value array cost a second cache miss each (21% of the storm's samples).
 * The price is memory: one reference per agent per framework that ever touched the agent.
 * Iteration is in ascending key order.
 */
final class IntMap<V> {
  private Object[] values = new Object[8];
  private int size;

  int size() {
    return size;
  }

  @SuppressWarnings("unchecked")
  V get(int key) {
    Object[] v = values;
    return key < v.length ? (V) v[key] : null;
  }

  /** Maps {@code key} (>= 0) to {@code value} (not null). */
  void put(int key, V value) {
    if (key < 0 || value == null) {
      throw new IllegalArgumentException("IntMap takes keys >= 0 and non-null values");
    }
    if (key >= values.length) {
      values = Arrays.copyOf(values, Math.max(key + 1, values.length + (values.length >> 1)));
    }
    if (values[key] == null) {
      size++;
    }
    values[key] = value;
  }

  void remove(int key) {
    if (key < values.length && values[key] != null) {
      values[key] = null;
      size--;
    }
  }

  void clear() {
    if (size > 0) {
      Arrays.fill(values, null);
      size = 0;
    }
  }

  /** The keys in ascending order. */
  int[] keysSorted() {
    int[] out = new int[size];
    int n = 0;
    for (int i = 0; i < values.length && n < size; i++) {
      if (values[i] != null) {
        out[n++] = i;
      }
    }
    return out;
  }
}
