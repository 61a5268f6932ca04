package org.mesosim.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * An immutable vector of scalar resource quantities ({@code cpus}, {@code mem} MB, {@code disk}
 * MB, {@code gpus}, and any custom scalar), indexed by {@link ResourceNames}.
 *
 * <p>Quantities are fixed-point with three decimal digits, stored as {@code long} thousandths,
 * exactly as Mesos stores scalar values since 1.0 ({@code src/common/values.cpp},
 * {@code convertToFixed}: "scalar resource values are rounded to 3 decimal digits"). Arithmetic is
 * therefore exact and deterministic: {@code 0.1 + 0.2 == 0.3}. Missing trailing entries are zero.
 * Quantities are never negative; {@link #minus} of something not contained is an error.
 */
public final class Resources implements Comparable<Resources> {
  /** Fixed-point scale: 1 unit = 1000 milli-units. */
  public static final long SCALE = 1000L;

  public static final Resources EMPTY = new Resources(new long[0]);

  private final long[] milli;
  /** Cached {@link #toString()}; the vector is immutable. */
  private String text;

  private Resources(long[] milli) {
    this.milli = milli;
  }

  /** Builds from a name → amount map (amounts in natural units, e.g. cpus 1.5, mem 4096). */
  public static Resources of(Map<String, ? extends Number> amounts) {
    long[] v = new long[0];
    for (Map.Entry<String, ? extends Number> e : amounts.entrySet()) {
      int idx = ResourceNames.index(e.getKey());
      if (idx >= v.length) {
        v = Arrays.copyOf(v, idx + 1);
      }
      v[idx] = toMilli(e.getKey(), e.getValue().doubleValue());
    }
    return trimmed(v);
  }

  /** {@code cpus} and {@code mem} (MB). */
  public static Resources of(double cpus, double mem) {
    return ofMilli(new long[] {toMilli("cpus", cpus), toMilli("mem", mem)});
  }

  /** {@code cpus}, {@code mem} (MB) and {@code disk} (MB). */
  public static Resources of(double cpus, double mem, double disk) {
    return ofMilli(new long[] {toMilli("cpus", cpus), toMilli("mem", mem), toMilli("disk", disk)});
  }

  /** One named amount. */
  public static Resources of(String name, double amount) {
    int idx = ResourceNames.index(name);
    long[] v = new long[idx + 1];
    v[idx] = toMilli(name, amount);
    return trimmed(v);
  }

  /** From thousandths indexed by {@link ResourceNames}; the array is copied. */
  public static Resources ofMilli(long[] milli) {
    int n = 0; // the length without trailing zeros: one copy of exactly that length
    for (int i = 0; i < milli.length; i++) {
      if (milli[i] < 0) {
        throw new IllegalArgumentException("negative quantity of " + ResourceNames.name(i));
      }
      if (milli[i] != 0) {
        n = i + 1;
      }
    }
    return n == 0 ? EMPTY : new Resources(Arrays.copyOf(milli, n));
  }

  /** Converts a natural amount to thousandths, rounding half-even to 3 decimals as Mesos does. */
  public static long toMilli(String name, double amount) {
    if (!Double.isFinite(amount) || amount < 0) {
      throw new IllegalArgumentException(name + ": must be a finite number >= 0, not " + amount);
    }
    return Math.round(amount * SCALE);
  }

  private static Resources trimmed(long[] v) {
    int n = v.length;
    while (n > 0 && v[n - 1] == 0) {
      n--;
    }
    if (n == 0) {
      return EMPTY;
    }
    return new Resources(n == v.length ? v : Arrays.copyOf(v, n));
  }

  /** Thousandths of the resource at {@code index}. */
  public long milli(int index) {
    return index < milli.length ? milli[index] : 0L;
  }

  /** Amount in natural units of the resource at {@code index}. */
  public double get(int index) {
    return milli(index) / (double) SCALE;
  }

  /** Amount in natural units of the named resource (0 if unknown). */
  public double get(String name) {
    int idx = ResourceNames.find(name);
    return idx < 0 ? 0.0 : get(idx);
  }

  public double cpus() {
    return get(ResourceNames.CPUS);
  }

  public double mem() {
    return get(ResourceNames.MEM);
  }

  public double disk() {
    return get(ResourceNames.DISK);
  }

  public double gpus() {
    return get(ResourceNames.GPUS);
  }

  /** Length of the underlying vector: every index at or beyond it is zero. */
  public int width() {
    return milli.length;
  }

  /** A copy of the thousandths vector. */
  public long[] toMilliArray() {
    return milli.clone();
  }

  public boolean isEmpty() {
    return milli.length == 0;
  }

  public Resources plus(Resources o) {
    if (o.isEmpty()) {
      return this;
    }
    if (isEmpty()) {
      return o;
    }
    long[] a = milli.length >= o.milli.length ? milli.clone() : Arrays.copyOf(milli, o.milli.length);
    for (int i = 0; i < o.milli.length; i++) {
      a[i] += o.milli[i];
    }
    return trimmed(a);
  }

  /** This minus {@code o}; {@code o} must be contained. */
  public Resources minus(Resources o) {
    if (o.isEmpty()) {
      return this;
    }
    if (!contains(o)) {
      throw new IllegalArgumentException("cannot subtract " + o + " from " + this);
    }
    long[] a = milli.clone();
    for (int i = 0; i < o.milli.length; i++) {
      a[i] -= o.milli[i];
    }
    return trimmed(a);
  }

  /** Per-name max(0, this − o), as Mesos' quantity subtraction in the allocator's headroom. */
  public Resources minusFloored(Resources o) {
    long[] a = milli.clone();
    for (int i = 0; i < Math.min(a.length, o.milli.length); i++) {
      a[i] = Math.max(0, a[i] - o.milli[i]);
    }
    return trimmed(a);
  }

  /** Per-name minimum. */
  public Resources min(Resources o) {
    long[] a = new long[Math.min(milli.length, o.milli.length)];
    for (int i = 0; i < a.length; i++) {
      a[i] = Math.min(milli[i], o.milli[i]);
    }
    return trimmed(a);
  }

  /** Scales every quantity by {@code k}, rounding to 3 decimals. */
  public Resources times(double k) {
    long[] a = new long[milli.length];
    for (int i = 0; i < a.length; i++) {
      a[i] = Math.round(milli[i] * k);
    }
    return trimmed(a);
  }

  /** True iff every quantity of {@code o} is at most this one's (Mesos {@code contains}). */
  public boolean contains(Resources o) {
    long[] b = o.milli;
    for (int i = 0; i < b.length; i++) {
      if (b[i] > (i < milli.length ? milli[i] : 0L)) {
        return false;
      }
    }
    return true;
  }

  /** Names with a non-zero quantity, in output order. */
  public List<String> names() {
    List<String> present = new ArrayList<>();
    for (int i = 0; i < milli.length; i++) {
      if (milli[i] != 0) {
        present.add(ResourceNames.name(i));
      }
    }
    return ResourceNames.outputOrder(present);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Resources r && Arrays.equals(milli, r.milli);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(milli);
  }

  /** Orders by the vector, lexicographically by index; a stable, documented total order. */
  @Override
  public int compareTo(Resources o) {
    return Arrays.compare(milli, o.milli);
  }

  /**
   * Mesos' text form, e.g. {@code cpus:1.5; mem:4096}. Cached: the digest prints a task's
   * resources at every launch, and the tasks of one shape share one instance.
   */
  @Override
  public String toString() {
    String t = text;
    if (t == null) {
      t = render();
      text = t; // benign race: every thread computes the same immutable string
    }
    return t;
  }

  private String render() {
    if (isEmpty()) {
      return "{}";
    }
    StringBuilder sb = new StringBuilder();
    if (milli.length <= ResourceNames.CANONICAL.size()) {
      // Fast path (same output): only built-in names, whose output order is their index order.
      for (int i = 0; i < milli.length; i++) {
        if (milli[i] != 0) {
          if (sb.length() > 0) {
            sb.append("; ");
          }
          sb.append(ResourceNames.CANONICAL.get(i)).append(':').append(format(milli[i]));
        }
      }
      return sb.toString();
    }
    for (String n : names()) {
      if (sb.length() > 0) {
        sb.append("; ");
      }
      sb.append(n).append(':').append(format(milli(ResourceNames.find(n))));
    }
    return sb.toString();
  }

  /**
   * Feeds {@link #toString()} into {@code d} as {@code d.str(toString())} would, without building
   * the string when it is not cached yet (built-in names, non-negative amounts; anything else
   * falls back to the string): the characters are written into the digest's scratch buffer with
   * constant-divisor arithmetic and folded in one pass.
   */
  public void digestInto(org.mesosim.engine.Digest d) {
    String t = text;
    if (t != null || milli.length == 0 || milli.length > ResourceNames.CANONICAL.size()) {
      d.str(toString());
      return;
    }
    // "name:amount" joined by "; ": at most 4 + 1 + 19 digits + 1 + 3 + 2 per name.
    char[] c = d.buffer(milli.length * 30);
    int n = 0;
    for (int i = 0; i < milli.length; i++) {
      long v = milli[i];
      if (v < 0) {
        d.str(toString());
        return;
      }
      if (v == 0) {
        continue;
      }
      if (n > 0) {
        c[n++] = ';';
        c[n++] = ' ';
      }
      String name = ResourceNames.CANONICAL.get(i);
      name.getChars(0, name.length(), c, n);
      n += name.length();
      c[n++] = ':';
      n = formatInto(c, n, v);
    }
    if (n == 0) {
      d.str(toString());
      return;
    }
    d.strBuffer(n);
  }

  /** Writes {@link #format(long)} of {@code v >= 0} into {@code c} at {@code at}; returns the end. */
  static int formatInto(char[] c, int at, long v) {
    long whole = v / SCALE;
    int frac = (int) (v - whole * SCALE);
    int len = 1;
    for (long x = whole; x >= 10; x /= 10) {
      len++;
    }
    int end = at + len;
    long x = whole;
    for (int i = end - 1; i >= at; i--) {
      long q = x / 10;
      c[i] = (char) ('0' + (x - q * 10));
      x = q;
    }
    if (frac != 0) {
      c[end++] = '.';
      c[end++] = (char) ('0' + frac / 100);
      int rest = frac % 100;
      if (rest != 0) {
        c[end++] = (char) ('0' + rest / 10);
        if (rest % 10 != 0) {
          c[end++] = (char) ('0' + rest % 10);
        }
      }
    }
    return end;
  }

  /** Formats thousandths without trailing zeros: 1500 → "1.5", 4096000 → "4096". */
  public static String format(long milli) {
    if (milli % SCALE == 0) {
      return Long.toString(milli / SCALE);
    }
    String s = java.math.BigDecimal.valueOf(milli, 3).stripTrailingZeros().toPlainString();
    return s;
  }
}
