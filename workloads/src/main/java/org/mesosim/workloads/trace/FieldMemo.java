package org.mesosim.workloads.trace;

/**
 * Remembers the bytes of one column's last parsed value, so a reader can skip parsing when the
 * next row repeats them: trace rows come in bursts that share a timestamp, a job ID, a user or a
 * request, and comparing a few bytes costs less than parsing them again. Values longer than
 * {@value #MAX} bytes are not remembered.
 */
public final class FieldMemo {
  /** The longest value remembered, in bytes. */
  public static final int MAX = 64;
  private final byte[] last = new byte[MAX];
  private int len = -1;
  private long longValue;
  private double doubleValue;
  private Object objectValue;

  /** True if bytes [s, e) of {@code b} equal the remembered ones. */
  public boolean same(byte[] b, int s, int e) {
    int n = e - s;
    if (n != len) {
      return false;
    }
    byte[] l = last;
    // backwards: numbers that differ (IDs, times, requests) usually differ in their last digits;
    // short fields: a plain loop beats a vectorized mismatch call
    for (int i = n - 1; i >= 0; i--) {
      if (b[s + i] != l[i]) {
        return false;
      }
    }
    return true;
  }

  /** Remembers bytes [s, e) of {@code b} (forgets them if longer than {@value #MAX}). */
  private void keep(byte[] b, int s, int e) {
    int n = e - s;
    if (n > MAX) {
      len = -1;
      return;
    }
    System.arraycopy(b, s, last, 0, n);
    len = n;
  }

  /** Field {@code i} of the current line as a long, parsed only if it differs from the last one. */
  public long longField(TraceLines lines, int i, String name) {
    byte[] b = lines.buf();
    int s = lines.fieldStart(i);
    int e = lines.fieldEnd(i);
    if (same(b, s, e)) {
      return longValue;
    }
    long v = Fields.parseLong(b, s, e, name);
    keep(b, s, e);
    longValue = v;
    return v;
  }

  /** Field {@code i} of the current line as a double, parsed only if it differs from the last one. */
  public double doubleField(TraceLines lines, int i, String name) {
    byte[] b = lines.buf();
    int s = lines.fieldStart(i);
    int e = lines.fieldEnd(i);
    if (same(b, s, e)) {
      return doubleValue;
    }
    double v = Fields.parseDouble(b, s, e, name);
    keep(b, s, e);
    doubleValue = v;
    return v;
  }

  /** Field {@code i} of the current line interned by {@code interner}, looked up only if it differs from the last one. */
  public String internedField(TraceLines lines, int i, ByteInterner interner) {
    byte[] b = lines.buf();
    int s = lines.fieldStart(i);
    int e = lines.fieldEnd(i);
    if (objectValue != null && same(b, s, e)) {
      return (String) objectValue;
    }
    String v = interner.intern(b, s, e);
    keep(b, s, e);
    objectValue = len < 0 ? null : v;
    return v;
  }
}
