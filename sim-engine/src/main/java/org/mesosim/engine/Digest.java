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
    int n = s.length();
    mix(n);
    long acc = 0;
    int k = 0;
    for (int i = 0; i < n; i++) {
      acc = (acc << 16) | s.charAt(i);
      if (++k == 4) {
        mix(acc);
        acc = 0;
        k = 0;
      }
    }
    if (k > 0) {
      mix(acc);
    }
    return this;
  }

  // Streamed string state (strBegin / strChar / strEnd).
  private long strAcc;
  private int strK;
  private int strLeft = -1;

  /**
   * Starts a string of exactly {@code length} characters fed one by one with {@link #strChar} and
   * closed with {@link #strEnd}: the same digest as {@code str(s)} for the string those characters
   * form, without building it (for hot paths that would otherwise format numbers into a String).
   */
  public Digest strBegin(int length) {
    if (strLeft >= 0) {
      throw new IllegalStateException("a streamed string is already open");
    }
    mix(length);
    strAcc = 0;
    strK = 0;
    strLeft = length;
    return this;
  }

  /** One character of the open streamed string. */
  public Digest strChar(char c) {
    if (strLeft <= 0) {
      throw new IllegalStateException("more characters than announced");
    }
    strLeft--;
    strAcc = (strAcc << 16) | c;
    if (++strK == 4) {
      mix(strAcc);
      strAcc = 0;
      strK = 0;
    }
    return this;
  }

  /** Closes the streamed string; it must have received exactly the announced characters. */
  public Digest strEnd() {
    if (strLeft != 0) {
      throw new IllegalStateException("streamed string ended " + strLeft + " characters short");
    }
    strLeft = -1;
    if (strK > 0) {
      mix(strAcc);
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
