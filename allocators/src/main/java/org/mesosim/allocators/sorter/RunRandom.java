package org.mesosim.allocators.sorter;

/**
 * The small generator an allocation run draws from (agent shuffle, random sorter, chopping). It is
 * re-seeded at the start of every run from one draw of the allocator's named stream
 * ({@code AllocatorContext#random()}), so every run consumes exactly one value of that stream,
 * whether it does work or is skipped: skipping a run that cannot change anything is then
 * invisible to all later runs. SplitMix64 (Steele, Lea and Flood, OOPSLA 2014); bounded values by
 * Lemire's multiply-shift with rejection, so they are unbiased. Bit-for-bit the same on every JVM.
 */
public final class RunRandom {
  private long state;

  public RunRandom(long seed) {
    this.state = seed;
  }

  /** Restarts the sequence from {@code seed}. */
  public void reseed(long seed) {
    this.state = seed;
  }

  public long nextLong() {
    long z = (state += 0x9E3779B97F4A7C15L);
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** Uniform in {@code [0, bound)}, {@code bound > 0}. */
  public int nextInt(int bound) {
    if (bound <= 0) {
      throw new IllegalArgumentException("bound must be > 0");
    }
    long m = (nextLong() >>> 32) * bound;
    long low = m & 0xFFFFFFFFL;
    if (low < bound) {
      long threshold = (0x100000000L - bound) % bound;
      while (low < threshold) {
        m = (nextLong() >>> 32) * bound;
        low = m & 0xFFFFFFFFL;
      }
    }
    return (int) (m >>> 32);
  }

  /** Uniform in {@code [0, 1)}. */
  public double nextDouble() {
    return (nextLong() >>> 11) * 0x1.0p-53;
  }

  /** Fisher-Yates shuffle of {@code a[0..n)}. */
  public void shuffle(int[] a, int n) {
    for (int i = n - 1; i > 0; i--) {
      int j = nextInt(i + 1);
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }
}
