package org.mesosim.reports.chart;

import java.awt.Color;

/**
 * Fixed colours: framework (or policy) i in scenario (or command-line) order gets
 * {@code SERIES[i % SERIES.length]} in every chart, so a framework keeps its colour across the
 * utilization, shares, queue and completion charts. Colours are Paul Tol's "bright" and "muted"
 * qualitative schemes, distinguishable for common colour-vision deficiencies.
 */
public final class Palette {
  private static final Color[] SERIES = {
    new Color(0x4477AA), new Color(0xEE6677), new Color(0x228833), new Color(0xCCBB44),
    new Color(0x66CCEE), new Color(0xAA3377), new Color(0x332288), new Color(0x999933),
    new Color(0x882255), new Color(0x44AA99), new Color(0xDDCC77), new Color(0x117733),
  };

  private static final Color[] RESOURCES = {
    new Color(0x0077BB), new Color(0xEE7733), new Color(0x009988), new Color(0xCC3311),
    new Color(0x33BBEE), new Color(0xEE3377), new Color(0xBBBBBB),
  };

  private Palette() {}

  /** The colour of the i-th framework or policy. */
  public static Color series(int i) {
    return SERIES[Math.floorMod(i, SERIES.length)];
  }

  /** The colour of the i-th resource in output order (cpus, mem, disk, gpus, …). */
  public static Color resource(int i) {
    return RESOURCES[Math.floorMod(i, RESOURCES.length)];
  }

  /**
   * Whether series i is drawn dashed: the second time round the colours (i in 12–23, 36–47 …), so
   * that up to 24 series stay distinguishable.
   */
  public static boolean dashed(int i) {
    return Math.floorMod(i, 2 * SERIES.length) >= SERIES.length;
  }

  /** Number of distinct series colours before they repeat. */
  public static int size() {
    return SERIES.length;
  }
}
