package org.mesosim.cli.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.mesosim.engine.Durations;
import org.mesosim.engine.SimTime;
import org.mesosim.model.config.MaintenanceConfig;

/**
 * Reads {@code maintenance} (docs/maintenance.md): the schedule ({@code schedule.at}, its
 * {@code windows} of machines, start and duration) and the operator's {@code actions} (machines
 * {@code down} or {@code up} at a time). Checks what Mesos' master checks when the calls are made
 * (src/master/maintenance.cpp {@code validation::schedule}, src/master/http.cpp
 * {@code _startMaintenance} / {@code _stopMaintenance}), so a scenario whose call Mesos would refuse
 * with 400 Bad Request is rejected here, with the line and column: a machine is an existing agent
 * ({@code GROUP-N}) and in at most one window; a machine goes down only while it is in the
 * schedule (DRAINING), and up only while it is down; actions come in time order and not after
 * {@code until}.
 */
final class MaintenanceSection extends Section {
  MaintenanceSection(Scalars in) {
    super(in);
  }

  MaintenanceConfig read(YNode n, Scenario.Cluster cluster, long until) {
    if (n == null || n.isNull()) {
      return MaintenanceConfig.NONE;
    }
    Fields m = ctx.object(n, "maintenance", "maintenance");
    if (m == null) {
      return MaintenanceConfig.NONE;
    }
    int before = ctx.count();
    TreeMap<String, Integer> groups = groups(cluster);
    long postAt = 0;
    List<MaintenanceConfig.Window> windows = new ArrayList<>();
    TreeMap<String, String> windowOf = new TreeMap<>(); // machine -> the path of its window
    YNode sn = LoadContext.present(m.get("schedule"));
    Fields s = sn == null ? null : ctx.object(sn, "maintenance.schedule", "maintenanceSchedule");
    if (s != null) {
      postAt = in.duration(s.get("at"), "maintenance.schedule.at", 0, false);
      checkUntil(s.get("at"), "maintenance.schedule.at", postAt, until);
      YNode wn = LoadContext.present(s.get("windows"));
      if (wn == null || !wn.isList() || wn.items().isEmpty()) {
        ctx.error(wn == null ? sn : wn, "maintenance.schedule.windows", "expected a list of at least one window");
      } else {
        for (int i = 0; i < wn.items().size(); i++) {
          String path = "maintenance.schedule.windows[" + i + "]";
          Fields w = ctx.object(wn.items().get(i), path, "maintenanceWindow");
          if (w == null) {
            continue;
          }
          List<String> machines = machines(w.get("machines"), wn.items().get(i), path + ".machines", groups);
          for (int k = 0; k < machines.size(); k++) {
            String prev = windowOf.putIfAbsent(machines.get(k), path);
            if (prev != null) {
              ctx.error(w.get("machines"), path + ".machines", "machine '" + machines.get(k) + "' is already in "
                  + prev + " (Mesos: a machine is in at most one window)");
            }
          }
          YNode st = LoadContext.present(w.get("start"));
          if (st == null) {
            ctx.error(wn.items().get(i), path + ".start", "is required: when the machines become unavailable");
          }
          long start = in.duration(st, path + ".start", 0, false);
          long duration = in.duration(w.get("duration"), path + ".duration", SimTime.NEVER, true);
          windows.add(new MaintenanceConfig.Window(machines, Math.max(0, start), duration));
        }
      }
    }
    List<MaintenanceConfig.Action> actions = new ArrayList<>();
    YNode an = LoadContext.present(m.get("actions"));
    if (an != null && !an.isList()) {
      ctx.error(an, "maintenance.actions", "expected a list of actions");
    } else if (an != null) {
      TreeMap<String, String> mode = new TreeMap<>(); // machine -> DOWN after an action so far
      long last = -1;
      for (int i = 0; i < an.items().size(); i++) {
        String path = "maintenance.actions[" + i + "]";
        YNode node = an.items().get(i);
        Fields a = ctx.object(node, path, "maintenanceAction");
        if (a == null) {
          continue;
        }
        YNode atN = LoadContext.present(a.get("at"));
        if (atN == null) {
          ctx.error(node, path + ".at", "is required: when the operator makes the call");
          continue;
        }
        long at = in.duration(atN, path + ".at", -1, false);
        if (at < 0) {
          continue;
        }
        checkUntil(atN, path + ".at", at, until);
        if (at < last) {
          ctx.error(atN, path + ".at", Durations.format(at) + " is before the previous action ("
              + Durations.format(last) + "): list actions in time order");
        }
        last = Math.max(last, at);
        YNode down = LoadContext.present(a.get("down"));
        YNode up = LoadContext.present(a.get("up"));
        if ((down == null) == (up == null)) {
          ctx.error(node, path, "needs exactly one of down or up (a list of machines)");
          continue;
        }
        boolean isDown = down != null;
        String mpath = path + (isDown ? ".down" : ".up");
        YNode listN = isDown ? down : up;
        List<String> machines = machines(listN, node, mpath, groups);
        for (String mc : machines) {
          if (isDown) {
            if (!windowOf.containsKey(mc) || (s != null && at < postAt)) {
              ctx.error(listN, mpath, "machine '" + mc + "' is not part of a maintenance schedule"
                  + (windowOf.containsKey(mc) ? " yet (the schedule is posted at " + Durations.format(postAt) + ")" : "")
                  + ": only a DRAINING machine can be brought down (Mesos answers 400)");
            } else if (mode.containsKey(mc)) {
              ctx.error(listN, mpath, "machine '" + mc + "' is already DOWN (since " + mode.get(mc) + ")");
            } else {
              mode.put(mc, path);
            }
          } else if (!mode.containsKey(mc)) {
            ctx.error(listN, mpath, "machine '" + mc + "' is not DOWN: only a DOWN machine can be brought up"
                + " (Mesos answers 400)");
          } else {
            mode.remove(mc);
            windowOf.remove(mc); // UP takes it out of the schedule
          }
        }
        actions.add(new MaintenanceConfig.Action(at, isDown ? MaintenanceConfig.Mode.DOWN : MaintenanceConfig.Mode.UP,
            machines));
      }
    }
    if (ctx.count() != before) {
      return MaintenanceConfig.NONE;
    }
    return new MaintenanceConfig(postAt, windows, actions);
  }

  private void checkUntil(YNode at, String path, long t, long until) {
    if (at != null && t >= 0 && until != SimTime.NEVER && t > until) {
      ctx.error(at, path, Durations.format(t) + " is after until (" + Durations.format(until)
          + "): the call would never be made");
    }
  }

  /** Agent groups and their counts (presets expanded); empty when the cluster did not load. */
  private TreeMap<String, Integer> groups(Scenario.Cluster cluster) {
    TreeMap<String, Integer> groups = new TreeMap<>();
    if (cluster != null) {
      for (Scenario.Agents a : cluster.agents()) {
        if (a.preset() != null) {
          ctx.catalog.googleCell(a.scale()).forEach(g -> groups.put(g.name(), g.count()));
        } else if (a.name() != null) {
          groups.put(a.name(), a.count());
        }
      }
    }
    return groups;
  }

  /** A non-empty list of machines, each an existing agent GROUP-N, without repeats. */
  private List<String> machines(YNode n, YNode parent, String path, TreeMap<String, Integer> groups) {
    List<String> out = new ArrayList<>();
    YNode p = LoadContext.present(n);
    if (p == null || !p.isList() || p.items().isEmpty()) {
      ctx.error(p == null ? parent : p, path, "expected a list of at least one machine (agent GROUP-N)");
      return out;
    }
    for (int k = 0; k < p.items().size(); k++) {
      YNode item = p.items().get(k);
      String ip = path + "[" + k + "]";
      String name = in.string(item, ip, null);
      if (name == null) {
        if (item.isNull()) {
          ctx.error(item, ip, "expected a machine (agent GROUP-N)");
        }
        continue;
      }
      int dash = name.lastIndexOf('-');
      String g = dash < 0 ? name : name.substring(0, dash);
      Integer count = groups.get(g);
      int idx;
      try {
        idx = dash < 0 ? -1 : Integer.parseInt(name.substring(dash + 1));
      } catch (NumberFormatException e) {
        idx = -1;
      }
      if (!groups.isEmpty() && (count == null || idx < 1 || idx > count)) {
        List<String> examples = new ArrayList<>();
        groups.forEach((gn, c) -> examples.add(gn + "-1.." + gn + "-" + c));
        ctx.error(item, ip, "unknown machine '" + name + "'" + (count == null ? DidYouMean.hint(g, groups.keySet()) : "")
            + "; machines are the agents " + String.join(", ", examples));
        continue;
      }
      if (out.contains(name)) {
        ctx.error(item, ip, "machine '" + name + "' is listed twice");
        continue;
      }
      out.add(name);
    }
    return out;
  }
}
