package org.mesosim.engine;

import java.util.Arrays;

/**
 * The pending-event set: a 4-ary min-heap over primitive arrays, ordered by (time, sequence),
 * where the sequence number is assigned here, at scheduling. Events at the same instant therefore
 * fire in the order they were scheduled (libprocess delivers messages to one process FIFO, and
 * Mesos' tests depend on it, e.g. a filter expiry and a periodic allocation at the same instant).
 *
 * <p>No object is allocated per event in the steady state: the heap holds (time, sequence, slot)
 * in three parallel arrays, and the action lives in a slot table that is recycled through a free
 * list. A handle is {@code generation << 32 | slot}, so a stale handle (of an event that already
 * fired or was cancelled) can never cancel a newer event that reuses the slot. Cancellation is
 * O(1): the action is cleared and the heap entry is dropped lazily when it reaches the top; when
 * dead entries outnumber live ones the heap is compacted, which keeps memory bounded.
 */
public final class EventQueue {
  private static final int ARITY_SHIFT = 2; // 4-ary

  // Heap, parallel arrays, entries [0, heapSize).
  private long[] hTime;
  private long[] hSeq;
  private int[] hSlot;
  private int heapSize;

  // Slot table.
  private Runnable[] slotAction;
  private int[] slotGen;
  private int[] freeSlots;
  private int freeCount;
  private int slotsUsed;

  private long nextSeq;
  private int live;
  private int dead;

  public EventQueue() {
    this(1024);
  }

  public EventQueue(int initialCapacity) {
    int cap = Math.max(16, initialCapacity);
    hTime = new long[cap];
    hSeq = new long[cap];
    hSlot = new int[cap];
    slotAction = new Runnable[cap];
    slotGen = new int[cap];
    freeSlots = new int[cap];
  }

  /** Number of live (scheduled, not cancelled, not fired) events. */
  public int size() {
    return live;
  }

  public boolean isEmpty() {
    return live == 0;
  }

  /** Number of events ever scheduled; also the next sequence number. */
  public long scheduledCount() {
    return nextSeq;
  }

  /**
   * Adds an event. The caller guarantees {@code time} is not in the past (the {@link Simulation}
   * checks).
   *
   * @return a handle for {@link #cancel(long)}
   */
  public long add(long time, Runnable action) {
    if (action == null) {
      throw new NullPointerException("action");
    }
    int slot = allocSlot();
    slotAction[slot] = action;
    if (heapSize == hTime.length) {
      growHeap();
    }
    siftUp(heapSize++, time, nextSeq++, slot);
    live++;
    return ((long) slotGen[slot] << 32) | slot;
  }

  /**
   * Cancels an event. Returns false if the handle's event already fired or was cancelled.
   */
  public boolean cancel(long handle) {
    int slot = (int) handle;
    int gen = (int) (handle >>> 32);
    if (slot < 0 || slot >= slotsUsed || slotGen[slot] != gen || slotAction[slot] == null) {
      return false;
    }
    slotAction[slot] = null;
    live--;
    dead++;
    if (dead > 64 && dead > live) {
      compact();
    }
    return true;
  }

  /** Time of the earliest live event, or {@link SimTime#NEVER} when empty. */
  public long peekTime() {
    dropDeadTop();
    return heapSize == 0 ? SimTime.NEVER : hTime[0];
  }

  /**
   * Removes the earliest live event and returns its action, or null when empty. Its time is
   * {@link #peekTime()} as read just before.
   */
  public Runnable poll() {
    dropDeadTop();
    if (heapSize == 0) {
      return null;
    }
    int slot = hSlot[0];
    Runnable action = slotAction[slot];
    removeTop();
    freeSlot(slot);
    live--;
    return action;
  }

  private void dropDeadTop() {
    while (heapSize > 0 && slotAction[hSlot[0]] == null) {
      int slot = hSlot[0];
      removeTop();
      freeSlot(slot);
      dead--;
    }
  }

  private void removeTop() {
    int last = --heapSize;
    if (last > 0) {
      siftDown(0, hTime[last], hSeq[last], hSlot[last]);
    }
  }

  private void siftUp(int i, long t, long s, int slot) {
    long[] ht = hTime;
    long[] hs = hSeq;
    int[] hl = hSlot;
    while (i > 0) {
      int p = (i - 1) >>> ARITY_SHIFT;
      long pt = ht[p];
      if (pt < t || (pt == t && hs[p] < s)) {
        break;
      }
      ht[i] = pt;
      hs[i] = hs[p];
      hl[i] = hl[p];
      i = p;
    }
    ht[i] = t;
    hs[i] = s;
    hl[i] = slot;
  }

  private void siftDown(int i, long t, long s, int slot) {
    long[] ht = hTime;
    long[] hs = hSeq;
    int[] hl = hSlot;
    int n = heapSize;
    while (true) {
      int c = (i << ARITY_SHIFT) + 1;
      if (c >= n) {
        break;
      }
      int end = Math.min(c + 4, n);
      int m = c;
      long mt = ht[c];
      long ms = hs[c];
      for (int k = c + 1; k < end; k++) {
        long kt = ht[k];
        if (kt < mt || (kt == mt && hs[k] < ms)) {
          m = k;
          mt = kt;
          ms = hs[k];
        }
      }
      if (t < mt || (t == mt && s < ms)) {
        break;
      }
      ht[i] = mt;
      hs[i] = ms;
      hl[i] = hl[m];
      i = m;
    }
    ht[i] = t;
    hs[i] = s;
    hl[i] = slot;
  }

  private int allocSlot() {
    if (freeCount > 0) {
      return freeSlots[--freeCount];
    }
    if (slotsUsed == slotAction.length) {
      int cap = slotAction.length * 2;
      slotAction = Arrays.copyOf(slotAction, cap);
      slotGen = Arrays.copyOf(slotGen, cap);
      freeSlots = Arrays.copyOf(freeSlots, cap);
    }
    return slotsUsed++;
  }

  private void freeSlot(int slot) {
    slotAction[slot] = null;
    slotGen[slot]++;
    freeSlots[freeCount++] = slot;
  }

  private void growHeap() {
    int cap = hTime.length * 2;
    hTime = Arrays.copyOf(hTime, cap);
    hSeq = Arrays.copyOf(hSeq, cap);
    hSlot = Arrays.copyOf(hSlot, cap);
  }

  /** Removes every cancelled entry and re-heapifies; O(n). */
  private void compact() {
    int n = 0;
    for (int i = 0; i < heapSize; i++) {
      int slot = hSlot[i];
      if (slotAction[slot] != null) {
        hTime[n] = hTime[i];
        hSeq[n] = hSeq[i];
        hSlot[n] = slot;
        n++;
      } else {
        freeSlot(slot);
      }
    }
    heapSize = n;
    dead = 0;
    for (int i = (n - 2) >>> ARITY_SHIFT; i >= 0 && n > 1; i--) {
      siftDown(i, hTime[i], hSeq[i], hSlot[i]);
    }
  }
}
