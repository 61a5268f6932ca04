package org.mesosim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ResourcesTest {
  /** Equality compares the vectors, so every factory must trim trailing zeros. */
  @Test
  void ofMilli_trimsTrailingZerosAndCopies() {
    long[] v = {1500, 0, 0, 0};
    Resources r = Resources.ofMilli(v);
    assertEquals(1, r.width());
    assertEquals(Resources.of("cpus", 1.5), r);
    assertEquals(Resources.of("cpus", 1.5).hashCode(), r.hashCode());
    v[0] = 7;
    assertEquals(1500, r.milli(0), "the input array is copied");

    Resources mid = Resources.ofMilli(new long[] {0, 2048_000, 0});
    assertEquals(2, mid.width());
    assertEquals(Resources.of("mem", 2048), mid);

    assertSame(Resources.EMPTY, Resources.ofMilli(new long[] {0, 0, 0}));
    assertSame(Resources.EMPTY, Resources.ofMilli(new long[0]));
  }

  @Test
  void ofMilli_rejectsNegativeAmountsAnywhere() {
    assertEquals("negative quantity of mem",
        assertThrows(IllegalArgumentException.class, () -> Resources.ofMilli(new long[] {1000, -1})).getMessage());
    assertEquals("negative quantity of cpus",
        assertThrows(IllegalArgumentException.class, () -> Resources.ofMilli(new long[] {-1, 0, 0})).getMessage());
  }
}
