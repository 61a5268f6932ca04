package org.mesosim.allocators;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;
import org.mesosim.model.AgentId;
import org.mesosim.model.AgentInfo;
import org.mesosim.model.FrameworkId;
import org.mesosim.model.ResourceSet;

/**
 * What {@link AbstractOfferAllocator} keeps per agent, as Mesos' {@code Slave} struct in
 * {@code src/master/allocator/mesos/hierarchical.hpp}: the total, what is allocated (offered or
 * in use, not told apart), per framework, and whether the agent is activated. Policies read it;
 * only the base allocator changes it.
 */
public final class AgentState {
  private final AgentId id;
  private final AgentInfo info;
  private final ResourceSet total;
  private final long order;
  private ResourceSet allocated = ResourceSet.EMPTY;
  private ResourceSet available;
  private boolean active = true;
  private final TreeMap<FrameworkId, ResourceSet> byFramework = new TreeMap<>();

  AgentState(AgentId id, AgentInfo info, ResourceSet total, long order) {
    this.id = id;
    this.info = info;
    this.total = total;
    this.order = order;
    this.available = total;
  }

  public AgentId id() {
    return id;
  }

  public AgentInfo info() {
    return info;
  }

  public ResourceSet total() {
    return total;
  }

  /** Registration sequence number (0, 1, …). */
  public long order() {
    return order;
  }

  /** Offered or in use. */
  public ResourceSet allocated() {
    return allocated;
  }

  /** Total minus allocated. */
  public ResourceSet available() {
    return available;
  }

  public boolean active() {
    return active;
  }

  /** True iff the agent advertises GPUs (Mesos 1.1 offers those only to GPU_RESOURCES frameworks). */
  public boolean hasGpus() {
    return org.mesosim.model.allocation.Offerability.hasGpus(total.quantity());
  }

  /** What each framework holds here, by framework id. */
  public SortedMap<FrameworkId, ResourceSet> allocationsByFramework() {
    return Collections.unmodifiableSortedMap(byFramework);
  }

  void setActive(boolean active) {
    this.active = active;
  }

  void allocate(FrameworkId framework, ResourceSet r) {
    allocated = allocated.plus(r);
    byFramework.merge(framework, r, ResourceSet::plus);
    refresh();
  }

  /** Removes {@code r} (clamped to what is allocated, so a confused caller cannot break totals). */
  void recover(FrameworkId framework, ResourceSet r) {
    ResourceSet take = allocated.contains(r) ? r : clamp(allocated, r);
    allocated = allocated.minus(take);
    ResourceSet held = byFramework.get(framework);
    if (held != null) {
      ResourceSet h = held.contains(take) ? take : clamp(held, take);
      ResourceSet rest = held.minus(h);
      if (rest.isEmpty()) {
        byFramework.remove(framework);
      } else {
        byFramework.put(framework, rest);
      }
    }
    refresh();
  }

  private void refresh() {
    available = total.contains(allocated) ? total.minus(allocated) : clampedMinus(total, allocated);
  }

  /** The part of {@code r} contained in {@code in}, reservation by reservation. */
  static ResourceSet clamp(ResourceSet in, ResourceSet r) {
    TreeMap<String, org.mesosim.model.Resources> m = new TreeMap<>();
    for (var e : r.reservations().entrySet()) {
      m.put(e.getKey(), e.getValue().min(in.reserved(e.getKey())));
    }
    return ResourceSet.of(r.unreserved().min(in.unreserved()), m);
  }

  private static ResourceSet clampedMinus(ResourceSet a, ResourceSet b) {
    return a.minus(clamp(a, b));
  }
}
