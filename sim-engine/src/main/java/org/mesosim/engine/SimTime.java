package org.mesosim.engine;

/**
 * Virtual time: a {@code long} count of microseconds since the start of a run.
 *
 * <p>Time is never a {@code double}: equal instants compare equal, and no arithmetic rounding
 * can reorder events. Helpers here convert to and from other units; parsing and formatting of
 * user-facing strings lives in {@link Durations}.
 */
public final class SimTime {
  /** Microseconds in one millisecond. */
  public static final long MILLISECOND = 1_000L;
  /** Microseconds in one second. */
  public static final long SECOND = 1_000_000L;
  /** Microseconds in one minute. */
  public static final long MINUTE = 60 * SECOND;
  /** Microseconds in one hour. */
  public static final long HOUR = 60 * MINUTE;
  /** Microseconds in one day. */
  public static final long DAY = 24 * HOUR;
  /** A time that is never reached: "forever", "never", no deadline. */
  public static final long NEVER = Long.MAX_VALUE;

  private SimTime() {}

  public static long seconds(double s) {
    return Math.round(s * SECOND);
  }

  public static long millis(long ms) {
    return Math.multiplyExact(ms, MILLISECOND);
  }

  public static double toSeconds(long micros) {
    return micros / (double) SECOND;
  }

  /** Adds a delay to a time, saturating at {@link #NEVER} instead of overflowing. */
  public static long plus(long time, long delay) {
    long r = time + delay;
    if (((time ^ r) & (delay ^ r)) < 0) {
      return delay > 0 ? NEVER : Long.MIN_VALUE;
    }
    return r;
  }
}
