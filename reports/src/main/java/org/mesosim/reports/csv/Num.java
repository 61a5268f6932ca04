package org.mesosim.reports.csv;

/**
 * Deterministic, locale-free number formatting for CSV files: fixed-point with at most six
 * decimals, trailing zeros dropped ({@code 0.5}, {@code 2}, {@code 0.333333}), never scientific
 * notation. Times are microseconds shown as seconds, so six decimals are exact for them.
 */
public final class Num {
  private Num() {}

  /** {@code v} rounded half-up to six decimals; NaN and infinities become an empty field. */
  public static String fmt(double v) {
    StringBuilder sb = new StringBuilder(16);
    append(sb, v);
    return sb.toString();
  }

  /** Appends {@code v} as {@link #fmt(double)} does. */
  public static void append(StringBuilder sb, double v) {
    if (!Double.isFinite(v)) {
      return;
    }
    if (Math.abs(v) >= 9.0e12) {
      sb.append(java.math.BigDecimal.valueOf(v).setScale(6, java.math.RoundingMode.HALF_UP)
          .stripTrailingZeros().toPlainString());
      return;
    }
    appendMicros(sb, Math.round(v * 1e6));
  }

  /** Microseconds as seconds: 1500000 → {@code 1.5}. */
  public static String seconds(long micros) {
    StringBuilder sb = new StringBuilder(16);
    appendMicros(sb, micros);
    return sb.toString();
  }

  /** Appends a fixed-point value given in millionths: 1500000 → {@code 1.5}. */
  public static void appendMicros(StringBuilder sb, long micros) {
    if (micros < 0) {
      sb.append('-');
      micros = -micros;
    }
    sb.append(micros / 1_000_000L);
    long frac = micros % 1_000_000L;
    if (frac != 0) {
      sb.append('.');
      int digits = 6;
      while (frac % 10 == 0) {
        frac /= 10;
        digits--;
      }
      String f = Long.toString(frac);
      for (int i = f.length(); i < digits; i++) {
        sb.append('0');
      }
      sb.append(f);
    }
  }

  /** A resource quantity in thousandths as natural units: 1500 → {@code 1.5}. */
  public static void appendMilli(StringBuilder sb, long milli) {
    appendMicros(sb, milli * 1000L);
  }

  /** RFC 4180 quoting: fields with a comma, quote, CR or LF are quoted, quotes doubled. */
  public static String csv(String field) {
    boolean quote = false;
    for (int i = 0; i < field.length(); i++) {
      char c = field.charAt(i);
      if (c == ',' || c == '"' || c == '\n' || c == '\r') {
        quote = true;
        break;
      }
    }
    return quote ? '"' + field.replace("\"", "\"\"") + '"' : field;
  }
}
