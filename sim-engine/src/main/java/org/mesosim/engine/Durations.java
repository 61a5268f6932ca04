package org.mesosim.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Parses and formats durations such as {@code 500us}, {@code 250ms}, {@code 5s}, {@code 10m},
 * {@code 2h}, {@code 1d}, or a bare number of seconds ({@code 1.5}). Values are held as
 * microseconds ({@link SimTime}).
 *
 * <p>Parsing is exact: decimal values are converted with {@link BigDecimal}, so {@code 0.1s} is
 * exactly 100000 us, and anything finer than a microsecond is an error rather than silently
 * rounded.
 */
public final class Durations {
  private Durations() {}

  /** Accepted unit suffixes, longest first so that "ms" wins over "m". */
  private static final String[] UNITS = {"us", "ms", "s", "m", "h", "d"};

  private static final long[] FACTORS = {
    1L, SimTime.MILLISECOND, SimTime.SECOND, SimTime.MINUTE, SimTime.HOUR, SimTime.DAY
  };

  /**
   * Parses a duration string.
   *
   * @throws DurationFormatException naming the offending text and the accepted forms
   */
  public static long parse(String text) {
    if (text == null) {
      throw new DurationFormatException("a duration is required, e.g. 250ms, 5s, 10m");
    }
    String s = text.trim();
    if (s.isEmpty()) {
      throw new DurationFormatException("empty duration; expected e.g. 250ms, 5s, 10m");
    }
    int unitIdx = 2; // bare numbers are seconds
    String number = s;
    for (int i = 0; i < UNITS.length; i++) {
      String u = UNITS[i];
      if (s.endsWith(u)) {
        String head = s.substring(0, s.length() - u.length()).trim();
        // "ms" must not be read as "m" + "s"; only accept if the head is numeric.
        if (!head.isEmpty() && isNumeric(head)) {
          unitIdx = i;
          number = head;
          break;
        }
      }
    }
    if (!isNumeric(number)) {
      throw new DurationFormatException(
          "'" + text + "' is not a duration; expected a number with a unit (us, ms, s, m, h, d),"
              + " e.g. 250ms, 5s, 10m, or a bare number of seconds");
    }
    BigDecimal value;
    try {
      value = new BigDecimal(number);
    } catch (NumberFormatException e) {
      throw new DurationFormatException("'" + text + "' is not a duration: bad number '" + number + "'");
    }
    if (value.signum() < 0) {
      throw new DurationFormatException("'" + text + "': a duration must not be negative");
    }
    BigDecimal micros = value.multiply(BigDecimal.valueOf(FACTORS[unitIdx]));
    BigDecimal whole;
    try {
      whole = micros.setScale(0, RoundingMode.UNNECESSARY);
    } catch (ArithmeticException e) {
      throw new DurationFormatException(
          "'" + text + "' is finer than the simulator's resolution of one microsecond");
    }
    if (whole.compareTo(BigDecimal.valueOf(Long.MAX_VALUE - 1)) >= 0) {
      throw new DurationFormatException("'" + text + "' is too long a duration");
    }
    return whole.longValueExact();
  }

  /** Parses a number of seconds given as a number in YAML (e.g. {@code refuseSeconds: 5}). */
  public static long ofSeconds(double seconds) {
    if (!(seconds >= 0) || Double.isInfinite(seconds)) {
      throw new DurationFormatException(seconds + " is not a valid number of seconds");
    }
    return BigDecimal.valueOf(seconds).multiply(BigDecimal.valueOf(SimTime.SECOND))
        .setScale(0, RoundingMode.HALF_EVEN).longValueExact();
  }

  private static boolean isNumeric(String s) {
    if (s.isEmpty()) {
      return false;
    }
    int digits = 0;
    int dots = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        digits++;
      } else if (c == '.') {
        dots++;
      } else if (!(i == 0 && (c == '-' || c == '+'))) {
        return false;
      }
    }
    return digits > 0 && dots <= 1;
  }

  /**
   * Formats a duration in the largest unit that represents it exactly, e.g. {@code 90s},
   * {@code 250ms}, {@code 2h}; {@link SimTime#NEVER} is {@code never} (for display only; it
   * does not parse). Every other result parses back to the same value.
   */
  public static String format(long micros) {
    if (micros == SimTime.NEVER) {
      return "never";
    }
    if (micros == 0) {
      return "0s";
    }
    for (int i = FACTORS.length - 1; i >= 0; i--) {
      if (micros % FACTORS[i] == 0) {
        return (micros / FACTORS[i]) + UNITS[i];
      }
    }
    return micros + "us";
  }

  /** Formats a time as seconds with microsecond precision, e.g. {@code 12.000250}. */
  public static String formatSeconds(long micros) {
    long s = micros / SimTime.SECOND;
    long us = Math.abs(micros % SimTime.SECOND);
    return s + "." + String.format("%06d", us);
  }
}
