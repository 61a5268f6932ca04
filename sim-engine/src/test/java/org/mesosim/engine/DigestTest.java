package org.mesosim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class DigestTest {

  /** A fixed little event sequence: an offer, a launch, a status update. */
  private static Digest sample() {
    Digest d = new Digest();
    d.event("offer", 1_000_000).str("fw-1").str("agent-7").num(4000);
    d.event("launch", 1_250_000).str("fw-1").str("task-1").real(0.5).bool(true);
    d.event("status", 61_250_000).str("task-1").str("TASK_FINISHED");
    return d;
  }

  private static String hex(Consumer<Digest> events) {
    Digest d = new Digest();
    events.accept(d);
    return d.hex();
  }

  /** Pins the hash function: if this changes, every recorded run digest changes with it. */
  @Test
  void hex_fixedSequence_isGolden() {
    Digest d = sample();
    assertEquals("cf78eff5240ae40f1c5cc6dc4b87d20d", d.hex());
    assertEquals(3, d.events());
    assertEquals("c25263715ff14c873d92ffa1e7b017d4", new Digest().hex());
    assertEquals("431234c16ea1558005ecf2125a5c0275", Digest.of("mesosim"));
  }

  @Test
  void hex_is32LowercaseHexDigitsAndDoesNotChangeTheState() {
    Digest d = sample();
    String first = d.hex();
    assertTrue(first.matches("[0-9a-f]{32}"), first);
    assertEquals(first, d.hex());
    d.event("x", 1);
    Digest e = sample();
    e.event("x", 1);
    assertEquals(e.hex(), d.hex(), "calling hex() midway changes nothing");
  }

  @Test
  void hex_sameEventsInAnotherOrder_differs() {
    String ab = hex(d -> {
      d.event("offer", 5).str("fw-1");
      d.event("offer", 5).str("fw-2");
    });
    String ba = hex(d -> {
      d.event("offer", 5).str("fw-2");
      d.event("offer", 5).str("fw-1");
    });
    assertNotEquals(ab, ba);
  }

  @Test
  void hex_anyFieldChanged_differs() {
    Set<String> all = new LinkedHashSet<>();
    all.add(hex(d -> d.event("offer", 5).str("fw-1").num(3).real(1.5).bool(true)));
    all.add(hex(d -> d.event("offer", 6).str("fw-1").num(3).real(1.5).bool(true))); // time
    all.add(hex(d -> d.event("offeR", 5).str("fw-1").num(3).real(1.5).bool(true))); // kind
    all.add(hex(d -> d.event("offer", 5).str("fw-2").num(3).real(1.5).bool(true))); // string
    all.add(hex(d -> d.event("offer", 5).str("fw-1").num(4).real(1.5).bool(true))); // number
    all.add(hex(d -> d.event("offer", 5).str("fw-1").num(3).real(1.25).bool(true))); // real
    all.add(hex(d -> d.event("offer", 5).str("fw-1").num(3).real(1.5).bool(false))); // boolean
    all.add(hex(d -> d.event("offer", 5).str("fw-1").num(3).real(1.5))); // a field missing
    all.add(hex(d -> d.event("offer", 5).str(null).num(3).real(1.5).bool(true))); // null string
    all.add(hex(d -> d.event("offer", 5).str("").num(3).real(1.5).bool(true))); // empty string
    assertEquals(10, all.size(), all.toString());
  }

  @Test
  void hex_fieldBoundaries_areNotAmbiguous() {
    assertNotEquals(hex(d -> d.event("k", 0).str("ab").str("c")), hex(d -> d.event("k", 0).str("a").str("bc")));
    assertNotEquals(hex(d -> d.event("k", 0).str("abcd").str("")), hex(d -> d.event("k", 0).str("abcd")));
    // One event with two fields vs the same values split across two events.
    assertNotEquals(hex(d -> d.event("k", 0).num(1).num(2)),
        hex(d -> {
          d.event("k", 0).num(1);
          d.event("k", 0).num(2);
        }));
  }

  @Test
  void real_negativeZeroAndNaNs_digestLikeTheirCanonicalForms() {
    assertEquals(hex(d -> d.event("k", 0).real(0.0)), hex(d -> d.event("k", 0).real(-0.0)));
    assertEquals(hex(d -> d.event("k", 0).real(Double.NaN)),
        hex(d -> d.event("k", 0).real(Double.longBitsToDouble(0x7ff8000000000001L))));
  }

  @Test
  void events_countsEvents() {
    Digest d = new Digest();
    d.event("a", 0).num(1).num(2);
    d.event("b", 1);
    assertEquals(2, d.events());
  }

  @Test
  void strBuffer_equalsStr() {
    for (String text : new String[] {"", "a", "ab", "abc", "abcd", "abcde", "abcdefgh", "abcdefghi",
        "cpus:1.5; mem:4096", "ünï©ode"}) {
      String expected = hex(d -> d.event("k", 0).str(text).num(7));
      String buffered = hex(d -> {
        d.event("k", 0);
        char[] c = d.buffer(text.length());
        text.getChars(0, text.length(), c, 0);
        d.strBuffer(text.length()).num(7);
      });
      assertEquals(expected, buffered, text);
    }
  }

  @Test
  void buffer_growsAndKeepsNothingBetweenUses() {
    Digest d = new Digest();
    assertTrue(d.buffer(1000).length >= 1000);
    String long1 = "x".repeat(999);
    String expected = hex(x -> x.event("k", 0).str(long1));
    String buffered = hex(x -> {
      x.event("k", 0);
      char[] c = x.buffer(5);
      c[0] = 'q'; // overwritten below: only the first length characters count
      long1.getChars(0, long1.length(), x.buffer(long1.length()), 0);
      x.strBuffer(long1.length());
    });
    assertEquals(expected, buffered);
  }
}
