package org.mesosim.engine;

/**
 * Folds the stream of observable events into one 128-bit value, printed as 32 hex digits.
 *
 * <p>Model code reports each observable event as a kind, the time, and key fields:
 * {@code digest.event("offer", now).str(fw).str(agent).num(cpusMilli)}. The hash is two
 * independent 64-bit lanes of a multiply-xorshift mix (in the spirit of SplitMix64 and
 * MurmurHash3's finaliser), so it is fast, allocation-free, and identical on every JVM: only
 * integers and the UTF-16 code units of strings go in, never identity hashes or floating-point
 * formatting. Doubles are folded through {@link Double#doubleToLongBits}.
 */
public final class Digest {
  private static final long M1 = 0x9E3779B97F4A7C15L;
  private static final long M2 = 0xC2B2AE3D27D4EB4FL;
  private static final long M3 = 0x165667B19E3779F9L;

  private long a = 0x6A09E667F3BCC908L;
  private long b = 0xBB67AE8584CAA73BL;
  private long events;

  /** Starts a new observable event. */
  public Digest event(String kind, long time) {
    events++;
    mix(0xE7E7E7E7L ^ events);
    str(kind);
    return num(time);
  }

  public Digest num(long v) {
    mix(v);
    return this;
  }

  public Digest real(double v) {
    // Normalise -0.0 and NaNs so equal values always digest equally.
    if (v == 0.0) {
      v = 0.0;
    }
    mix(Double.doubleToLongBits(v));
    return this;
  }

  public Digest str(String s) {
    if (s == null) {
      mix(0x5A5A5A5A5A5AL);
      return this;
    }
    // Length, then the UTF-16 code units packed four to a long (the last group unpadded).
    int n = s.length();
    s.getChars(0, n, buffer(n), 0);
    return strBuffer(n);
  }

  // Scratch characters for strBuffer (one per digest, so confined to its simulation's thread).
  private char[] buf = new char[64];

  /**
   * A scratch buffer of at least {@code capacity} characters in which a hot path builds a string
   * to fold with {@link #strBuffer}; valid until the next call of {@code buffer}, {@code str} or
   * {@code strBuffer}.
   */
  public char[] buffer(int capacity) {
    if (buf.length < capacity) {
      buf = new char[Math.max(capacity, buf.length * 2)];
    }
    return buf;
  }

  /** Folds the first {@code length} characters of {@link #buffer}: the same digest as {@code str} of them. */
  public Digest strBuffer(int length) {
    char[] c = buf;
    mix(length);
    int i = 0;
    for (; i + 4 <= length; i += 4) {
      mix(((long) c[i] << 48) | ((long) c[i + 1] << 32) | ((long) c[i + 2] << 16) | c[i + 3]);
    }
    if (i < length) {
      long acc = 0;
      for (; i < length; i++) {
        acc = (acc << 16) | c[i];
      }
      mix(acc);
    }
    return this;
  }

  public Digest bool(boolean v) {
    mix(v ? 1 : 2);
    return this;
  }

  private void mix(long v) {
    a = Long.rotateLeft(a ^ (v * M1), 31) * M2;
    b = Long.rotateLeft(b + (v ^ M3) * M2, 27) * M1 + 0x52DCE729L;
  }

  /** Number of events folded in. */
  public long events() {
    return events;
  }

  /** The digest so far, as 32 lowercase hex digits. Does not change the state. */
  public String hex() {
    long x = fin(a ^ Long.rotateLeft(b, 17) ^ events);
    long y = fin(b ^ Long.rotateLeft(a, 41) ^ (events * M3));
    return String.format("%016x%016x", x, y);
  }

  private static long fin(long z) {
    z = (z ^ (z >>> 33)) * 0xFF51AFD7ED558CCDL;
    z = (z ^ (z >>> 33)) * 0xC4CEB9FE1A85EC53L;
    return z ^ (z >>> 33);
  }

  /** Convenience: digest of one string, for tests and tools. */
  public static String of(String text) {
    Digest d = new Digest();
    d.event("text", 0).str(text);
    return d.hex();
  }
}
