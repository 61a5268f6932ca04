package org.mesosim.allocators;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.mesosim.model.AgentId;
import org.mesosim.model.FrameworkId;
import org.mesosim.model.FrameworkInfo;
import org.mesosim.model.ResourceSet;
import org.mesosim.model.Resources;

/**
 * What {@link AbstractOfferAllocator} keeps per framework, as Mesos' {@code Framework} struct in
 * {@code src/master/allocator/mesos/hierarchical.hpp}: role, active and suppressed flags, offer
 * filters per agent, and what it holds (offered or in use) per agent. Policies read it and may set
 * {@link #sortKey} while ordering; only the base allocator changes the rest.
 */
public final class FrameworkState {
  private final FrameworkId id;
  private final FrameworkInfo info;
  private final long order;
  private boolean active = true;
  private boolean suppressed;
  private Resources allocated = Resources.EMPTY;
  private final TreeMap<AgentId, ResourceSet> allocation = new TreeMap<>();
  final TreeMap<AgentId, List<OfferFilter>> filters = new TreeMap<>();
  /** Outstanding offers per agent from the latest run, for inferring accepted task sizes. */
  final TreeMap<AgentId, ResourceSet> lastOffered = new TreeMap<>();
  private Resources declaredDemand = Resources.EMPTY;
  private Resources lastAccepted = Resources.EMPTY;
  private double sortKey;
  private double tieKey;

  FrameworkState(FrameworkId id, FrameworkInfo info, long order) {
    this.id = id;
    this.info = info;
    this.order = order;
  }

  public FrameworkId id() {
    return id;
  }

  public FrameworkInfo info() {
    return info;
  }

  public String role() {
    return info.role();
  }

  /** Registration sequence number (0, 1, …): FIFO's order. */
  public long order() {
    return order;
  }

  /** Registered and connected (Mesos "active" in the framework sorter). */
  public boolean active() {
    return active;
  }

  public boolean suppressed() {
    return suppressed;
  }

  /** Everything it holds over all agents, reservation metadata stripped. */
  public Resources allocated() {
    return allocated;
  }

  /** What it holds, per agent. */
  public SortedMap<AgentId, ResourceSet> allocation() {
    return Collections.unmodifiableSortedMap(allocation);
  }

  /** What it holds on one agent. */
  public ResourceSet allocationOn(AgentId agent) {
    ResourceSet r = allocation.get(agent);
    return r == null ? ResourceSet.EMPTY : r;
  }

  /**
   * Its next task's resources: the hint given through {@code Allocator#updateDemand} if any,
   * otherwise the size of the last task it accepted (inferred as offered minus returned on the
   * same agent), otherwise {@link Resources#EMPTY} (unknown).
   */
  public Resources demand() {
    return declaredDemand.isEmpty() ? lastAccepted : declaredDemand;
  }

  /** A policy's per-run ordering key (lower first); see {@link AbstractOfferAllocator#sortByKey}. */
  public double sortKey() {
    return sortKey;
  }

  public void setSortKey(double key) {
    this.sortKey = key;
  }

  /** A secondary ordering key, compared after {@link #sortKey()} and before the framework id. */
  public double tieKey() {
    return tieKey;
  }

  public void setTieKey(double key) {
    this.tieKey = key;
  }

  /** Number of filters currently installed, over all agents. */
  public int filterCount() {
    int n = 0;
    for (List<OfferFilter> l : filters.values()) {
      n += l.size();
    }
    return n;
  }

  void setActive(boolean active) {
    this.active = active;
  }

  void setSuppressed(boolean suppressed) {
    this.suppressed = suppressed;
  }

  void setDeclaredDemand(Resources r) {
    declaredDemand = r;
  }

  void setLastAccepted(Resources r) {
    lastAccepted = r;
  }

  void allocate(AgentId agent, ResourceSet r) {
    allocation.merge(agent, r, ResourceSet::plus);
    allocated = allocated.plus(r.quantity());
  }

  void recover(AgentId agent, ResourceSet r) {
    ResourceSet held = allocation.get(agent);
    if (held == null) {
      return;
    }
    ResourceSet take = held.contains(r) ? r : AgentState.clamp(held, r);
    ResourceSet rest = held.minus(take);
    if (rest.isEmpty()) {
      allocation.remove(agent);
    } else {
      allocation.put(agent, rest);
    }
    allocated = allocated.minus(take.quantity());
  }

  /** True iff a filter on {@code agent} refused a superset of {@code candidate} (Mesos {@code RefusedOfferFilter::filter}). */
  boolean filtered(AgentId agent, ResourceSet candidate) {
    List<OfferFilter> l = filters.get(agent);
    if (l == null) {
      return false;
    }
    for (int i = 0; i < l.size(); i++) {
      if (l.get(i).refused().contains(candidate)) {
        return true;
      }
    }
    return false;
  }

  /** All installed filters, in agent then creation order (for clearing). */
  List<OfferFilter> allFilters() {
    List<OfferFilter> all = new ArrayList<>();
    for (List<OfferFilter> l : filters.values()) {
      all.addAll(l);
    }
    return all;
  }
}
