package org.mesosim.allocators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mesosim.engine.Simulation;

class FilterExpiryTest {
  private final Simulation sim = new Simulation(1);
  private final List<String> expired = new ArrayList<>();

  private void runAll() {
    while (sim.step()) {
      // drain
    }
  }

  /** Filters installed at one instant with one timeout share a timer and expire in install order. */
  @Test
  void oneTimerPerInstant_expiresMembersInInstallOrder() {
    FilterExpiry<String> e = new FilterExpiry<>(sim, false, expired::add);
    FilterExpiry.Batch<String> a = e.add("a", 1_000_000);
    FilterExpiry.Batch<String> b = e.add("b", 1_000_000);
    FilterExpiry.Batch<String> c = e.add("c", 2_000_000); // another timeout: its own batch
    assertSame(a, b);
    assertNotSame(a, c);
    runAll();
    assertEquals(List.of("a", "b", "c"), expired);
    assertEquals(2_000_000, sim.now());
  }

  /** Something scheduled between two installs splits them: the timers keep their place among other events. */
  @Test
  void anEventScheduledBetweenInstalls_startsANewBatch() {
    FilterExpiry<String> e = new FilterExpiry<>(sim, false, expired::add);
    FilterExpiry.Batch<String> a = e.add("a", 1_000_000);
    sim.schedule(1_000_000, () -> expired.add("other"));
    FilterExpiry.Batch<String> b = e.add("b", 1_000_000);
    assertNotSame(a, b);
    runAll();
    assertEquals(List.of("a", "other", "b"), expired);
  }

  /** A batch whose members all went never fires. */
  @Test
  void allMembersGone_cancelsTheTimer() {
    FilterExpiry<String> e = new FilterExpiry<>(sim, false, expired::add);
    FilterExpiry.Batch<String> a = e.add("a", 1_000_000);
    e.add("b", 1_000_000);
    a.gone();
    a.gone();
    runAll();
    assertEquals(List.of(), expired);
    assertEquals(0, sim.now());
  }

  /**
   * A batch that fired is reused for a later install: it expires exactly its new members, once, at
   * the new time, and a reused batch whose members all go is cancelled like a new one.
   */
  @Test
  void aFiredBatchIsReused_withOnlyItsNewMembers() {
    FilterExpiry<String> e = new FilterExpiry<>(sim, false, expired::add);
    FilterExpiry.Batch<String> first = e.add("a", 1_000_000);
    e.add("b", 1_000_000);
    runAll();
    assertEquals(List.of("a", "b"), expired);
    FilterExpiry.Batch<String> second = e.add("c", 3_000_000);
    assertSame(first, second);
    runAll();
    assertEquals(List.of("a", "b", "c"), expired);
    assertEquals(4_000_000, sim.now());
    FilterExpiry.Batch<String> third = e.add("d", 1_000_000);
    assertSame(first, third);
    third.gone();
    FilterExpiry.Batch<String> fourth = e.add("e", 1_000_000);
    assertNotSame(third, fourth); // the cancelled batch is not reused
    runAll();
    assertEquals(List.of("a", "b", "c", "e"), expired);
    assertEquals(5_000_000, sim.now());
  }

  /** From Mesos 1.7 the expiry takes one more dispatch: the members expire after a second hop. */
  @Test
  void extraHop_expiresAfterASecondDispatch() {
    FilterExpiry<String> e = new FilterExpiry<>(sim, true, expired::add);
    e.add("a", 1_000_000);
    sim.schedule(1_000_000, () -> expired.add("same-instant"));
    runAll();
    assertEquals(List.of("same-instant", "a"), expired);
  }
}
