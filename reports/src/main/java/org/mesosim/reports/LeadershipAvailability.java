package org.mesosim.reports;

import java.util.ArrayList;
import java.util.List;

/**
 * Leadership and faults (docs/outputs.md): the leaders elected, losses, recovery times, the time
 * without a leader, and the faults injected (the first {@link RunSummary#MAX_FAULT_EVENTS} kept for
 * chart markers).
 */
final class LeadershipAvailability {
  private final List<RunSummary.Leader> leaders = new ArrayList<>();
  private long elections;
  private long losses;
  private long lostAt = -1;
  private long unavailable;
  private final Quantiles recovery = new Quantiles();
  private long faults;
  /** The first {@link RunSummary#MAX_FAULT_EVENTS} fault events, for markers on charts. */
  private final List<RunSummary.FaultEvent> faultEvents = new ArrayList<>();

  void elected(String master, long t) {
    elections++;
    leaders.add(new RunSummary.Leader(master, t / 1e6));
  }

  void lost(long t) {
    losses++;
    if (lostAt < 0) {
      lostAt = t;
    }
  }

  void recovered(long t) {
    if (lostAt >= 0) {
      recovery.add((t - lostAt) / 1e6);
      unavailable += t - lostAt;
      lostAt = -1;
    }
  }

  void fault(String action, String target, long t) {
    faults++;
    if (faultEvents.size() < RunSummary.MAX_FAULT_EVENTS) {
      faultEvents.add(new RunSummary.FaultEvent(t / 1e6, action, target));
    }
  }

  /** Closes an open leader-loss interval at the end of the run. */
  void finish(long end) {
    if (lostAt >= 0) {
      unavailable += end - lostAt;
    }
  }

  /** Times (s) of the elections after the first (leader changes). */
  List<Double> leaderChangeTimes() {
    List<Double> out = new ArrayList<>();
    for (int i = 1; i < leaders.size(); i++) {
      out.add(leaders.get(i).since());
    }
    return out;
  }

  /** Times (s) of the faults seen (the first {@link RunSummary#MAX_FAULT_EVENTS}). */
  List<Double> faultTimes() {
    List<Double> out = new ArrayList<>();
    faultEvents.forEach(f -> out.add(f.time()));
    return out;
  }

  List<RunSummary.Leader> leaders() {
    return List.copyOf(leaders);
  }

  List<RunSummary.FaultEvent> faultEvents() {
    return List.copyOf(faultEvents);
  }

  long faults() {
    return faults;
  }

  RunSummary.Leadership summary() {
    return new RunSummary.Leadership(elections, Math.max(0, elections - 1), losses, RunSummary.Dist.of(recovery),
        unavailable / 1e6);
  }
}
