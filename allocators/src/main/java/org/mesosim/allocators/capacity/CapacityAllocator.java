package org.mesosim.allocators.capacity;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.mesosim.allocators.AbstractOfferAllocator;
import org.mesosim.allocators.AgentState;
import org.mesosim.allocators.FrameworkState;
import org.mesosim.allocators.PolicyOptions;
import org.mesosim.allocators.ResourceSets;
import org.mesosim.allocators.Shares;
import org.mesosim.model.ResourceSet;
import org.mesosim.model.Resources;

/**
 * Static capacity shares per role, in the spirit of Hadoop's CapacityScheduler queues without
 * elasticity: role r may hold at most {@code shares[r]} × the cluster total of every resource
 * ({@code defaultShare} for roles not listed). An offer is trimmed to the role's headroom
 * (reserved parts first), so a role never exceeds its cap; nothing is lent to other roles when a
 * role is idle.
 *
 * <p>Per agent, frameworks are ordered by their role's usage relative to its cap (the role's
 * dominant share ÷ its capacity share) ascending, then the framework's own dominant share, then
 * framework id. Role weights are not used (the shares replace them).
 */
public final class CapacityAllocator extends AbstractOfferAllocator {
  private final SortedMap<String, Double> shares;
  private final double defaultShare;
  private final TreeMap<String, Resources> roleAllocated = new TreeMap<>();
  private final TreeMap<String, Double> roleKey = new TreeMap<>();
  private final Comparator<FrameworkState> order = (a, b) -> {
    int c = Double.compare(roleKey.get(a.role()), roleKey.get(b.role()));
    return c != 0 ? c : BY_KEY_THEN_ID.compare(a, b);
  };

  public CapacityAllocator(Map<String, Object> options) {
    super(options);
    this.shares = PolicyOptions.map(options, "shares");
    this.defaultShare = PolicyOptions.number(options, "defaultShare", 1.0);
    for (Map.Entry<String, Double> e : shares.entrySet()) {
      if (e.getValue() < 0 || e.getValue() > 1) {
        throw new IllegalArgumentException("shares." + e.getKey() + ": must be in [0, 1], not " + e.getValue());
      }
    }
    if (defaultShare < 0 || defaultShare > 1) {
      throw new IllegalArgumentException("defaultShare: must be in [0, 1], not " + defaultShare);
    }
  }

  /** The configured capacity share of a role. */
  public double share(String role) {
    Double s = shares.get(role);
    return s == null ? defaultShare : s;
  }

  @Override
  protected void orderFrameworks(AgentState agent, List<FrameworkState> eligible) {
    Resources total = clusterTotal();
    roleAllocated.clear();
    for (FrameworkState f : frameworksInRegistrationOrder()) {
      roleAllocated.merge(f.role(), f.allocated(), Resources::plus);
    }
    roleKey.clear();
    for (Map.Entry<String, Resources> e : roleAllocated.entrySet()) {
      double s = share(e.getKey());
      double used = Shares.dominant(e.getValue(), total);
      roleKey.put(e.getKey(), s > 0 ? used / s : Double.POSITIVE_INFINITY);
    }
    for (int i = 0; i < eligible.size(); i++) {
      FrameworkState f = eligible.get(i);
      f.setSortKey(Shares.dominant(f.allocated(), total));
    }
    eligible.sort(order);
  }

  @Override
  protected ResourceSet limit(FrameworkState framework, AgentState agent, ResourceSet candidate) {
    Resources cap = clusterTotal().times(share(framework.role()));
    // Summed afresh: earlier frameworks of the role may have been given part of this agent.
    Resources used = Resources.EMPTY;
    for (FrameworkState f : frameworksInRegistrationOrder()) {
      if (f.role().equals(framework.role())) {
        used = used.plus(f.allocated());
      }
    }
    return ResourceSets.trimTo(candidate, cap.minusFloored(used));
  }
}
