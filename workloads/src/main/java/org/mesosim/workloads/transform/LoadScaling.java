package org.mesosim.workloads.transform;

import org.apache.commons.rng.UniformRandomProvider;
import org.mesosim.model.workload.JobSpec;
import org.mesosim.model.workload.Workload;

/**
 * Scales the load of a workload by thinning or replicating its arrivals: each job is emitted
 * {@code floor(factor)} times, plus once more with probability {@code factor - floor(factor)},
 * drawn on one named stream (by convention {@code workload/<framework>/load}). So 0.5 keeps about
 * half of the jobs, 1 keeps all, 2.5 emits every job twice or three times. Copies arrive at the
 * original's time, with ids {@code <id>~2}, {@code <id>~3} …; the first copy keeps the id.
 */
public final class LoadScaling extends Transform {
  private final double factor;
  private final long whole;
  private final double fraction;
  private final UniformRandomProvider rng;
  private JobSpec current;
  private long copiesLeft;
  private long copy;

  public LoadScaling(Workload source, double factor, UniformRandomProvider rng) {
    super(source);
    if (!(factor > 0) || Double.isInfinite(factor)) {
      throw new IllegalArgumentException("loadScale: must be > 0");
    }
    this.factor = factor;
    this.whole = (long) Math.floor(factor);
    this.fraction = factor - whole;
    this.rng = rng;
  }

  public double factor() {
    return factor;
  }

  @Override
  protected JobSpec pull() {
    while (true) {
      if (copiesLeft > 0) {
        copiesLeft--;
        copy++;
        return copy == 1 ? current : new JobSpec(current.id() + "~" + copy, current.submitTime(), current.tasks(), current.fields());
      }
      current = source.next();
      if (current == null) {
        return null;
      }
      copiesLeft = whole + (fraction > 0 && rng.nextDouble() < fraction ? 1 : 0);
      copy = 0;
      if (copiesLeft == 0) {
        skip("loadScale: job thinned out");
      }
    }
  }
}
