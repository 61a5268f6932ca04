package org.mesosim.allocators.drf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** IntMap against a TreeMap under random puts, removes and clears. */
class IntMapTest {
  @Test
  void randomOperations_agreeWithTreeMap() {
    for (int keyRange : new int[] {8, 64, 1000, 100_000}) {
      SplittableRandom rnd = new SplittableRandom(keyRange);
      IntMap<Integer> m = new IntMap<>();
      TreeMap<Integer, Integer> ref = new TreeMap<>();
      for (int op = 0; op < 200_000; op++) {
        int k = rnd.nextInt(keyRange);
        int r = rnd.nextInt(100);
        if (r < 50) {
          m.put(k, op);
          ref.put(k, op);
        } else if (r < 95) {
          m.remove(k);
          ref.remove(k);
        } else if (r == 99 && rnd.nextInt(50) == 0) {
          m.clear();
          ref.clear();
        }
        assertEquals(ref.get(k), m.get(k), "key " + k + " after op " + op);
        if (op % 997 == 0) {
          assertEquals(ref.size(), m.size());
          assertArrayEquals(ref.keySet().stream().mapToInt(Integer::intValue).toArray(), m.keysSorted());
          for (int key : ref.keySet()) {
            assertEquals(ref.get(key), m.get(key));
          }
        }
      }
    }
  }

  @Test
  void removeInTheMiddleOfAWrappedProbeRun_keepsLaterKeysReachable() {
    IntMap<String> m = new IntMap<>();
    // enough keys to force collisions and wrap-around in a small table, then remove them one by one
    for (int k = 0; k < 3; k++) {
      m.put(k * 8, "v" + k);
    }
    for (int k = 0; k < 3; k++) {
      m.remove(k * 8);
      for (int j = k + 1; j < 3; j++) {
        assertEquals("v" + j, m.get(j * 8));
      }
    }
    assertEquals(0, m.size());
  }
}
