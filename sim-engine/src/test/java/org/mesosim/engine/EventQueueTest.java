package org.mesosim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class EventQueueTest {

  /** Records (time, id) of each fired event into a shared log. */
  private static final class Log {
    final List<long[]> fired = new ArrayList<>();

    Runnable event(long time, long id) {
      return () -> fired.add(new long[] {time, id});
    }
  }

  /** Polls everything, running each action; returns the times seen by peekTime. */
  private static List<Long> drain(EventQueue q) {
    List<Long> times = new ArrayList<>();
    while (!q.isEmpty()) {
      times.add(q.peekTime());
      q.poll().run();
    }
    return times;
  }

  @Test
  void emptyQueue_peekIsNeverAndPollIsNull() {
    EventQueue q = new EventQueue();
    assertEquals(SimTime.NEVER, q.peekTime());
    assertNull(q.poll());
    assertEquals(0, q.size());
    assertTrue(q.isEmpty());
  }

  @Test
  void poll_returnsEventsInTimeOrder() {
    EventQueue q = new EventQueue();
    Log log = new Log();
    long[] times = {50, 7, 1L << 40, 0, 256, 255, 1L << 20, 7 + (1L << 33), SimTime.DAY, 1};
    for (int i = 0; i < times.length; i++) {
      q.add(times[i], log.event(times[i], i));
    }
    assertEquals(List.of(0L, 1L, 7L, 50L, 255L, 256L, 1L << 20, 7 + (1L << 33), SimTime.DAY, 1L << 40),
        drain(q));
    assertEquals(10, log.fired.size());
  }

  @Test
  void equalTimes_tenThousandAtOneInstantInterleaved_fireInSchedulingOrder() {
    EventQueue q = new EventQueue();
    Log log = new Log();
    SplittableRandom rnd = new SplittableRandom(7);
    long instant = 5 * SimTime.SECOND;
    int id = 0;
    List<Long> expectedAtInstant = new ArrayList<>();
    for (int i = 0; i < 12_000; i++) {
      expectedAtInstant.add((long) id);
      q.add(instant, log.event(instant, id++));
      // Interleave other times before, after and far after the instant.
      long other = rnd.nextInt(3) == 0 ? rnd.nextLong(0, instant)
          : rnd.nextBoolean() ? instant + 1 + rnd.nextLong(0, SimTime.SECOND) : instant + SimTime.HOUR;
      q.add(other, log.event(other, -1));
    }
    drain(q);
    List<Long> atInstant = new ArrayList<>();
    long prev = Long.MIN_VALUE;
    for (long[] e : log.fired) {
      assertTrue(e[0] >= prev, "time went backwards");
      prev = e[0];
      if (e[0] == instant) {
        atInstant.add(e[1]);
      }
    }
    assertEquals(expectedAtInstant, atInstant);
    assertEquals(24_000, log.fired.size());
  }

  @Test
  void equalTimes_eventsAddedAtTheCurrentInstantWhileFiring_goAfterThosePending() {
    EventQueue q = new EventQueue();
    List<String> order = new ArrayList<>();
    q.add(10, () -> {
      order.add("a");
      q.add(10, () -> order.add("d")); // same instant, scheduled last
    });
    q.add(10, () -> order.add("b"));
    q.add(10, () -> order.add("c"));
    q.add(11, () -> order.add("e"));
    drain(q);
    assertEquals(List.of("a", "b", "c", "d", "e"), order);
  }

  @Test
  void add_beforeLastPolledEvent_isRejected() {
    EventQueue q = new EventQueue();
    q.add(100, () -> {});
    q.poll();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> q.add(99, () -> {}));
    assertEquals("cannot schedule at 99us, before the last fired event (100us)", e.getMessage());
    q.add(100, () -> {}); // the same instant is fine
    assertEquals(100, q.peekTime());
  }

  @Test
  void add_nullAction_isRejected() {
    assertThrows(NullPointerException.class, () -> new EventQueue().add(1, null));
  }

  @Test
  void peekTime_doesNotPreventSchedulingBetweenLastEventAndNext() {
    EventQueue q = new EventQueue();
    List<Long> order = new ArrayList<>();
    q.add(10, () -> order.add(10L));
    q.add(SimTime.HOUR, () -> order.add(SimTime.HOUR));
    q.poll().run();
    assertEquals(SimTime.HOUR, q.peekTime());
    q.add(20, () -> order.add(20L)); // after the last fired event, before the peeked one
    assertEquals(20, q.peekTime());
    q.poll().run();
    q.poll().run();
    assertEquals(List.of(10L, 20L, SimTime.HOUR), order);
  }

  @Test
  void cancel_beforeFire_removesTheEvent() {
    EventQueue q = new EventQueue();
    List<String> order = new ArrayList<>();
    q.add(1, () -> order.add("a"));
    long h = q.add(2, () -> order.add("b"));
    q.add(3, () -> order.add("c"));
    assertTrue(q.cancel(h));
    assertEquals(2, q.size());
    assertEquals(List.of(1L, 3L), drain(q));
    assertEquals(List.of("a", "c"), order);
  }

  @Test
  void cancel_ofTheEarliestEvent_movesPeekToTheNext() {
    EventQueue q = new EventQueue();
    long h = q.add(5_000, () -> {});
    q.add(9_000, () -> {});
    assertEquals(5_000, q.peekTime());
    assertTrue(q.cancel(h));
    assertEquals(9_000, q.peekTime());
  }

  @Test
  void cancel_afterFire_returnsFalse() {
    EventQueue q = new EventQueue();
    long h = q.add(1, () -> {});
    q.poll();
    assertFalse(q.cancel(h));
  }

  @Test
  void cancel_twice_returnsFalseTheSecondTime() {
    EventQueue q = new EventQueue();
    long h = q.add(1, () -> {});
    assertTrue(q.cancel(h));
    assertFalse(q.cancel(h));
    assertEquals(0, q.size());
    assertNull(q.poll());
  }

  @Test
  void cancel_staleHandleAfterSlotReuse_doesNotCancelTheNewEvent() {
    EventQueue q = new EventQueue();
    long old = q.add(1, () -> {});
    q.poll(); // frees the slot
    long fresh = q.add(2, () -> {}); // reuses it
    assertEquals((int) old, (int) fresh, "test premise: the slot is reused");
    assertFalse(q.cancel(old));
    assertEquals(1, q.size());
    assertTrue(q.cancel(fresh));
  }

  @Test
  void cancel_garbageHandles_returnFalse() {
    EventQueue q = new EventQueue();
    q.add(1, () -> {});
    assertFalse(q.cancel(-1L));
    assertFalse(q.cancel(12345));
    assertFalse(q.cancel(1L << 32));
    assertEquals(1, q.size());
  }

  @Test
  void cancel_heavyWorkload_compactsAndPreservesOrder() {
    EventQueue q = new EventQueue();
    Log log = new Log();
    List<Long> handles = new ArrayList<>();
    int n = 100_000;
    for (int i = 0; i < n; i++) {
      long t = (i % 1000) * 1_000L; // 100 events at each of 1000 instants
      handles.add(q.add(t, log.event(t, i)));
    }
    List<Long> survivors = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (i % 10 == 3) {
        long t = (i % 1000) * 1_000L;
        survivors.add(t * 1_000_000 + i); // sort key: time, then scheduling order
      } else {
        assertTrue(q.cancel(handles.get(i)));
      }
    }
    assertEquals(n / 10, q.size());
    assertTrue(q.entriesHeld() < 2 * q.size() + 100, "compaction bounds dead entries: " + q.entriesHeld());
    drain(q);
    survivors.sort(null);
    List<Long> fired = new ArrayList<>();
    for (long[] e : log.fired) {
      fired.add(e[0] * 1_000_000 + e[1]);
    }
    assertEquals(survivors, fired);
  }

  @Test
  void cancel_interleavedWithPolls_keepsDeadEntriesBounded() {
    EventQueue q = new EventQueue();
    long now = 0;
    for (int round = 0; round < 50_000; round++) {
      q.add(now + 1_000_000, () -> {});
      long timeout = q.add(now + 30_000_000, () -> {});
      assertTrue(q.cancel(timeout)); // the usual timer pattern: most timeouts are cancelled
      if (round % 2 == 1) {
        now = q.peekTime();
        q.poll();
      }
      // Dead entries never exceed max(64, live).
      assertTrue(q.entriesHeld() <= 2 * q.size() + 64, "held " + q.entriesHeld() + " for " + q.size());
    }
    assertEquals(25_000, q.size());
  }

  @Test
  void sizeAndScheduledCount_trackAddsPollsAndCancels() {
    EventQueue q = new EventQueue(1);
    for (int i = 0; i < 100; i++) {
      q.add(i, () -> {});
    }
    long h = q.add(1000, () -> {});
    assertEquals(101, q.size());
    assertEquals(101, q.scheduledCount());
    q.cancel(h);
    q.poll();
    assertEquals(99, q.size());
    assertEquals(101, q.scheduledCount());
  }

  @Test
  void growth_pastInitialCapacity_keepsOrder() {
    EventQueue q = new EventQueue(1);
    SplittableRandom rnd = new SplittableRandom(3);
    long[] times = new long[50_000];
    for (int i = 0; i < times.length; i++) {
      times[i] = rnd.nextLong(0, 1L << 45);
      q.add(times[i], () -> {});
    }
    java.util.Arrays.sort(times);
    List<Long> expected = new ArrayList<>();
    for (long t : times) {
      expected.add(t);
    }
    assertEquals(expected, drain(q));
  }
}
