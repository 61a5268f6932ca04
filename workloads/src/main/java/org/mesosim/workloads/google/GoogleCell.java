package org.mesosim.workloads.google;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.mesosim.model.Resources;
import org.mesosim.model.config.AgentGroup;

/**
 * The machines of the 2011 Google cell (clusterdata-2011-2), from Reiss, Tumanov, Ganger, Katz
 * &amp; Kozuch, "Heterogeneity and dynamicity of clouds at scale: Google trace analysis", SoCC
 * 2012, Table 1 (machines by platform and normalised capacity; 12,583 in all). Its shares —
 * 53.5% at 0.5 CPU / 0.5 memory, 30.7% at 0.5 / 0.25, 8.0% at 0.5 / 0.75, 6.3% at 1.0 / 1.0 —
 * agree within 0.05 points with the shares a later analysis computed from {@code machine_events}
 * (53.47%, 30.74%, 7.95%, 6.32%, then 0.99% … 0.01%).
 *
 * <p>Capacities are normalised to the largest machine; mesosim's scale is 1.0 CPU =
 * {@value #CPUS_PER_UNIT} cores and 1.0 memory = {@value #MEM_PER_UNIT} MB (64 GB), the same
 * defaults the {@code google-2011} trace reader uses for requests, so a replayed trace fits this
 * cluster as it fitted the cell. The trace publishes no disk capacity; agents get none.
 */
public final class GoogleCell {
  /** Cores for a normalised CPU capacity of 1.0. */
  public static final double CPUS_PER_UNIT = 32;
  /** MB for a normalised memory capacity of 1.0. */
  public static final double MEM_PER_UNIT = 65536;

  /** One row of Reiss et al. Table 1. */
  public record MachineType(String name, String platform, int count, double cpu, double mem) {}

  /** Reiss et al. 2012, Table 1, in the table's order. */
  public static final List<MachineType> TYPES = List.of(
      new MachineType("b50-50", "B", 6732, 0.50, 0.50),
      new MachineType("b50-25", "B", 3863, 0.50, 0.25),
      new MachineType("b50-75", "B", 1001, 0.50, 0.75),
      new MachineType("c100-100", "C", 795, 1.00, 1.00),
      new MachineType("a25-25", "A", 126, 0.25, 0.25),
      new MachineType("b50-12", "B", 52, 0.50, 0.12),
      new MachineType("b50-3", "B", 5, 0.50, 0.03),
      new MachineType("b50-97", "B", 5, 0.50, 0.97),
      new MachineType("c100-50", "C", 3, 1.00, 0.50),
      new MachineType("b50-6", "B", 1, 0.50, 0.06));

  private GoogleCell() {}

  /** Machines in the full cell (12,583). */
  public static int totalMachines() {
    int n = 0;
    for (MachineType t : TYPES) {
      n += t.count();
    }
    return n;
  }

  /** The cell scaled by {@code scale} (1.0 = the full cell), at 32 cores and 64 GB per unit. */
  public static List<AgentGroup> machines(double scale) {
    return machines(scale, CPUS_PER_UNIT, MEM_PER_UNIT);
  }

  /**
   * The cell scaled by {@code scale}: round(12,583 × scale) machines (at least 1), apportioned to
   * the machine types by largest remainder (ties in table order), so the mix is kept as well as
   * whole machines allow; types that get no machine are left out.
   */
  public static List<AgentGroup> machines(double scale, double cpusPerUnit, double memPerUnit) {
    if (!(scale > 0) || Double.isInfinite(scale)) {
      throw new IllegalArgumentException("scale: must be > 0");
    }
    int[] counts = apportion(scale);
    List<AgentGroup> out = new ArrayList<>();
    for (int i = 0; i < TYPES.size(); i++) {
      if (counts[i] == 0) {
        continue;
      }
      MachineType t = TYPES.get(i);
      TreeMap<String, String> attrs = new TreeMap<>();
      attrs.put("platform", t.platform());
      out.add(new AgentGroup(t.name(), counts[i], Resources.of(t.cpu() * cpusPerUnit, t.mem() * memPerUnit),
          attrs, new TreeMap<>()));
    }
    return out;
  }

  static int[] apportion(double scale) {
    int total = (int) Math.max(1, Math.round(totalMachines() * scale));
    int[] counts = new int[TYPES.size()];
    double[] rem = new double[TYPES.size()];
    int given = 0;
    double exact = (double) total / totalMachines();
    for (int i = 0; i < counts.length; i++) {
      double q = TYPES.get(i).count() * exact;
      counts[i] = (int) Math.floor(q);
      rem[i] = q - counts[i];
      given += counts[i];
    }
    while (given < total) {
      int best = 0;
      for (int i = 1; i < rem.length; i++) {
        if (rem[i] > rem[best]) {
          best = i;
        }
      }
      counts[best]++;
      rem[best] = -1;
      given++;
    }
    return counts;
  }

  /** Total cores of the scaled cell. */
  public static double totalCpus(double scale) {
    double c = 0;
    for (AgentGroup g : machines(scale)) {
      c += g.count() * g.resources().cpus();
    }
    return c;
  }
}
