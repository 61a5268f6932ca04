package org.mesosim.cli.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;
import org.mesosim.engine.Durations;
import org.mesosim.engine.SimTime;
import org.mesosim.model.config.FaultSpec;

/** Reads {@code faults}: when (at or every), what (crash or partition a target that exists) and the recovery. */
final class FaultSection extends Section {
  private static final String TARGET_FORMS =
      "leading-master, master-N, agent GROUP-N, agents GROUP, framework NAME, zookeeper-N";

  private final DistributionReader dists;
  /** Framework names of {@code frameworks} entries with an error (not expanded): a fault may name them. */
  private final TreeSet<String> namesWithErrors;
  /** Some entry with an error has names that cannot be told (splitBy, a bad name or count). */
  private final boolean namesUnknown;

  /**
   * @param entries every {@code frameworks} entry, with or without errors: a fault may name an
   *     entry that has an error of its own (reported there)
   */
  FaultSection(Scalars in, DistributionReader dists, List<FrameworkEntry> entries) {
    super(in);
    this.dists = dists;
    TreeSet<String> withErrors = new TreeSet<>();
    boolean unknown = false;
    for (FrameworkEntry e : entries) {
      if (e.complete == null && e.name != null && e.count != null && !e.splitBy) {
        withErrors.addAll(FrameworkSection.countNames(e.name, e.count));
      } else if (e.complete == null) {
        unknown = true;
      }
    }
    this.namesWithErrors = withErrors;
    this.namesUnknown = unknown;
  }

  List<Scenario.Fault> read(YNode n, Scenario.Cluster cluster, List<Scenario.Expanded> frameworks,
      long until) {
    List<Scenario.Fault> out = new ArrayList<>();
    if (n == null || n.isNull()) {
      return out;
    }
    if (!n.isList()) {
      ctx.error(n, "faults", "expected a list of faults");
      return out;
    }
    for (int i = 0; i < n.items().size(); i++) {
      String path = "faults[" + i + "]";
      YNode fn = n.items().get(i);
      Fields m = ctx.object(fn, path, "fault");
      if (m == null) {
        continue;
      }
      int before = ctx.count();
      // a key with no value (`at:`, `crash: ~`) is missing: the fault has no time or no target
      YNode atN = LoadContext.present(m.get("at"));
      YNode everyN = LoadContext.present(m.get("every"));
      long at = -1;
      Scenario.Dist every = null;
      if ((atN == null) == (everyN == null)) {
        ctx.error(fn, path, "needs exactly one of at (a time) or every (a distribution)");
      } else if (atN != null) {
        at = in.duration(atN, path + ".at", -1, false);
        if (at >= 0 && until != SimTime.NEVER && at > until) {
          ctx.error(atN, path + ".at", Durations.format(at) + " is after until (" + Durations.format(until)
              + "): the fault would never happen");
        }
      } else {
        every = dists.dist(everyN, path + ".every", true);
        if (every != null && !(every.value().mean() > 0)) {
          ctx.error(everyN, path + ".every", "must have a mean > 0 (faults every 0 s would stop simulated time)");
          every = null;
        }
      }
      YNode crash = LoadContext.present(m.get("crash"));
      YNode partition = LoadContext.present(m.get("partition"));
      FaultSpec.Action action = null;
      List<String> targets = new ArrayList<>();
      if ((crash == null) == (partition == null)) {
        ctx.error(fn, path, "needs exactly one of crash or partition");
      } else if (crash != null) {
        action = FaultSpec.Action.CRASH;
        String t = in.string(crash, path + ".crash", null);
        if (t != null && checkTarget(t, crash, path + ".crash", cluster, frameworks)) {
          targets.add(t);
        }
      } else {
        action = FaultSpec.Action.PARTITION;
        List<YNode> items = partition.isList() ? partition.items() : List.of(partition);
        if (items.isEmpty()) {
          ctx.error(partition, path + ".partition", "needs at least one target");
        }
        for (int k = 0; k < items.size(); k++) {
          String pp = partition.isList() ? path + ".partition[" + k + "]" : path + ".partition";
          if (items.get(k).isNull()) {
            ctx.error(items.get(k), pp, "expected a target: " + TARGET_FORMS);
            continue;
          }
          String t = in.string(items.get(k), pp, null);
          if (t != null && checkTarget(t, items.get(k), pp, cluster, frameworks)) {
            targets.add(t);
          }
        }
      }
      Scenario.Dist recover = null;
      YNode ra = m.get("restartAfter");
      YNode ha = m.get("healAfter");
      if (ra != null && action == FaultSpec.Action.PARTITION) {
        ctx.error(ra, path + ".restartAfter", "applies to crash; a partition takes healAfter");
      } else if (ha != null && action == FaultSpec.Action.CRASH) {
        ctx.error(ha, path + ".healAfter", "applies to partition; a crash takes restartAfter");
      } else if (ra != null && !ra.isNull()) {
        recover = dists.dist(ra, path + ".restartAfter", true);
      } else if (ha != null && !ha.isNull()) {
        recover = dists.dist(ha, path + ".healAfter", true);
      }
      if (ctx.count() == before && action != null) {
        out.add(new Scenario.Fault(at, every, action, targets, recover));
      }
    }
    return out;
  }

  /** Checks a fault target names something that exists; reports and returns false otherwise. */
  private boolean checkTarget(String t, YNode at, String path, Scenario.Cluster cluster,
      List<Scenario.Expanded> frameworks) {
    if (t.equals("leading-master")) {
      return true;
    }
    if (t.startsWith("master-") || t.startsWith("zookeeper-")) {
      boolean master = t.startsWith("master-");
      int max = cluster == null ? Integer.MAX_VALUE : master ? cluster.masters() : cluster.zookeeper().servers();
      String num = t.substring(t.indexOf('-') + 1);
      try {
        int k = Integer.parseInt(num);
        if (k < 1 || k > max) {
          ctx.error(at, path, "no " + t + ": there " + (max == 1 ? "is 1 " : "are " + max + " ")
              + (master ? "master" : "zookeeper server") + (max == 1 ? "" : "s"));
          return false;
        }
        return true;
      } catch (NumberFormatException e) {
        ctx.error(at, path, "'" + t + "' is not a target; expected " + TARGET_FORMS);
        return false;
      }
    }
    int sp = t.indexOf(' ');
    String kind = sp < 0 ? t : t.substring(0, sp);
    String name = sp < 0 ? "" : t.substring(sp + 1).trim();
    switch (kind) {
      case "agent":
      case "agents": {
        if (cluster == null) {
          return true;
        }
        TreeMap<String, Integer> groups = new TreeMap<>();
        boolean unnamed = false; // a group without a name (reported) may be the one meant
        for (Scenario.Agents a : cluster.agents()) {
          if (a.preset() != null || a.machines() != null) {
            ctx.catalog.presetGroups(a).forEach(g -> groups.put(g.name(), g.count()));
          } else if (a.name() == null) {
            unnamed = true;
          } else {
            groups.put(a.name(), a.count());
          }
        }
        if (kind.equals("agents")) {
          if (!groups.containsKey(name) && unnamed) {
            return true;
          }
          if (!groups.containsKey(name)) {
            ctx.error(at, path, "unknown agent group '" + name + "'" + DidYouMean.hint(name, groups.keySet())
                + "; groups: " + String.join(", ", groups.keySet()));
            return false;
          }
          return true;
        }
        int dash = name.lastIndexOf('-');
        String g = dash < 0 ? name : name.substring(0, dash);
        Integer count = groups.get(g);
        int k = -1;
        try {
          k = dash < 0 ? -1 : Integer.parseInt(name.substring(dash + 1));
        } catch (NumberFormatException e) {
          k = -1;
        }
        if (count == null && unnamed) {
          return true;
        }
        if (count == null || k < 1 || k > count) {
          List<String> examples = new ArrayList<>();
          groups.forEach((gn, c) -> examples.add(gn + "-1.." + gn + "-" + c));
          ctx.error(at, path, "unknown agent '" + name + "'" + (count == null && !groups.isEmpty()
              ? DidYouMean.hint(g, groups.keySet()) : "") + "; agents are " + String.join(", ", examples));
          return false;
        }
        return true;
      }
      case "framework": {
        List<String> names = new ArrayList<>(frameworks.stream().map(Scenario.Expanded::name).toList());
        // entries with errors of their own (reported) keep their names
        namesWithErrors.stream().filter(x -> !names.contains(x)).forEach(names::add);
        if (!names.contains(name) && namesUnknown) {
          return true; // an entry with an error of its own may have this name
        }
        if (!names.contains(name)) {
          ctx.error(at, path, "unknown framework '" + name + "'" + DidYouMean.hint(name, names) + "; frameworks: "
              + String.join(", ", names));
          return false;
        }
        return true;
      }
      default:
        ctx.error(at, path, "'" + t + "' is not a target; expected " + TARGET_FORMS);
        return false;
    }
  }
}
