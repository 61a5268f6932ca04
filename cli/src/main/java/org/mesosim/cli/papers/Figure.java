package org.mesosim.cli.papers;

import java.util.List;

/**
 * A figure redrawn from mesosim's runs, with the paper's points overlaid where the paper gives them.
 *
 * @param title e.g. "Fig. 7a: batch scheduler busyness"
 * @param xLabel x axis
 * @param yLabel y axis
 * @param series mesosim's curves and the published ones (published = true)
 */
public record Figure(String title, String xLabel, String yLabel, List<Series> series) {

  /**
   * One curve.
   *
   * @param name legend
   * @param published the paper's values (drawn dashed), not mesosim's
   * @param x abscissae
   * @param y ordinates, same length
   */
  public record Series(String name, boolean published, double[] x, double[] y) {
    public Series {
      if (x.length != y.length) {
        throw new IllegalArgumentException(name + ": " + x.length + " x values, " + y.length + " y values");
      }
    }
  }
}
