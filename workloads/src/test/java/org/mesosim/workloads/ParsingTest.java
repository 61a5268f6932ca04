package org.mesosim.workloads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.TreeMap;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.mesosim.engine.random.RandomStreams;
import org.mesosim.workloads.trace.Fields;
import org.mesosim.workloads.trace.LongLongMap;
import org.mesosim.workloads.trace.MalformedRowException;

class ParsingTest {
  private static double d(String s) {
    byte[] b = s.getBytes(StandardCharsets.US_ASCII);
    return Fields.parseDouble(b, 0, b.length, "x");
  }

  private static long l(String s) {
    byte[] b = s.getBytes(StandardCharsets.US_ASCII);
    return Fields.parseLong(b, 0, b.length, "x");
  }

  @Test
  void parseDouble_equalsJdkOnTraceShapedAndRandomInputs() {
    for (String s : new String[] {"0", "0.125", "0.07446", "4.292e-05", "489.00", "-1", "1e3", "1E-3", "+2.5",
        ".5", "5.", "0.000000000000000000001", "12345678901234567890", "3.0517578125e-05", "0.1", "100.0"}) {
      assertEquals(Double.parseDouble(s), d(s), s);
    }
    UniformRandomProvider rng = RandomStreams.create(1, "test/parse");
    for (int i = 0; i < 20_000; i++) {
      String s = switch (i % 3) {
        case 0 -> Double.toString(rng.nextDouble());
        case 1 -> String.format(java.util.Locale.ROOT, "%.6g", rng.nextDouble() * Math.pow(10, rng.nextInt(12) - 6));
        default -> rng.nextInt(100000) + "." + rng.nextInt(100000);
      };
      assertEquals(Double.parseDouble(s), d(s), s);
    }
  }

  @Test
  void parseNumbers_rejectGarbageWithTheFieldName() {
    assertEquals("x is not a number: '1.2.3'", assertThrows(MalformedRowException.class, () -> d("1.2.3")).getMessage());
    assertEquals("x is empty", assertThrows(MalformedRowException.class, () -> d("")).getMessage());
    assertEquals(1111, l("1111.0")); // Alibaba prints integers as floats
    assertEquals(-1, l("-1"));
    assertEquals("x must be a whole number, not 1.5", assertThrows(MalformedRowException.class, () -> l("1.5")).getMessage());
    assertThrows(MalformedRowException.class, () -> l("99999999999999999999"));
    // past 18 digits the JDK parses, and it would take these (a Java suffix, blanks)
    assertEquals("x is not a number: '1234567890123456789012d'",
        assertThrows(MalformedRowException.class, () -> d("1234567890123456789012d")).getMessage());
    assertThrows(MalformedRowException.class, () -> d("1234567890123456789012 "));
    assertThrows(MalformedRowException.class, () -> d("1234567890123456789012f"));
    assertEquals(1.234567890123456789012e21, d("1234567890123456789012"));
  }

  @Test
  void longLongMap_agreesWithTreeMapUnderChurn() {
    LongLongMap m = new LongLongMap();
    TreeMap<Long, Long> ref = new TreeMap<>();
    UniformRandomProvider rng = RandomStreams.create(2, "test/map");
    for (int i = 0; i < 200_000; i++) {
      long k = rng.nextInt(5000) * 7919L;
      switch (rng.nextInt(3)) {
        case 0 -> {
          m.put(k, i);
          ref.put(k, (long) i);
        }
        case 1 -> {
          m.remove(k);
          ref.remove(k);
        }
        default -> assertEquals(ref.getOrDefault(k, -1L), m.get(k, -1));
      }
      assertEquals(ref.size(), m.size());
    }
  }
}
