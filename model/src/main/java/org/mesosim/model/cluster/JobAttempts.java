package org.mesosim.model.cluster;

import java.util.ArrayDeque;
import org.mesosim.model.events.ModelEvent;

/**
 * Omega's job attempts (Schwarzkopf et al., EuroSys 2013, section 4), for schedulers that record
 * their decisions ({@code SchedulerConfig#recordsDecisions}): a job's wait ends at its first
 * scheduling attempt ({@link ModelEvent.JobAttempted}), and after {@code abandonAfter} unsuccessful
 * attempts at the head of the queue it is abandoned. Moved out of {@link Framework} as is.
 */
final class JobAttempts {
  private final Framework f;
  /** Jobs not yet attempted (Omega's wait ends at the first attempt), in arrival order. */
  final ArrayDeque<Job> unattempted = new ArrayDeque<>();

  JobAttempts(Framework f) {
    this.f = f;
  }

  /** A decision starts: every job queued and not attempted yet has its first attempt now. */
  void begin() {
    long now = f.cluster.sim.now();
    while (!unattempted.isEmpty()) {
      Job j = unattempted.poll();
      if (j.remaining > 0 && !j.aborted) {
        f.cluster.emit(new ModelEvent.JobAttempted(now, f.name, j.id, j.spec.submitTime()));
      }
    }
  }

  /**
   * A decision ended. If the job that was at the head of the queue still has tasks queued, that was
   * an unsuccessful attempt; after {@code abandonAfter} of them the job is abandoned (Omega section
   * 4.2: "did not finish scheduling their tasks by the 1,000-attempt retry limit").
   */
  void ended(Job head) {
    if (head == null || f.sc.abandonAfter() == 0 || head.aborted || head.remaining == 0) {
      return;
    }
    boolean queued = false;
    for (LogicalTask lt : head.tasks) {
      if (lt.queued) {
        queued = true;
        break;
      }
    }
    if (queued && ++head.attempts >= f.sc.abandonAfter()) {
      head.abandoned = true;
      f.abort(head);
      if (head.remaining == 0) {
        f.jobEnded(head);
      }
    }
  }
}
