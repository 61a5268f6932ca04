package org.mesosim.allocators.capacity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.mesosim.allocators.AbstractOfferAllocator;
import org.mesosim.allocators.AgentState;
import org.mesosim.allocators.FrameworkState;
import org.mesosim.allocators.PolicyOptions;
import org.mesosim.allocators.ResourceSets;
import org.mesosim.allocators.Shares;
import org.mesosim.model.AgentId;
import org.mesosim.model.FrameworkId;
import org.mesosim.model.ResourceSet;
import org.mesosim.model.Resources;

/**
 * Static capacity shares per role, in the spirit of Hadoop's CapacityScheduler queues without
 * elasticity: role r may hold at most {@code shares[r]} × the cluster total of every resource
 * ({@code defaultShare} for roles not listed). An offer is trimmed to the role's headroom
 * (reserved parts first), so a role never exceeds its cap; nothing is lent to other roles when a
 * role is idle.
 *
 * <p>Per agent, roles are ordered by usage relative to their cap (the role's dominant share ÷ its
 * capacity share; a zero share sorts last) ascending, ties by role name; within a role, frameworks
 * by their own dominant share, ties by framework id. Role weights are not used (the shares replace
 * them). Both levels are sorted sets updated as allocations change and pulled lazily by the run,
 * as {@link org.mesosim.allocators.KeyedOfferAllocator} does for one level.
 */
public final class CapacityAllocator extends AbstractOfferAllocator {
  /** A role's place in the order: its key and its eligible frameworks. */
  private static final class RoleNode {
    final String name;
    double key;
    final TreeSet<FrameworkState> members = new TreeSet<>(BY_KEY_THEN_ID);

    RoleNode(String name) {
      this.name = name;
    }
  }

  private static final Comparator<RoleNode> ROLE_ORDER = (a, b) -> {
    int c = Double.compare(a.key, b.key);
    return c != 0 ? c : a.name.compareTo(b.name);
  };

  private final SortedMap<String, Double> shares;
  private final double defaultShare;
  /** What each role's registered frameworks hold, kept up to date as allocations change. */
  private final TreeMap<String, Resources> roleAllocated = new TreeMap<>();
  private final TreeMap<String, RoleNode> nodes = new TreeMap<>();
  /** Roles with at least one eligible framework, in offer order. */
  private final TreeSet<RoleNode> roleOrder = new TreeSet<>(ROLE_ORDER);
  private final List<FrameworkState> pending = new ArrayList<>();
  private boolean inAgent;
  private boolean rekeyAll = true;
  /** Frameworks whose allocation is in {@link #roleAllocated}. */
  private final TreeSet<FrameworkId> counted = new TreeSet<>();
  private final TwoLevel iterator = new TwoLevel();

  public CapacityAllocator(Map<String, Object> options) {
    super(options);
    this.shares = PolicyOptions.map(options, "shares");
    this.defaultShare = PolicyOptions.number(options, "defaultShare", 1.0); // both in [0, 1] (CapacityPolicy)
  }

  /** The configured capacity share of a role. */
  public double share(String role) {
    Double s = shares.get(role);
    return s == null ? defaultShare : s;
  }

  /** The role's dominant share of the cluster divided by its capacity share (+∞ for a zero share). */
  private double roleKey(String role) {
    double s = share(role);
    double used = Shares.dominant(roleAllocated.getOrDefault(role, Resources.EMPTY), clusterTotal());
    return s > 0 ? used / s : Double.POSITIVE_INFINITY;
  }

  private RoleNode node(String role) {
    return nodes.computeIfAbsent(role, RoleNode::new);
  }

  private void rebuild() {
    roleAllocated.clear();
    nodes.clear();
    roleOrder.clear();
    counted.clear();
    for (FrameworkState f : frameworksInRegistrationOrder()) {
      roleAllocated.merge(f.role(), f.allocated(), Resources::plus);
      counted.add(f.id());
    }
    for (FrameworkState f : frameworksInRegistrationOrder()) {
      f.setSortKey(Shares.dominant(f.allocated(), clusterTotal()));
      RoleNode n = node(f.role());
      if (isEligible(f)) {
        n.members.add(f);
      }
    }
    for (RoleNode n : nodes.values()) {
      n.key = roleKey(n.name);
      if (!n.members.isEmpty()) {
        roleOrder.add(n);
      }
    }
    rekeyAll = false;
  }

  /** Recomputes a framework's key and its role's key, repositioning both. */
  private void reposition(FrameworkState f) {
    RoleNode n = node(f.role());
    n.members.remove(f);
    f.setSortKey(Shares.dominant(f.allocated(), clusterTotal()));
    if (isEligible(f)) {
      n.members.add(f);
    }
    roleOrder.remove(n);
    n.key = roleKey(n.name);
    if (!n.members.isEmpty()) {
      roleOrder.add(n);
    }
  }

  @Override
  protected Iterator<FrameworkState> frameworkOrder(AgentState agent) {
    if (rekeyAll) {
      rebuild();
    }
    inAgent = true;
    iterator.reset();
    return iterator;
  }

  @Override
  protected void agentDone(AgentState agent) {
    inAgent = false;
    for (int i = 0; i < pending.size(); i++) {
      reposition(pending.get(i));
    }
    pending.clear();
  }

  /** The same order, computed from scratch (the run itself uses the sorted sets). */
  @Override
  protected void orderFrameworks(AgentState agent, List<FrameworkState> eligible) {
    eligible.sort((a, b) -> {
      int c = Double.compare(roleKey(a.role()), roleKey(b.role()));
      if (c == 0) {
        c = a.role().compareTo(b.role());
      }
      if (c == 0) {
        c = Double.compare(Shares.dominant(a.allocated(), clusterTotal()), Shares.dominant(b.allocated(), clusterTotal()));
      }
      return c != 0 ? c : a.id().compareTo(b.id());
    });
  }

  @Override
  protected void frameworkAllocationChanged(FrameworkState f, AgentId agent, Resources before) {
    if (counted.contains(f.id())) {
      Resources r = roleAllocated.getOrDefault(f.role(), Resources.EMPTY);
      roleAllocated.put(f.role(), r.plus(f.allocated()).minusFloored(before));
    }
    if (rekeyAll) {
      return; // the next run rebuilds everything
    }
    if (inAgent) {
      pending.add(f);
    } else {
      reposition(f);
    }
  }

  @Override
  protected void frameworkEligibilityChanged(FrameworkState f) {
    boolean registered = frameworks().get(f.id()) == f;
    if (registered && counted.add(f.id())) {
      roleAllocated.merge(f.role(), f.allocated(), Resources::plus);
    } else if (!registered && counted.remove(f.id())) {
      roleAllocated.put(f.role(), roleAllocated.getOrDefault(f.role(), Resources.EMPTY).minusFloored(f.allocated()));
    }
    if (!rekeyAll) {
      reposition(f);
    }
  }

  @Override
  protected void sharesInvalidated() {
    rekeyAll = true;
  }

  @Override
  protected ResourceSet limit(FrameworkState framework, AgentState agent, ResourceSet candidate) {
    Resources cap = clusterTotal().times(share(framework.role()));
    Resources used = roleAllocated.getOrDefault(framework.role(), Resources.EMPTY);
    return ResourceSets.trimTo(candidate, cap.minusFloored(used));
  }

  /** Roles in order, then each role's frameworks in order. Reused. */
  private final class TwoLevel implements Iterator<FrameworkState> {
    private Iterator<RoleNode> roles;
    private Iterator<FrameworkState> members;

    void reset() {
      roles = roleOrder.iterator();
      members = null;
    }

    @Override
    public boolean hasNext() {
      while (members == null || !members.hasNext()) {
        if (!roles.hasNext()) {
          return false;
        }
        members = roles.next().members.iterator();
      }
      return true;
    }

    @Override
    public FrameworkState next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      return members.next();
    }
  }
}
