package org.mesosim.allocators.slots;

import java.util.List;
import java.util.Map;
import org.mesosim.allocators.AbstractOfferAllocator;
import org.mesosim.allocators.AgentState;
import org.mesosim.allocators.FrameworkState;
import org.mesosim.allocators.PolicyOptions;
import org.mesosim.allocators.ResourceSets;
import org.mesosim.model.ResourceNames;
import org.mesosim.model.ResourceSet;
import org.mesosim.model.Resources;

/**
 * Single-resource max-min fairness over fixed-size slots: the slot-based Hadoop Fair Scheduler
 * that the DRF paper (Ghodsi et al. NSDI 2011, Sections 1-2 and its evaluation) compares DRF
 * against. Each agent is cut into {@code floor(min(cpus / slotCpus, mem / slotMem))} slots; a
 * holding of (c, m) on an agent occupies {@code ceil(max(c / slotCpus, m / slotMem))} slots.
 *
 * <p>Per agent, frameworks are ordered by slots held (over all agents) ÷ role weight ascending,
 * ties by framework id. A framework is offered at most the agent's free slots: cpus and mem are
 * trimmed to (free slots × slot size); other resources (disk, gpus, custom) are offered whole.
 * An agent smaller than one slot is never offered.
 */
public final class SlotsAllocator extends AbstractOfferAllocator {
  private final long slotCpusMilli;
  private final long slotMemMilli;

  public SlotsAllocator(Map<String, Object> options) {
    super(options);
    double c = PolicyOptions.number(options, "slotCpus", 1.0);
    double m = PolicyOptions.number(options, "slotMem", 2048.0);
    if (c <= 0 || m <= 0) {
      throw new IllegalArgumentException((c <= 0 ? "slotCpus" : "slotMem") + ": must be > 0");
    }
    this.slotCpusMilli = Resources.toMilli("cpus", c);
    this.slotMemMilli = Resources.toMilli("mem", m);
  }

  /** Slots a holding occupies: ceil(max(cpus / slotCpus, mem / slotMem)). */
  public long slotsOf(Resources r) {
    long c = ceilDiv(r.milli(ResourceNames.CPUS), slotCpusMilli);
    long m = ceilDiv(r.milli(ResourceNames.MEM), slotMemMilli);
    return Math.max(c, m);
  }

  /** Slots an agent has: floor(min(cpus / slotCpus, mem / slotMem)). */
  public long slotsIn(Resources total) {
    return Math.min(total.milli(ResourceNames.CPUS) / slotCpusMilli, total.milli(ResourceNames.MEM) / slotMemMilli);
  }

  private static long ceilDiv(long a, long b) {
    return (a + b - 1) / b;
  }

  @Override
  protected void orderFrameworks(AgentState agent, List<FrameworkState> eligible) {
    for (int i = 0; i < eligible.size(); i++) {
      FrameworkState f = eligible.get(i);
      long held = 0;
      for (ResourceSet r : f.allocation().values()) {
        held += slotsOf(r.quantity());
      }
      f.setSortKey(held / weight(f.role()));
    }
    sortByKey(eligible);
  }

  @Override
  protected ResourceSet limit(FrameworkState framework, AgentState agent, ResourceSet candidate) {
    long occupied = 0;
    for (ResourceSet r : agent.allocationsByFramework().values()) {
      occupied += slotsOf(r.quantity());
    }
    long free = slotsIn(agent.total().quantity()) - occupied;
    if (free <= 0) {
      return ResourceSet.EMPTY;
    }
    long[] cap = candidate.quantity().toMilliArray();
    if (cap.length <= ResourceNames.MEM) {
      cap = java.util.Arrays.copyOf(cap, ResourceNames.MEM + 1);
    }
    cap[ResourceNames.CPUS] = Math.min(cap[ResourceNames.CPUS], free * slotCpusMilli);
    cap[ResourceNames.MEM] = Math.min(cap[ResourceNames.MEM], free * slotMemMilli);
    return ResourceSets.trimTo(candidate, Resources.ofMilli(cap));
  }
}
