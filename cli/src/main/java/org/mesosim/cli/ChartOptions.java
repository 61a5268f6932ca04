package org.mesosim.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * {@code --no-charts} of the commands that run simulations ({@code @Mixin}): the same as the override
 * {@value #OVERRIDE}, so the resolved scenario and its header say what was drawn. Charts are drawn after
 * the run from what it recorded: leaving them out changes neither results nor digest.
 */
public final class ChartOptions {
  /** The scenario override that {@code --no-charts} stands for. */
  public static final String OVERRIDE = "report.charts=[]";

  @Option(names = "--no-charts", description = "Draw no charts (PNG/SVG), as --set " + OVERRIDE
      + "; faster, the results and digest are the same.")
  public boolean noCharts;

  /** {@code overrides}, then {@value #OVERRIDE} with {@code --no-charts} (the last override of a key wins). */
  public List<String> apply(List<String> overrides) {
    if (!noCharts) {
      return overrides;
    }
    List<String> all = new ArrayList<>(overrides);
    all.add(OVERRIDE);
    return all;
  }
}
