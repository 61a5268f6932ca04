package org.mesosim.engine;

import java.util.Arrays;

/**
 * The pending-event set, ordered by (time, sequence), where the sequence number is assigned here,
 * at scheduling. Events at the same instant therefore fire in the order they were scheduled
 * (libprocess delivers messages to one process FIFO, and Mesos' tests depend on it, e.g. a filter
 * expiry and a periodic allocation at the same instant).
 *
 * <h2>Structure: a radix-256 monotone bucket queue</h2>
 *
 * <p>A discrete-event simulation never schedules before the event being fired, so the keys are
 * monotone: every pending time is {@code >=} {@code last}, the time of the last event polled.
 * That allows a radix heap (Ahuja, Mehlhorn, Orlin and Tarjan, "Faster algorithms for the
 * shortest path problem", JACM 1990) with 256-way digits, which is also a hierarchical timing
 * wheel (Varghese and Lauck, 1987) whose wheels are relative to {@code last}: a time {@code t} is
 * split into 8-bit digits; its <em>level</em> is the highest digit in which it differs from
 * {@code last} (0 if equal), and it lives in bucket (level, its digit at that level). 8 levels of
 * 256 buckets cover all 64-bit times. Every time in a lower level is smaller than every time in a
 * higher one, and within a level the digit orders the buckets, so the minimum is in the lowest
 * non-empty bucket, found in O(1) with two-level occupancy bitmaps. A level-0 bucket holds a
 * single instant. When level 0 is empty, the lowest non-empty bucket is <em>cascaded</em>: its
 * entries are redistributed relative to the bucket's lower bound into strictly lower levels. With
 * a few seconds of look-ahead in microseconds an event moves two or three times in its life, each
 * move a sequential append; see docs/performance.md for the measurements.
 *
 * <p><b>FIFO ties without comparing sequence numbers.</b> Every bucket is only ever appended to,
 * and a cascade walks its bucket in order into lower buckets, all of which are empty at that
 * moment. By induction every bucket is in increasing sequence order, so the events of one
 * instant come out of their level-0 bucket (consumed front to back) in the order they were
 * scheduled. The sequence is therefore implicit and never stored.
 *
 * <p><b>No allocation per event.</b> Buckets are linked lists of fixed-size chunks from one
 * shared pool; each chunk holds 64 entries of (time, handle) in a {@code long[]} and the actions in
 * a parallel {@code Runnable[]}, so firing an event reads only memory that is streamed in order
 * (no per-event random access into a side table). Memory is proportional to the pending events,
 * the pool only grows to its high-water mark, and the steady state allocates nothing.
 *
 * <p><b>Peeking never scans.</b> Each bucket keeps the minimum of its times (rescanned only if the
 * entry holding it was cancelled), and a peek does not cascade, so after {@link #peekTime()} one
 * may still schedule anywhere at or after the last fired event.
 *
 * <p><b>O(1) cancellation.</b> A handle is {@code generation << 32 | slot}; a slot's generation is
 * odd while its event is pending and is bumped when the event fires or is cancelled, so a stale
 * handle (of an event that already fired or was cancelled) can never cancel a newer event reusing
 * the slot. A cancelled entry stays in its bucket, dead, and is dropped when it is reached or
 * moved; when dead entries outnumber live ones (and exceed 64) every bucket is compacted (stably,
 * so the order is preserved), which keeps memory bounded.
 *
 * <p>{@link #add} rejects a time before the last polled event ({@link Simulation} already
 * rejects scheduling before {@code now()}, which is never earlier).
 */
public final class EventQueue {
  private static final int DIGIT_BITS = 8;
  private static final int RADIX = 1 << DIGIT_BITS;
  private static final long DIGIT_MASK = RADIX - 1;
  private static final int WORDS = RADIX / 64; // bitmap words per level
  private static final int LEVELS = (64 + DIGIT_BITS - 1) / DIGIT_BITS;
  private static final int BUCKETS = LEVELS << DIGIT_BITS;
  private static final int CHUNK_SHIFT = 6;
  private static final int CHUNK = 1 << CHUNK_SHIFT; // entries per chunk
  private static final int CHUNK_LONGS_SHIFT = CHUNK_SHIFT + 1; // two longs per entry
  private static final int NONE = -1;
  private static final long DIRTY = Long.MIN_VALUE;

  /** Level of a time whose XOR with {@code last} has this many leading zeros. */
  private static final int[] LEVEL_OF_NLZ = new int[65];

  static {
    for (int nlz = 0; nlz <= 64; nlz++) {
      LEVEL_OF_NLZ[nlz] = nlz == 64 ? 0 : (63 - nlz) / DIGIT_BITS;
    }
  }

  // Chunk pool: entry e = (c << CHUNK_SHIFT) + p of chunk c is (pool[2e] = time, pool[2e + 1] =
  // generation << 32 | slot, poolAction[e] = action).
  private long[] pool;
  private Runnable[] poolAction;
  private int[] chunkNext;
  private int[] freeChunks;
  private int freeChunkCount;
  private int chunksUsed;

  // Buckets, indexed (level << 6) | digit.
  private final int[] headChunk = new int[BUCKETS];
  private final int[] headPos = new int[BUCKETS];
  private final int[] tailChunk = new int[BUCKETS];
  private final int[] tailPos = new int[BUCKETS];
  /** Bit d % 64 of digitMask[L * WORDS + d / 64] is set iff bucket (L, d) is non-empty. */
  private final long[] digitMask = new long[LEVELS * WORDS];
  /** Bit w of wordMask[L] is set iff digitMask[L * WORDS + w] != 0. */
  private final int[] wordMask = new int[LEVELS];
  /** Bit L is set iff wordMask[L] != 0. */
  private int levelsOccupied;

  /** Time of the last polled event (transiently a cascade's lower bound); pending times are >= last. */
  private long last = Long.MIN_VALUE;

  /**
   * Per bucket (levels >= 1): a lower bound on its times that is exact for its live entries, or
   * {@link #DIRTY} when the entry holding the minimum was cancelled and the bucket must be
   * rescanned. Kept on push, so a peek needs no scan.
   */
  private final long[] bucketMin = new long[BUCKETS];

  // Slot table.
  /** Per slot: odd while its event is pending (the handle's generation), even once free. */
  private int[] slotGen;
  /** Per slot: the pending event's time (to find its bucket when cancelled). */
  private long[] slotTime;
  private int[] freeSlots;
  private int freeCount;
  private int slotsUsed;

  private long nextSeq;
  private int live;
  private int dead;

  public EventQueue() {
    this(1024);
  }

  /** A queue with room for {@code initialCapacity} pending events before its tables grow. */
  public EventQueue(int initialCapacity) {
    int cap = Math.max(16, initialCapacity);
    slotTime = new long[cap];
    slotGen = new int[cap];
    freeSlots = new int[cap];
    int chunks = Math.max(64, 2 * cap / CHUNK);
    pool = new long[chunks << CHUNK_LONGS_SHIFT];
    poolAction = new Runnable[chunks << CHUNK_SHIFT];
    chunkNext = new int[chunks];
    freeChunks = new int[chunks];
    Arrays.fill(headChunk, NONE);
    Arrays.fill(tailChunk, NONE);
    Arrays.fill(bucketMin, Long.MAX_VALUE);
  }

  /** Number of live (scheduled, not cancelled, not fired) events. */
  public int size() {
    return live;
  }

  public boolean isEmpty() {
    return live == 0;
  }

  /** Entries held, live and cancelled-but-not-yet-dropped (for tests of compaction). */
  int entriesHeld() {
    return live + dead;
  }

  /** Number of events ever scheduled; also the next sequence number. */
  public long scheduledCount() {
    return nextSeq;
  }

  /**
   * Adds an event at {@code time}, after every event already pending at the same time.
   *
   * @return a handle for {@link #cancel(long)}
   * @throws IllegalArgumentException if {@code time} is before the last polled event
   */
  public long add(long time, Runnable action) {
    if (action == null) {
      throw new NullPointerException("action");
    }
    if (time < last) {
      throw new IllegalArgumentException(
          "cannot schedule at " + time + "us, before the last fired event (" + last + "us)");
    }
    int slot = allocSlot();
    int gen = ++slotGen[slot]; // odd: pending
    slotTime[slot] = time;
    long handle = ((long) gen << 32) | slot;
    push(bucketOf(time), time, handle, action);
    nextSeq++;
    live++;
    return handle;
  }

  /**
   * Cancels an event. Returns false if the handle's event already fired or was cancelled.
   */
  public boolean cancel(long handle) {
    int slot = (int) handle;
    int gen = (int) (handle >>> 32);
    if (slot < 0 || slot >= slotsUsed || (gen & 1) == 0 || slotGen[slot] != gen) {
      return false;
    }
    slotGen[slot] = gen + 1; // the entry stays, dead, until it is reached or moved
    int b = bucketOf(slotTime[slot]);
    if (bucketMin[b] == slotTime[slot]) {
      bucketMin[b] = DIRTY;
    }
    live--;
    dead++;
    if (dead > 64 && dead > live) {
      compact();
    }
    return true;
  }

  /** Time of the earliest live event, or {@link SimTime#NEVER} when empty. Does not reorder. */
  public long peekTime() {
    if (live == 0) {
      return SimTime.NEVER;
    }
    if (liveInLevel0()) {
      return (last & ~DIGIT_MASK) | lowestDigit(0);
    }
    return minOutsideLevel0();
  }

  /**
   * Removes the earliest live event and returns its action, or null when empty. Its time is
   * {@link #peekTime()} as read just before.
   */
  public Runnable poll() {
    if (live == 0) {
      return null;
    }
    while (!liveInLevel0()) {
      int level = Integer.numberOfTrailingZeros(levelsOccupied);
      int digit = lowestDigit(level);
      int shift = DIGIT_BITS * level;
      long high = level == LEVELS - 1 ? 0 : last & (-1L << (shift + DIGIT_BITS));
      last = high | ((long) digit << shift); // the bucket's lower bound
      cascade((level << DIGIT_BITS) | digit);
    }
    int digit = lowestDigit(0);
    last = (last & ~DIGIT_MASK) | digit;
    int e = removeHead(digit);
    long handle = pool[2 * e + 1];
    Runnable action = poolAction[e];
    poolAction[e] = null;
    int slot = (int) handle;
    slotGen[slot] = (int) (handle >>> 32) + 1; // a store only: no read of the slot table
    freeSlots[freeCount++] = slot;
    live--;
    return action;
  }

  private int bucketOf(long time) {
    int level = LEVEL_OF_NLZ[Long.numberOfLeadingZeros(time ^ last)];
    return (level << DIGIT_BITS) | (int) ((time >>> (DIGIT_BITS * level)) & DIGIT_MASK);
  }

  /** The lowest non-empty digit of a non-empty level. */
  private int lowestDigit(int level) {
    int w = Integer.numberOfTrailingZeros(wordMask[level]);
    return (w << 6) | Long.numberOfTrailingZeros(digitMask[level * WORDS + w]);
  }

  /**
   * Drops dead entries at the heads of level-0 buckets; true if a live entry is at the head of
   * the lowest non-empty one.
   */
  private boolean liveInLevel0() {
    while ((levelsOccupied & 1) != 0) {
      int b = lowestDigit(0);
      if (dead == 0) {
        return true;
      }
      int e = (headChunk[b] << CHUNK_SHIFT) + headPos[b];
      long handle = pool[2 * e + 1];
      if (!isDead(handle)) {
        return true;
      }
      removeHead(b);
      poolAction[e] = null;
      freeSlots[freeCount++] = (int) handle;
      dead--;
    }
    return false;
  }

  /** True if the entry with this handle was cancelled. */
  private boolean isDead(long handle) {
    return slotGen[(int) handle] != (int) (handle >>> 32);
  }

  /**
   * Removes the head entry of bucket b (non-empty) and returns its entry index; the entry stays
   * readable until the next push.
   */
  private int removeHead(int b) {
    int c = headChunk[b];
    int p = headPos[b];
    int e = (c << CHUNK_SHIFT) + p;
    p++;
    if (c == tailChunk[b] && p == tailPos[b]) {
      freeChunk(c);
      clearBucket(b);
    } else if (p == CHUNK) {
      headChunk[b] = chunkNext[c];
      headPos[b] = 0;
      freeChunk(c);
    } else {
      headPos[b] = p;
    }
    return e;
  }

  /**
   * The minimum live time when level 0 holds no live entry and {@code live > 0}: the lowest
   * non-empty bucket's {@link #bucketMin}, rescanned if dirty. Buckets found to hold only dead
   * entries are emptied on the way.
   */
  private long minOutsideLevel0() {
    while (true) {
      int level = Integer.numberOfTrailingZeros(levelsOccupied);
      int b = (level << DIGIT_BITS) | lowestDigit(level);
      if (bucketMin[b] != DIRTY) {
        return bucketMin[b];
      }
      long min = Long.MAX_VALUE;
      boolean found = false;
      int c = headChunk[b];
      int p = headPos[b];
      while (true) {
        int end = c == tailChunk[b] ? tailPos[b] : CHUNK;
        int base = c << CHUNK_LONGS_SHIFT;
        for (; p < end; p++) {
          long t = pool[base + 2 * p];
          if (dead == 0 || !isDead(pool[base + 2 * p + 1])) {
            found = true;
            if (t < min) {
              min = t;
            }
          }
        }
        if (c == tailChunk[b]) {
          break;
        }
        c = chunkNext[c];
        p = 0;
      }
      if (found) {
        bucketMin[b] = min;
        return min;
      }
      refill(b, b); // all dead: drops them and leaves the bucket empty
    }
  }

  /** Moves every live entry of bucket b into lower buckets relative to the new {@code last}. */
  private void cascade(int b) {
    refill(b, -1);
  }

  /**
   * Detaches bucket {@code from} and pushes its live entries, in order, into {@code to} (the same
   * bucket, for compaction) or, when {@code to < 0}, into the bucket each belongs to now.
   */
  private void refill(int from, int to) {
    int c = headChunk[from];
    int p = headPos[from];
    int lastChunk = tailChunk[from];
    int lastEnd = tailPos[from];
    clearBucket(from);
    while (true) {
      int end = c == lastChunk ? lastEnd : CHUNK;
      int base = c << CHUNK_SHIFT;
      for (; p < end; p++) {
        int e = base + p;
        long t = pool[2 * e];
        long handle = pool[2 * e + 1];
        Runnable action = poolAction[e];
        poolAction[e] = null;
        if (dead > 0 && isDead(handle)) {
          freeSlots[freeCount++] = (int) handle;
          dead--;
        } else {
          push(to < 0 ? bucketOf(t) : to, t, handle, action);
        }
      }
      int next = chunkNext[c];
      freeChunk(c); // only after it is read: pushes may reuse it
      if (c == lastChunk) {
        return;
      }
      c = next;
      p = 0;
    }
  }

  private void push(int b, long time, long handle, Runnable action) {
    int c = tailChunk[b];
    int p = tailPos[b];
    if (c == NONE) {
      c = allocChunk();
      headChunk[b] = c;
      tailChunk[b] = c;
      headPos[b] = 0;
      p = 0;
      int level = b >>> DIGIT_BITS;
      int word = b >>> 6; // == level * WORDS + (digit >>> 6)
      digitMask[word] |= 1L << b;
      wordMask[level] |= 1 << (word & (WORDS - 1));
      levelsOccupied |= 1 << level;
    } else if (p == CHUNK) {
      int n = allocChunk();
      chunkNext[c] = n;
      tailChunk[b] = n;
      c = n;
      p = 0;
    }
    int e = (c << CHUNK_SHIFT) + p;
    pool[2 * e] = time;
    pool[2 * e + 1] = handle;
    poolAction[e] = action;
    tailPos[b] = p + 1;
    if (time < bucketMin[b]) {
      bucketMin[b] = time;
    }
  }

  private void clearBucket(int b) {
    headChunk[b] = NONE;
    tailChunk[b] = NONE;
    headPos[b] = 0;
    tailPos[b] = 0;
    bucketMin[b] = Long.MAX_VALUE;
    int word = b >>> 6;
    long m = digitMask[word] & ~(1L << b);
    digitMask[word] = m;
    if (m == 0) {
      int level = b >>> DIGIT_BITS;
      int wm = wordMask[level] & ~(1 << (word & (WORDS - 1)));
      wordMask[level] = wm;
      if (wm == 0) {
        levelsOccupied &= ~(1 << level);
      }
    }
  }

  private int allocChunk() {
    if (freeChunkCount > 0) {
      return freeChunks[--freeChunkCount];
    }
    if (chunksUsed == chunkNext.length) {
      int cap = chunkNext.length * 2;
      pool = Arrays.copyOf(pool, cap << CHUNK_LONGS_SHIFT);
      poolAction = Arrays.copyOf(poolAction, cap << CHUNK_SHIFT);
      chunkNext = Arrays.copyOf(chunkNext, cap);
      freeChunks = Arrays.copyOf(freeChunks, cap);
    }
    return chunksUsed++;
  }

  private void freeChunk(int c) {
    freeChunks[freeChunkCount++] = c;
  }

  private int allocSlot() {
    if (freeCount > 0) {
      return freeSlots[--freeCount];
    }
    if (slotsUsed == slotGen.length) {
      int cap = slotGen.length * 2;
      slotTime = Arrays.copyOf(slotTime, cap);
      slotGen = Arrays.copyOf(slotGen, cap);
      freeSlots = Arrays.copyOf(freeSlots, cap);
    }
    return slotsUsed++;
  }


  /** Removes every cancelled entry, keeping each bucket's order; O(pending). */
  private void compact() {
    for (int b = 0; b < BUCKETS; b++) {
      if (headChunk[b] != NONE) {
        refill(b, b);
      }
    }
    dead = 0;
  }
}
