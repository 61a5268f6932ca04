package org.mesosim.workloads.trace;

/**
 * Hand-written parsing of ASCII numbers in byte ranges, without creating Strings. Integers are
 * exact; decimals take the exact fast path (at most 15 significant digits and a power of ten up to
 * 22, where one IEEE multiplication or division is correctly rounded) and otherwise fall back to
 * {@link Double#parseDouble}, so the result always equals {@code Double.parseDouble} of the text.
 */
public final class Fields {
  private static final double[] POW10 = new double[23];

  static {
    double p = 1;
    for (int i = 0; i < POW10.length; i++) {
      POW10[i] = p;
      p *= 10;
    }
  }

  private Fields() {}

  /** An optional sign and digits; a decimal point followed only by zeros ({@code 3.0}) is accepted. */
  public static long parseLong(byte[] b, int s, int e, String name) {
    if (e - s == 1) { // one digit (event types, priorities, small indexes): the common case
      int d = b[s] - '0';
      if (d >= 0 && d <= 9) {
        return d;
      }
    }
    if (s >= e) {
      throw new MalformedRowException(name + " is empty");
    }
    boolean neg = false;
    int i = s;
    if (b[i] == '-' || b[i] == '+') {
      neg = b[i] == '-';
      i++;
      if (i == e) {
        throw notNumber(b, s, e, name);
      }
    }
    long v = 0;
    int digits = 0;
    for (; i < e; i++) {
      int d = b[i] - '0';
      if (d < 0 || d > 9) {
        if (b[i] == '.' && i > s) {
          for (int j = i + 1; j < e; j++) {
            if (b[j] != '0') {
              throw new MalformedRowException(name + " must be a whole number, not " + text(b, s, e));
            }
          }
          break;
        }
        throw notNumber(b, s, e, name);
      }
      if (++digits > 18) { // 18 digits always fit a long; check beyond (no division per digit)
        try {
          v = Math.addExact(Math.multiplyExact(v, 10L), d);
        } catch (ArithmeticException x) {
          throw new MalformedRowException(name + " is out of range: " + text(b, s, e));
        }
      } else {
        v = v * 10 + d;
      }
    }
    return neg ? -v : v;
  }

  /** A decimal number, with optional sign, fraction and exponent. */
  public static double parseDouble(byte[] b, int s, int e, String name) {
    if (s >= e) {
      throw new MalformedRowException(name + " is empty");
    }
    int i = s;
    boolean neg = false;
    if (b[i] == '-' || b[i] == '+') {
      neg = b[i] == '-';
      i++;
    }
    long mant = 0;
    int digits = 0;
    int scale = 0;
    boolean seenDigit = false;
    boolean dot = false;
    for (; i < e; i++) {
      byte c = b[i];
      if (c >= '0' && c <= '9') {
        seenDigit = true;
        if (mant == 0 && c == '0') {
          if (dot) {
            scale--;
          }
          continue;
        }
        if (digits < 18) {
          mant = mant * 10 + (c - '0');
          digits++;
          if (dot) {
            scale--;
          }
        } else {
          return slow(b, s, e, name);
        }
      } else if (c == '.' && !dot) {
        dot = true;
      } else if (c == 'e' || c == 'E') {
        break;
      } else {
        throw notNumber(b, s, e, name);
      }
    }
    if (!seenDigit) {
      throw notNumber(b, s, e, name);
    }
    if (i < e) { // exponent
      i++;
      boolean eneg = false;
      if (i < e && (b[i] == '-' || b[i] == '+')) {
        eneg = b[i] == '-';
        i++;
      }
      if (i >= e) {
        throw notNumber(b, s, e, name);
      }
      int ex = 0;
      for (; i < e; i++) {
        int d = b[i] - '0';
        if (d < 0 || d > 9) {
          throw notNumber(b, s, e, name);
        }
        if (ex < 10000) {
          ex = ex * 10 + d;
        }
      }
      scale += eneg ? -ex : ex;
    }
    double v;
    if (mant == 0) {
      v = 0.0;
    } else if (digits <= 15 && scale >= -22 && scale <= 22) {
      v = scale < 0 ? mant / POW10[-scale] : mant * POW10[scale];
    } else {
      return slow(b, s, e, name);
    }
    return neg ? -v : v;
  }

  private static double slow(byte[] b, int s, int e, String name) {
    for (int i = s; i < e; i++) { // Double.parseDouble also takes blanks, a d/f suffix, "0x…p…"
      byte c = b[i];
      if ((c < '0' || c > '9') && c != '.' && c != 'e' && c != 'E' && c != '+' && c != '-') {
        throw notNumber(b, s, e, name);
      }
    }
    try {
      return Double.parseDouble(text(b, s, e));
    } catch (NumberFormatException x) {
      throw notNumber(b, s, e, name);
    }
  }

  private static MalformedRowException notNumber(byte[] b, int s, int e, String name) {
    return new MalformedRowException(name + " is not a number: '" + text(b, s, e) + "'");
  }

  /** The bytes as ISO-8859-1 text. */
  public static String text(byte[] b, int s, int e) {
    return new String(b, s, e - s, java.nio.charset.StandardCharsets.ISO_8859_1);
  }

  /** True if the range equals the ASCII string. */
  public static boolean equalsAscii(byte[] b, int s, int e, String ascii) {
    if (e - s != ascii.length()) {
      return false;
    }
    for (int i = 0; i < ascii.length(); i++) {
      if (b[s + i] != ascii.charAt(i)) {
        return false;
      }
    }
    return true;
  }
}
