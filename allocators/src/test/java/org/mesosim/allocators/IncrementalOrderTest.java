package org.mesosim.allocators;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.mesosim.allocators.capacity.CapacityAllocator;
import org.mesosim.allocators.slots.SlotsAllocator;
import org.mesosim.model.ResourceSet;
import org.mesosim.model.allocation.Allocator;

/**
 * The incremental orders (sorted sets re-keyed as allocations change, pulled lazily) give exactly
 * the offers of a reference that recomputes every key and re-sorts for every agent.
 */
class IncrementalOrderTest {
  /** A from-scratch reference: the given key per framework, re-sorted for every agent. */
  private static class Reference extends AbstractOfferAllocator {
    private final Function<Reference, Comparator<FrameworkState>> order;

    Reference(Map<String, Object> options, Function<Reference, Comparator<FrameworkState>> order) {
      super(options);
      this.order = order;
    }

    @Override
    protected void orderFrameworks(AgentState agent, List<FrameworkState> eligible) {
      eligible.sort(order.apply(this).thenComparing(FrameworkState::id));
    }

    double dominant(FrameworkState f) {
      return Shares.dominant(f.allocated(), clusterTotal()) / weight(f.role());
    }

    double sum(FrameworkState f) {
      return Shares.sum(f.allocated(), clusterTotal()) / weight(f.role());
    }
  }

  private static Map<String, Object> opts(String policy) {
    return PolicyOptions.resolve(AllocatorRegistry.standard().require(policy), EveryPolicyInvariantsTest.busyOptions(policy));
  }

  private static void assertSameOffers(String policy, java.util.function.Supplier<Allocator> reference) {
    for (long seed : new long[] {5L, 6L, 7L}) {
      assertEquals(EveryPolicyInvariantsTest.busy(reference.get(), seed).offerLog(),
          EveryPolicyInvariantsTest.busy(policy, seed).offerLog(), policy + " seed " + seed);
    }
  }

  @Test
  void drf_incrementalOrder_equalsFullResortPerAgent() {
    assertSameOffers("drf", () -> new Reference(opts("drf"), r -> Comparator.comparingDouble(r::dominant)));
  }

  @Test
  void assetFairness_incrementalOrder_equalsFullResortPerAgent() {
    assertSameOffers("asset-fairness", () -> new Reference(opts("asset-fairness"), r -> Comparator.comparingDouble(r::sum)));
  }

  @Test
  void fifo_incrementalOrder_equalsRegistrationOrder() {
    assertSameOffers("fifo", () -> new Reference(opts("fifo"), r -> Comparator.comparingLong(FrameworkState::order)));
  }

  @Test
  void slots_incrementalOrder_equalsFullRecountPerAgent() {
    SlotsAllocator counter = new SlotsAllocator(opts("slots"));
    assertSameOffers("slots", () -> new Reference(opts("slots"), r -> Comparator.comparingDouble(f -> {
      long held = 0;
      for (ResourceSet x : f.allocation().values()) {
        held += counter.slotsOf(x.quantity());
      }
      return held / r.weight(f.role());
    })) {
      @Override
      protected ResourceSet limit(FrameworkState framework, AgentState agent, ResourceSet candidate) {
        long occupied = 0;
        for (ResourceSet x : agent.allocationsByFramework().values()) {
          occupied += counter.slotsOf(x.quantity());
        }
        long free = counter.slotsIn(agent.total().quantity()) - occupied;
        if (free <= 0) {
          return ResourceSet.EMPTY;
        }
        long[] cap = candidate.quantity().toMilliArray();
        cap = java.util.Arrays.copyOf(cap, Math.max(cap.length, 2));
        cap[0] = Math.min(cap[0], free * 1000);
        cap[1] = Math.min(cap[1], free * 2048_000);
        return ResourceSets.trimTo(candidate, org.mesosim.model.Resources.ofMilli(cap));
      }
    });
  }

  @Test
  void capacity_incrementalTwoLevelOrder_equalsFullResortPerAgent() {
    // The policy's own orderFrameworks computes the order from scratch; drive it through the
    // default (list-based) frameworkOrder by wrapping it.
    CapacityAllocator keys = new CapacityAllocator(opts("capacity"));
    assertSameOffers("capacity", () -> new Reference(opts("capacity"), r -> {
      Comparator<FrameworkState> byRole = Comparator.comparingDouble(f -> roleKey(r, keys, f.role()));
      return byRole.thenComparing(FrameworkState::role).thenComparingDouble(f -> Shares.dominant(f.allocated(), r.clusterTotal()));
    }) {
      @Override
      protected ResourceSet limit(FrameworkState framework, AgentState agent, ResourceSet candidate) {
        org.mesosim.model.Resources used = org.mesosim.model.Resources.EMPTY;
        for (FrameworkState f : frameworksInRegistrationOrder()) {
          if (f.role().equals(framework.role())) {
            used = used.plus(f.allocated());
          }
        }
        org.mesosim.model.Resources cap = clusterTotal().times(keys.share(framework.role()));
        return ResourceSets.trimTo(candidate, cap.minusFloored(used));
      }
    });
  }

  private static double roleKey(Reference r, CapacityAllocator keys, String role) {
    org.mesosim.model.Resources used = org.mesosim.model.Resources.EMPTY;
    for (FrameworkState f : r.frameworksInRegistrationOrder()) {
      if (f.role().equals(role)) {
        used = used.plus(f.allocated());
      }
    }
    double s = keys.share(role);
    return s > 0 ? Shares.dominant(used, r.clusterTotal()) / s : Double.POSITIVE_INFINITY;
  }
}
