package org.mesosim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.mesosim.engine.Digest;

/** {@code digestInto} feeds exactly the characters of {@code toString()}, whatever the amounts. */
class ResourcesDigestTest {
  private static String viaString(Object r) {
    return new Digest().event("k", 0).str(r.toString()).num(1).hex();
  }

  private static String streamed(Resources r) {
    Digest d = new Digest().event("k", 0);
    r.digestInto(d);
    return d.num(1).hex();
  }

  private static String streamed(ResourceSet r) {
    Digest d = new Digest().event("k", 0);
    r.digestInto(d);
    return d.num(1).hex();
  }

  @Test
  void digestInto_equalsTheStringsDigest_forEdgeAmounts() {
    long[] amounts = {0, 1, 9, 10, 11, 99, 100, 101, 999, 1000, 1001, 1010, 1100, 1500, 9999, 10000, 65536000,
        123456789, 4096000, 7864320, Long.MAX_VALUE / 4};
    for (long a : amounts) {
      for (long b : amounts) {
        Resources r = Resources.ofMilli(new long[] {a, b, a == b ? 0 : 5000});
        // fresh objects each time: the text cache must not hide the streamed path
        assertEquals(viaString(Resources.ofMilli(new long[] {a, b, a == b ? 0 : 5000})), streamed(r),
            r.toString());
      }
    }
  }

  @Test
  void digestInto_equalsTheStringsDigest_forRandomVectors() {
    SplittableRandom rnd = new SplittableRandom(42);
    for (int i = 0; i < 20_000; i++) {
      long[] v = new long[1 + rnd.nextInt(4)];
      for (int j = 0; j < v.length; j++) {
        v[j] = rnd.nextInt(4) == 0 ? 0 : rnd.nextLong(rnd.nextBoolean() ? 5_000 : 100_000_000);
      }
      Resources fresh = Resources.ofMilli(v.clone());
      assertEquals(viaString(Resources.ofMilli(v.clone())), streamed(fresh), fresh.toString());
      ResourceSet set = ResourceSet.unreserved(Resources.ofMilli(v.clone()));
      assertEquals(viaString(ResourceSet.unreserved(Resources.ofMilli(v.clone()))), streamed(set), set.toString());
    }
  }

  @Test
  void digestInto_fallsBackToTheString_forEmptyReservedAndCachedValues() {
    assertEquals(viaString(Resources.EMPTY), streamed(Resources.EMPTY));
    ResourceSet reserved = ResourceSet.of(Resources.of(1, 512), Map.of("web", Resources.of(2, 1024)));
    assertEquals(viaString(reserved), streamed(reserved));
    Resources cached = Resources.of(1.5, 4096);
    String text = cached.toString();
    assertEquals(viaString(text), streamed(cached));
  }
}
