package org.mesosim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Randomized differential test: {@link EventQueue} against a {@link TreeMap} keyed by
 * (time, seq), under a mix of adds (near, far, at the current instant, equal-time bursts,
 * {@link SimTime#NEVER}), polls, peeks and cancellations (live, already fired, cancelled twice,
 * stale after slot reuse). Every step compares the returned value, the size and the next time.
 * Fixed seeds, so failures are reproducible.
 */
class EventQueueDifferentialTest {

  /** Reference key: (time, seq). */
  private record Key(long time, long seq) implements Comparable<Key> {
    @Override
    public int compareTo(Key o) {
      int c = Long.compare(time, o.time);
      return c != 0 ? c : Long.compare(seq, o.seq);
    }
  }

  /** An action that knows its own identity. */
  private record Tag(long seq) implements Runnable {
    @Override
    public void run() {}
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 42, 20261126})
  void eventQueue_matchesTreeMapReference(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    EventQueue q = new EventQueue(16);
    TreeMap<Key, Tag> ref = new TreeMap<>();
    Map<Long, Key> keyOfSeq = new TreeMap<>();
    List<Long> handles = new ArrayList<>(); // every handle ever issued, index = seq
    long now = 0;
    long seq = 0;
    // Phases change the mix so that the queue grows large, drains, and is cancel-heavy.
    for (int step = 0; step < 120_000; step++) {
      int phase = (step / 15_000) % 4;
      int addWeight = phase == 0 ? 60 : phase == 1 ? 45 : phase == 2 ? 50 : 35;
      int cancelWeight = phase == 2 ? 45 : 10;
      int r = rnd.nextInt(100);
      if (r < addWeight) {
        int burst = rnd.nextInt(50) == 0 ? 1 + rnd.nextInt(200) : 1;
        long time = nextTime(rnd, now);
        for (int b = 0; b < burst; b++) {
          Tag tag = new Tag(seq);
          long h = q.add(time, tag);
          Key k = new Key(time, seq);
          ref.put(k, tag);
          keyOfSeq.put(seq, k);
          handles.add(h);
          seq++;
        }
      } else if (r < addWeight + cancelWeight && !handles.isEmpty()) {
        // Mostly recent handles (likely live), sometimes any (likely fired or stale).
        int idx = rnd.nextBoolean()
            ? handles.size() - 1 - rnd.nextInt(Math.min(handles.size(), 500))
            : rnd.nextInt(handles.size());
        Key k = keyOfSeq.get((long) idx);
        boolean expected = k != null && ref.containsKey(k);
        assertEquals(expected, q.cancel(handles.get(idx)), "cancel at step " + step);
        if (expected) {
          ref.remove(k);
          keyOfSeq.remove((long) idx);
        }
      } else if (r < 97) {
        Map.Entry<Key, Tag> first = ref.pollFirstEntry();
        long expectedTime = first == null ? SimTime.NEVER : first.getKey().time();
        assertEquals(expectedTime, q.peekTime(), "peek at step " + step);
        Runnable got = q.poll();
        if (first == null) {
          assertNull(got, "poll on empty at step " + step);
        } else {
          assertSame(first.getValue(), got, "poll at step " + step);
          keyOfSeq.remove(first.getKey().seq());
          now = first.getKey().time();
        }
      } else {
        long expectedTime = ref.isEmpty() ? SimTime.NEVER : ref.firstKey().time();
        assertEquals(expectedTime, q.peekTime(), "peek at step " + step);
      }
      assertEquals(ref.size(), q.size(), "size at step " + step);
      assertEquals(seq, q.scheduledCount());
    }
    // Drain and compare the full remaining order.
    while (!ref.isEmpty()) {
      Map.Entry<Key, Tag> first = ref.pollFirstEntry();
      assertEquals(first.getKey().time(), q.peekTime());
      assertSame(first.getValue(), q.poll());
    }
    assertEquals(SimTime.NEVER, q.peekTime());
    assertNull(q.poll());
    assertEquals(0, q.size());
  }

  private static long nextTime(SplittableRandom rnd, long now) {
    switch (rnd.nextInt(10)) {
      case 0:
        return now; // the current instant
      case 1:
        return now + rnd.nextLong(1, 16); // very near
      case 2:
        return now + rnd.nextLong(1, 1L << 40); // far (about 12 days)
      case 3:
        return rnd.nextInt(1000) == 0 ? SimTime.NEVER : now + 1_000_000; // a round timer
      default:
        return now + rnd.nextLong(0, 2_000_000); // within 2 s
    }
  }
}
