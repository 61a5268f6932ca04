package org.mesosim.cli.sweep;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.List;
import org.mesosim.cli.scenario.ScenarioCatalog;

/**
 * What a {@link SweepPlan} is made from, small enough to send to another machine (a Spark executor
 * rebuilds the driver's plan from it): a sweep file, or a comparison's scenario file, {@code --set}
 * assignments, policies and seed count.
 *
 * @param file the sweep file or the comparison's scenario file
 */
public record PlanSource(SweepPlan.Kind kind, String file, List<String> sets, List<String> policies, int seeds,
    boolean checkInvariants) implements Serializable {
  public PlanSource {
    sets = List.copyOf(sets);
    policies = List.copyOf(policies);
  }

  /** A sweep file's runs. */
  public static PlanSource sweep(Path file) {
    return new PlanSource(SweepPlan.Kind.SWEEP, file.toString(), List.of(), List.of(), 1, false);
  }

  /** The same runs, read from {@code file} (e.g. the copy Spark shipped to an executor). */
  public PlanSource at(Path file) {
    return new PlanSource(kind, file.toString(), sets, policies, seeds, checkInvariants);
  }

  /** The plan; bad input as {@link SweepPlan#load} and {@link SweepPlan#compare} report it. */
  public SweepPlan load(ScenarioCatalog catalog) throws IOException {
    return kind == SweepPlan.Kind.SWEEP ? SweepPlan.load(Path.of(file), catalog)
        : SweepPlan.compare(Path.of(file), sets, policies, seeds, checkInvariants, catalog);
  }
}
