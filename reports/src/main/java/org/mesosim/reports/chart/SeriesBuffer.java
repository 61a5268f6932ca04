package org.mesosim.reports.chart;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A bounded, downsampled copy of a time series for charts: named columns of doubles sampled at the
 * same times. Keeps every {@code stride}-th sample; whenever {@code capacity} samples are held, it
 * drops every other one and doubles the stride (uniform decimation). So it holds between
 * capacity/2 and capacity points spread evenly over the run, whatever its length; short-lived
 * spikes narrower than the stride may not show (the CSV has every sample). The last sample offered
 * is always kept (see {@link #times()}).
 */
public final class SeriesBuffer {
  private final List<String> names;
  private final int capacity;
  private double[] time;
  private double[][] cols;
  private int size;
  private long offered;
  private long stride = 1;
  private double lastTime = Double.NaN;
  private double[] last;

  /** @param names column names @param capacity maximum points kept (≥ 4) */
  public SeriesBuffer(List<String> names, int capacity) {
    if (capacity < 4) {
      throw new IllegalArgumentException("capacity must be >= 4");
    }
    this.names = List.copyOf(names);
    this.capacity = capacity;
    this.time = new double[capacity];
    this.cols = new double[names.size()][capacity];
    this.last = new double[names.size()];
  }

  public List<String> names() {
    return names;
  }

  /** Offers one sample: time in seconds, one value per column. */
  public void add(double t, double[] values) {
    lastTime = t;
    System.arraycopy(values, 0, last, 0, last.length);
    if (offered++ % stride != 0) {
      return;
    }
    if (size == capacity) {
      int k = 0;
      for (int i = 0; i < size; i += 2) {
        time[k] = time[i];
        for (double[] c : cols) {
          c[k] = c[i];
        }
        k++;
      }
      size = k;
      stride *= 2;
      if ((offered - 1) % stride != 0) {
        return;
      }
    }
    time[size] = t;
    for (int j = 0; j < cols.length; j++) {
      cols[j][size] = values[j];
    }
    size++;
  }

  private boolean lastIncluded() {
    return size > 0 && time[size - 1] == lastTime;
  }

  /** Sample times (seconds), including the last sample offered. */
  public double[] times() {
    double[] t = Arrays.copyOf(time, size + (lastIncluded() || Double.isNaN(lastTime) ? 0 : 1));
    if (t.length > size) {
      t[size] = lastTime;
    }
    return t;
  }

  /** Values of column {@code name}, aligned with {@link #times()}. */
  public double[] column(String name) {
    int j = names.indexOf(name);
    if (j < 0) {
      throw new IllegalArgumentException("no column " + name);
    }
    double[] v = Arrays.copyOf(cols[j], size + (lastIncluded() || Double.isNaN(lastTime) ? 0 : 1));
    if (v.length > size) {
      v[size] = last[j];
    }
    return v;
  }

  /** Number of points {@link #times()} returns. */
  public int points() {
    return times().length;
  }

  /** Column names matching a prefix, in column order. */
  public List<String> withPrefix(String prefix) {
    List<String> out = new ArrayList<>();
    for (String n : names) {
      if (n.startsWith(prefix)) {
        out.add(n);
      }
    }
    return out;
  }
}
