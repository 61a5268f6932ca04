package org.mesosim.reports;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mesosim.model.ResourceNames;
import org.mesosim.model.Resources;

/**
 * Who holds what, and out of how much (docs/outputs.md): per framework and role the sum of the
 * non-terminal tasks' resources, the cluster's capacity (the sum of the totals of the agents
 * currently registered: what the master's allocator divides by), and the levels derived from them
 * (utilization per resource, dominant and weighted shares per framework, dominant share per role).
 * A share that changes marks the {@link Fairness} levels for recomputation.
 */
final class AllocationLedger {
  private final RunSetup setup;
  private final Fairness fairness;
  private final int nRes;
  private final int nFw;
  private final int nRoles;
  private final int[] resIdx;
  private final int[] fwRole;
  private final double[] fwWeight;

  private final long[][] alloc;
  private final long[][] roleAlloc;
  private final long[] totalAlloc;
  private final long[] cap;
  private final Map<String, long[]> agentTotals = new HashMap<>();
  private int agentsMax;

  final Level[] util;
  final Level[] share;
  final Level[] wshare;
  final Level[] roleShare;

  AllocationLedger(RunSetup setup, Fairness fairness) {
    this.setup = setup;
    this.fairness = fairness;
    nRes = setup.resourceNames().size();
    nFw = setup.frameworks().size();
    resIdx = new int[nRes];
    for (int r = 0; r < nRes; r++) {
      resIdx[r] = ResourceNames.index(setup.resourceNames().get(r));
    }
    List<String> roles = setup.roles();
    nRoles = roles.size();
    fwRole = new int[nFw];
    fwWeight = new double[nFw];
    for (int f = 0; f < nFw; f++) {
      FrameworkMeta m = setup.frameworks().get(f);
      fwRole[f] = roles.indexOf(m.role());
      fwWeight[f] = setup.weight(m.role());
    }
    alloc = new long[nFw][nRes];
    roleAlloc = new long[nRoles][nRes];
    totalAlloc = new long[nRes];
    cap = new long[nRes];
    util = Level.zeros(nRes);
    share = Level.zeros(nFw);
    wshare = Level.zeros(nFw);
    roleShare = Level.zeros(nRoles);
  }

  /** Framework {@code f}'s allocation grows ({@code sign} +1) or shrinks (−1) by {@code res}. */
  void change(int f, Resources res, int sign, long now) {
    long[] a = alloc[f];
    long[] ra = roleAlloc[fwRole[f]];
    for (int r = 0; r < nRes; r++) {
      long d = sign * res.milli(resIdx[r]);
      if (d == 0) {
        continue;
      }
      a[r] += d;
      ra[r] += d;
      totalAlloc[r] += d;
      util[r].set(now, ratio(totalAlloc[r], cap[r]));
    }
    updateShare(f, now);
    roleShare[fwRole[f]].set(now, dominant(ra));
  }

  /** An agent registered (or re-registered, replacing its total) with {@code total}. */
  void agentRegistered(String agent, Resources total, long now) {
    long[] v = new long[nRes];
    for (int r = 0; r < nRes; r++) {
      v[r] = total.milli(resIdx[r]);
    }
    long[] old = agentTotals.put(agent, v);
    for (int r = 0; r < nRes; r++) {
      cap[r] += v[r] - (old == null ? 0 : old[r]);
    }
    agentsMax = Math.max(agentsMax, agentTotals.size());
    capacityChanged(now);
  }

  /** An agent was removed: its total leaves the capacity. */
  void agentRemoved(String agent, long now) {
    long[] old = agentTotals.remove(agent);
    if (old != null) {
      for (int r = 0; r < nRes; r++) {
        cap[r] -= old[r];
      }
      capacityChanged(now);
    }
  }

  /** Framework {@code f}'s dominant share divided by its role's weight, now. */
  double weightedShare(int f) {
    return wshare[f].value;
  }

  /** Framework {@code f}'s allocation of resource {@code r} (thousandths). */
  long allocated(int f, int r) {
    return alloc[f][r];
  }

  private static double ratio(long a, long c) {
    return c <= 0 ? 0.0 : a / (double) c;
  }

  private double dominant(long[] a) {
    double s = 0;
    for (int r = 0; r < nRes; r++) {
      if (cap[r] > 0) {
        s = Math.max(s, a[r] / (double) cap[r]);
      }
    }
    return s;
  }

  private void updateShare(int f, long now) {
    double s = dominant(alloc[f]);
    share[f].set(now, s);
    wshare[f].set(now, s / fwWeight[f]);
    fairness.markDirty();
  }

  private void capacityChanged(long now) {
    for (int r = 0; r < nRes; r++) {
      util[r].set(now, ratio(totalAlloc[r], cap[r]));
    }
    for (int f = 0; f < nFw; f++) {
      updateShare(f, now);
    }
    for (int g = 0; g < nRoles; g++) {
      roleShare[g].set(now, dominant(roleAlloc[g]));
    }
  }

  // ------------------------------------------------------------------------------ summary.json

  RunSummary.Cluster cluster(long end) {
    Map<String, RunSummary.MeanFinal> utilization = new LinkedHashMap<>();
    for (int r = 0; r < nRes; r++) {
      utilization.put(setup.resourceNames().get(r), util[r].meanFinal(end));
    }
    return new RunSummary.Cluster(agentTotals.size(), amounts(cap), utilization, agentsMax);
  }

  /** Framework {@code f}'s allocation by resource name. */
  Map<String, BigDecimal> allocated(int f) {
    return amounts(alloc[f]);
  }

  List<RunSummary.RoleSummary> roles(long end) {
    List<String> roles = setup.roles();
    List<RunSummary.RoleSummary> out = new ArrayList<>();
    for (int g = 0; g < nRoles; g++) {
      List<String> names = new ArrayList<>();
      for (int f = 0; f < nFw; f++) {
        if (fwRole[f] == g) {
          names.add(setup.frameworks().get(f).name());
        }
      }
      out.add(new RunSummary.RoleSummary(roles.get(g), setup.weight(roles.get(g)), names,
          amounts(roleAlloc[g]), roleShare[g].meanFinal(end)));
    }
    return out;
  }

  private Map<String, BigDecimal> amounts(long[] milli) {
    Map<String, BigDecimal> m = new LinkedHashMap<>();
    for (int r = 0; r < nRes; r++) {
      m.put(setup.resourceNames().get(r), BigDecimal.valueOf(milli[r], 3).stripTrailingZeros());
    }
    return m;
  }
}
