package org.mesosim.cli.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.mesosim.engine.SimTime;
import org.mesosim.model.config.FaultSpec;
import org.mesosim.model.config.NetworkConfig;

/**
 * What {@code validate} can see in a valid scenario that will not do what its author likely wants:
 * a run until drained whose faults leave no master able to lead for good (it would be stopped
 * with exit 2 as one that cannot drain), per-message loss without an offer timeout, link loss with
 * frameworks that have no failover timeout, a bounded run
 * sampled more than {@link #MAX_SAMPLES} times (see docs/reliability.md), a maintenance schedule under a
 * policy that sends no inverse offers (docs/maintenance.md). Warnings never fail
 * validation.
 */
public final class ScenarioWarnings {
  private ScenarioWarnings() {}

  /** More samples than this in a run of known length is warned about (docs/reliability.md). */
  public static final long MAX_SAMPLES = 10_000_000;

  /** The warnings of one scenario, each one line, in a fixed order. */
  public static List<String> of(Scenario s) {
    List<String> out = new ArrayList<>();
    if (s.cluster().loss() > 0 && s.cluster().lossModel() == NetworkConfig.LossModel.MESSAGE
        && s.cluster().master().offerTimeout() == SimTime.NEVER) {
      // lossModel: message loses each message on its own: a lost offer, decline or launch leaves its
      // resources offered and unused for good unless offers time out. With lossModel: link (the
      // default) the link breaks instead and the master takes the offers back (docs/reliability.md).
      out.add(String.format(Locale.ROOT, "%s: cluster.network.loss: %s with lossModel: message drops messages one"
          + " by one, and with cluster.master.offerTimeout: none (the default) one lost offer message keeps its"
          + " resources offered and unused to the end of the run; set cluster.master.offerTimeout (e.g. 1m), or use"
          + " lossModel: link", s.file(), s.cluster().loss()));
    }
    if (s.cluster().loss() > 0 && s.cluster().lossModel() == NetworkConfig.LossModel.LINK) {
      // Master::_exited starts the failover timeout when a framework's link breaks: with 0 (Mesos'
      // default) the framework is removed at once, its tasks killed.
      List<String> names = new ArrayList<>();
      for (Scenario.Framework f : s.frameworks()) {
        if (f.failoverTimeout() == 0) {
          names.add(f.name());
        }
      }
      if (!names.isEmpty()) {
        out.add(String.format(Locale.ROOT, "%s: cluster.network.loss: %s breaks links, and %s %s failoverTimeout: 0"
            + " (the default): such a framework is removed, its tasks killed, whenever its link to the master breaks;"
            + " set failoverTimeout (e.g. 10m)", s.file(), s.cluster().loss(),
            names.size() == 1 ? "framework " + names.get(0) : "frameworks " + String.join(", ", names),
            names.size() == 1 ? "has" : "have"));
      }
    }
    if (!s.maintenance().windows().isEmpty() && !s.allocator().policy().equals("hierarchical-drf")) {
      // Only HierarchicalDrfAllocator models the allocator's maintenance (updateUnavailability,
      // deallocate); the other policies ignore it (docs/maintenance.md).
      out.add(String.format(Locale.ROOT, "%s: maintenance.schedule: allocator.policy %s sends no inverse offers (only"
          + " hierarchical-drf models Mesos' maintenance in the allocator); the schedule still shows in offers, and"
          + " DOWN and UP still act", s.file(), s.allocator().policy()));
    }
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
