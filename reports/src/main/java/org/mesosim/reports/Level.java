package org.mesosim.reports;

/** A piecewise-constant level with its running time integral (the metrics' time-weighted means). */
final class Level {
  double value;
  double integral;
  long since;

  Level(double initial) {
    value = initial;
  }

  void set(long t, double v) {
    if (t > since) {
      integral += value * (t - since);
      since = t;
    }
    value = v;
  }

  /** Time-weighted mean over [0, end]; the value itself when end is 0. */
  double mean(long end) {
    if (end <= 0) {
      return value;
    }
    double i = integral + value * (end - since);
    return i / end;
  }

  /** The summary's mean over [0, end] and final value. */
  RunSummary.MeanFinal meanFinal(long end) {
    return new RunSummary.MeanFinal(mean(end), value);
  }

  /** {@code n} levels starting at 0. */
  static Level[] zeros(int n) {
    Level[] l = new Level[n];
    for (int i = 0; i < n; i++) {
      l[i] = new Level(0.0);
    }
    return l;
  }
}
