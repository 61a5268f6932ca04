package org.mesosim.allocators.slots;

import java.util.Map;
import java.util.TreeMap;
import org.mesosim.allocators.AgentState;
import org.mesosim.allocators.FrameworkState;
import org.mesosim.allocators.KeyedOfferAllocator;
import org.mesosim.allocators.PolicyOptions;
import org.mesosim.allocators.ResourceSets;
import org.mesosim.model.AgentId;
import org.mesosim.model.FrameworkId;
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
public final class SlotsAllocator extends KeyedOfferAllocator {
  private final long slotCpusMilli;
  private final long slotMemMilli;
  /** Slots each framework holds, in total and per agent. */
  private final TreeMap<FrameworkId, SlotBook> books = new TreeMap<>();

  /** A framework's slot count, kept up to date as its allocation changes. */
  private static final class SlotBook {
    long total;
    final TreeMap<AgentId, Long> perAgent = new TreeMap<>();
  }

  public SlotsAllocator(Map<String, Object> options) {
    super(options);
    double c = PolicyOptions.number(options, "slotCpus", 1.0);
    double m = PolicyOptions.number(options, "slotMem", 2048.0); // both > 0 (SlotsPolicy)
    this.slotCpusMilli = Resources.toMilli("cpus", c);
    this.slotMemMilli = Resources.toMilli("mem", m);
    if (slotCpusMilli == 0 || slotMemMilli == 0) {
      // Amounts are counted in thousandths; a smaller slot would round to 0.
      throw new IllegalArgumentException((slotCpusMilli == 0 ? "slotCpus" : "slotMem") + ": must be at least 0.001, not "
          + (slotCpusMilli == 0 ? c : m));
    }
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

  /** Slots {@code f} holds over all agents. */
  public long slotsHeld(FrameworkState f) {
    SlotBook b = books.get(f.id());
    return b == null ? 0 : b.total;
  }

  @Override
  protected void computeKeys(FrameworkState f) {
    f.setSortKey(slotsHeld(f) / weight(f.role()));
  }

  @Override
  protected void frameworkAllocationChanged(FrameworkState f, AgentId agent, Resources before) {
    SlotBook b = books.computeIfAbsent(f.id(), k -> new SlotBook());
    if (agent == null) {
      recount(f, b);
    } else {
      long now = slotsOf(f.allocationOn(agent).quantity());
      Long old = now == 0 ? b.perAgent.remove(agent) : b.perAgent.put(agent, now);
      b.total += now - (old == null ? 0 : old);
    }
    super.frameworkAllocationChanged(f, agent, before);
  }

  @Override
  protected void frameworkEligibilityChanged(FrameworkState f) {
    if (frameworks().get(f.id()) != f) {
      books.remove(f.id());
    } else if (!books.containsKey(f.id())) {
      recount(f, books.computeIfAbsent(f.id(), k -> new SlotBook()));
    }
    super.frameworkEligibilityChanged(f);
  }

  private void recount(FrameworkState f, SlotBook b) {
    b.perAgent.clear();
    b.total = 0;
    for (Map.Entry<AgentId, ResourceSet> e : f.allocation().entrySet()) {
      long n = slotsOf(e.getValue().quantity());
      if (n > 0) {
        b.perAgent.put(e.getKey(), n);
        b.total += n;
      }
    }
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
