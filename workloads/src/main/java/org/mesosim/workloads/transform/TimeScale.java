package org.mesosim.workloads.transform;

import org.mesosim.engine.BadInputException;
import org.mesosim.engine.SimTime;
import org.mesosim.model.workload.JobSpec;
import org.mesosim.model.workload.Workload;
import org.mesosim.workloads.trace.ReaderSupport;

/**
 * Maps trace time to simulated time: {@code sim = round((trace - origin) * scale)}, so the gaps
 * between arrivals are multiplied by {@code scale} ({@code timeScale: 0.5} = twice as dense).
 * Task durations are not changed. Jobs before the origin arrive at 0.
 */
public final class TimeScale extends Transform {
  private final long origin;
  private final double scale;

  public TimeScale(Workload source, long origin, double scale) {
    super(source);
    if (!(scale > 0) || Double.isInfinite(scale)) {
      throw new IllegalArgumentException("timeScale: must be > 0");
    }
    this.origin = origin;
    this.scale = scale;
  }

  @Override
  protected JobSpec pull() {
    JobSpec j = source.next();
    if (j == null) {
      return null;
    }
    long t = map(j.submitTime());
    if (t == SimTime.NEVER) { // saturated: the job would never arrive (and a run until: drained never end)
      throw new BadInputException("trace.timeScale: job " + j.id() + ", submitted at "
          + SimTime.toSeconds(j.submitTime()) + " s of trace time, would arrive beyond the simulated clock ("
          + ReaderSupport.MAX_SECONDS
          + " s) with timeScale " + scale + "; use a smaller timeScale or a window");
    }
    return t == j.submitTime() ? j : new JobSpec(j.id(), t, j.tasks(), j.fields());
  }

  /** The simulated time of a trace time ({@link SimTime#NEVER} when it does not fit the clock). */
  public long map(long traceTime) {
    long d = Math.max(0, traceTime - origin);
    return scale == 1.0 ? d : Math.round(d * scale);
  }
}
