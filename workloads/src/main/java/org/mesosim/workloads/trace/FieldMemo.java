package org.mesosim.workloads.trace;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Remembers the bytes of one column's last parsed value, so a reader can skip parsing when the
 * next row repeats them: trace rows come in bursts that share a timestamp, a job ID, a user or a
 * request, and comparing a few bytes costs less than parsing them again. Values longer than
 * {@value #MAX} bytes are not remembered.
 */
public final class FieldMemo {
  /** The longest value remembered, in bytes. */
  public static final int MAX = 64;
  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long[] MASKS = new long[9];

  static {
    for (int i = 0; i < 8; i++) {
      MASKS[i] = (1L << (8 * i)) - 1;
    }
    MASKS[8] = -1L;
  }

  private final byte[] last = new byte[MAX];
  private long word0;
  private long word1;
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
    if (n <= 16 && s + 16 <= b.length) { // one or two 8-byte words (numbers, requests)
      long w0 = (long) LONGS.get(b, s);
      if (n <= 8) {
        return (w0 & MASKS[n]) == word0;
      }
      return w0 == word0 && ((long) LONGS.get(b, s + 8) & MASKS[n - 8]) == word1;
    }
    byte[] l = last;
    for (int i = n - 1; i >= 0; i--) { // backwards: values that differ usually differ at their ends
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
    if (n <= 16 && s + 16 <= b.length) {
      long w0 = (long) LONGS.get(b, s);
      word0 = n <= 8 ? w0 & MASKS[n] : w0;
      word1 = n <= 8 ? 0 : (long) LONGS.get(b, s + 8) & MASKS[n - 8];
    } else {
      word0 = word(0, Math.min(n, 8));
      word1 = n > 8 ? word(8, Math.min(n - 8, 8)) : 0;
    }
  }

  /** Bytes [from, from + n) of the remembered value as a little-endian word, zero-padded. */
  private long word(int from, int n) {
    long w = 0;
    for (int i = n - 1; i >= 0; i--) {
      w = (w << 8) | (last[from + i] & 0xFF);
    }
    return w;
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
