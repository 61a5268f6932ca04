package org.mesosim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** A sequenced id behaves in every method as the id of its string built up front. */
class OfferIdTest {
  @Test
  void sequenced_equalsHashesAndOrdersAsItsString() {
    OfferId lazy = OfferId.sequenced("m1-O", 42);
    OfferId eager = new OfferId("m1-O42");
    assertEquals(eager, lazy);
    assertEquals(lazy, eager);
    assertEquals(eager.hashCode(), lazy.hashCode());
    assertEquals(0, lazy.compareTo(eager));
    assertEquals("m1-O42", lazy.toString());
    assertEquals("m1-O42", lazy.value());
    assertNotEquals(OfferId.sequenced("m1-O", 43), lazy);
    assertNotEquals(OfferId.sequenced("m2-O", 42), lazy);
  }

  @Test
  void differentSplits_ofTheSameString_areEqual() {
    // "O-1" + 23 and "O-12" + 3 are both "O-123": equality is by the string, not by the parts.
    OfferId a = OfferId.sequenced("O-1", 23);
    OfferId b = OfferId.sequenced("O-12", 3);
    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
    assertEquals(0, a.compareTo(b));
  }

  @Test
  void ordering_isLexicographicByString_notNumeric() {
    List<OfferId> ids = new ArrayList<>();
    for (long s : new long[] {10, 9, 100, 1}) {
      ids.add(OfferId.sequenced("O", s));
    }
    List<String> sorted = new ArrayList<>();
    new TreeSet<>(ids).forEach(id -> sorted.add(id.value()));
    assertEquals(List.of("O1", "O10", "O100", "O9"), sorted);
    assertTrue(OfferId.sequenced("O", 10).compareTo(new OfferId("O9")) < 0);
  }

  @Test
  void badIds_areRejected() {
    assertThrows(IllegalArgumentException.class, () -> new OfferId(""));
    assertThrows(IllegalArgumentException.class, () -> OfferId.sequenced("", 1));
    assertThrows(IllegalArgumentException.class, () -> OfferId.sequenced("O", -1));
  }
}
