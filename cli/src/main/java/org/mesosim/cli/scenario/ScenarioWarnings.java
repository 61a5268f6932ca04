package org.mesosim.cli.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.mesosim.engine.SimTime;
import org.mesosim.model.config.FaultSpec;

/**
 * What {@code validate} can see in a valid scenario that will not do what its author likely wants:
 * a run until drained whose faults leave no master able to lead for good (it would be stopped
 * with exit 2 as one that cannot drain, see docs/reliability.md). Warnings never fail validation.
 */
public final class ScenarioWarnings {
  private ScenarioWarnings() {}

  /** More samples than this in a run of known length is warned about (docs/reliability.md). */
  public static final long MAX_SAMPLES = 10_000_000;

  /** The warnings of one scenario, each one line, in a fixed order. */
  public static List<String> of(Scenario s) {
    List<String> out = new ArrayList<>();
    if (s.until() == SimTime.NEVER) {
      leaderLostForGood(s, out);
    } else if (s.until() / s.sampleInterval() > MAX_SAMPLES) {
      out.add(String.format(Locale.ROOT, "%s: metrics.sampleInterval: %,d samples until %s s; timeseries.csv will"
          + " have that many rows (more than %,d: likely gigabytes); a coarser interval keeps it small", s.file(),
          s.until() / s.sampleInterval(), org.mesosim.engine.Durations.formatSeconds(s.until()), MAX_SAMPLES));
    }
    return out;
  }

  private static void leaderLostForGood(Scenario s, List<String> out) {
    // Only one-off crashes without a restart are counted; recurring faults and partitions that
    // never heal are left to the run's own check (it stops them as soon as it is so).
    int leadingCrashes = 0;
    TreeSet<String> masters = new TreeSet<>();
    TreeSet<String> servers = new TreeSet<>();
    for (Scenario.Fault f : s.faults()) {
      if (f.at() < 0 || f.action() != FaultSpec.Action.CRASH || f.recoverAfter() != null) {
        continue;
      }
      for (String t : f.targets()) {
        if (t.equals("leading-master")) {
          leadingCrashes++;
        } else if (t.startsWith("master-")) {
          masters.add(t);
        } else if (t.startsWith("zookeeper-")) {
          servers.add(t);
        }
      }
    }
    int n = s.cluster().masters();
    if (masters.size() + leadingCrashes >= n && masters.size() + leadingCrashes > 0) {
      out.add(String.format(Locale.ROOT, "%s: faults: until: drained, but %s crashed without restartAfter, so no"
          + " master can lead again and the run will stop with exit 2 as one that cannot drain;"
          + " add restartAfter or set until to a duration", s.file(),
          n == 1 ? "the only master is" : "all " + n + " masters are"));
    }
    int zk = s.cluster().zookeeper().servers();
    if (servers.size() * 2 >= zk && !servers.isEmpty()) {
      out.add(String.format(Locale.ROOT, "%s: faults: until: drained, but %d of %d ZooKeeper servers crash"
          + " without restartAfter, so ZooKeeper loses its quorum for good, no master can lead again and the run"
          + " will stop with exit 2 as one that cannot drain; add restartAfter or set until to a duration",
          s.file(), servers.size(), zk));
    }
  }
}
