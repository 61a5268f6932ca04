package org.mesosim.workloads.trace;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Interns byte ranges as Strings without allocating for values already seen (trace users,
 * queues: few distinct values over millions of rows). An open-addressing table keyed by the bytes;
 * its order is never iterated, so it cannot reach results.
 */
public final class ByteInterner {
  private String[] values = new String[1024];
  private byte[][] keys = new byte[1024][];
  private int[] hashes = new int[1024];
  private int size;

  /** The String for {@code b[s..e)} (UTF-8), the same instance every time. */
  public String intern(byte[] b, int s, int e) {
    int h = 1;
    for (int i = s; i < e; i++) {
      h = 31 * h + b[i];
    }
    h ^= h >>> 16;
    int mask = keys.length - 1;
    int slot = h & mask;
    while (true) {
      byte[] k = keys[slot];
      if (k == null) {
        break;
      }
      if (hashes[slot] == h && Arrays.equals(k, 0, k.length, b, s, e)) {
        return values[slot];
      }
      slot = (slot + 1) & mask;
    }
    byte[] k = Arrays.copyOfRange(b, s, e);
    String v = new String(k, StandardCharsets.UTF_8);
    keys[slot] = k;
    hashes[slot] = h;
    values[slot] = v;
    if (++size * 2 > keys.length) {
      grow();
    }
    return v;
  }

  /** Distinct values interned so far. */
  public int size() {
    return size;
  }

  private void grow() {
    byte[][] ok = keys;
    String[] ov = values;
    int[] oh = hashes;
    keys = new byte[ok.length * 2][];
    values = new String[ok.length * 2];
    hashes = new int[ok.length * 2];
    int mask = keys.length - 1;
    for (int i = 0; i < ok.length; i++) {
      if (ok[i] != null) {
        int slot = oh[i] & mask;
        while (keys[slot] != null) {
          slot = (slot + 1) & mask;
        }
        keys[slot] = ok[i];
        values[slot] = ov[i];
        hashes[slot] = oh[i];
      }
    }
  }
}
