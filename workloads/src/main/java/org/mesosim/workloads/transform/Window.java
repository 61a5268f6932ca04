package org.mesosim.workloads.transform;

import org.mesosim.engine.SimTime;
import org.mesosim.model.workload.JobSpec;
import org.mesosim.model.workload.Workload;

/**
 * Keeps jobs submitted in [from, to) of trace time: earlier ones are skipped and counted; the
 * first job at or after {@code to} ends the workload (the source is sorted by submit time, so
 * nothing after it is read).
 */
public final class Window extends Transform {
  private final long from;
  private final long to;
  private boolean ended;

  /** @param to {@link SimTime#NEVER} = open */
  public Window(Workload source, long from, long to) {
    super(source);
    this.from = from;
    this.to = to;
  }

  @Override
  protected JobSpec pull() {
    while (!ended) {
      JobSpec j = source.next();
      if (j == null) {
        ended = true;
        break;
      }
      if (to != SimTime.NEVER && j.submitTime() >= to) {
        ended = true;
        skip("window: jobs at or after the window end (not read further)");
        break;
      }
      if (j.submitTime() < from) {
        skip("window: job before the window start");
        continue;
      }
      return j;
    }
    return null;
  }

  @Override
  public boolean endless() {
    return to == SimTime.NEVER && source.endless();
  }
}
