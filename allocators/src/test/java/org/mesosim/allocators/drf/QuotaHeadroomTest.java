package org.mesosim.allocators.drf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mesosim.engine.SimTime;
import org.mesosim.model.AgentId;
import org.mesosim.model.FrameworkId;
import org.mesosim.model.Resources;

/**
 * The stage-2 headroom of Mesos 1.1-1.4 keeps reservation roles apart
 * ({@code remainingClusterResources} in {@code HierarchicalAllocatorProcess::allocate}, quantities
 * from {@code Resources::createStrippedScalarQuantity}, which keeps the role): unmet quota is set
 * aside from the unreserved pool only, and each role's reservations are a pool of their own.
 */
class QuotaHeadroomTest {
  private static final long S = SimTime.SECOND;

  @Test
  void unmetQuotaLargerThanTheUnreservedPool_doesNotHoldBackAnotherRolesReservation() {
    for (String v : List.of("1.1", "1.2", "1.3", "1.4")) {
      for (long seed = 1; seed <= 8; seed++) {
        AllocatorHarness h = new AllocatorHarness(S, Map.of("mesosVersion", v), seed);
        // quota-role has no framework: its whole guarantee (cpus 8) is set aside, more than the
        // 4 unreserved cpus of the cluster.
        h.allocator.setQuota("quota-role", Resources.of("cpus", 8));
        h.settle();
        AgentId a1 = h.addAgent("cpus:4;mem:512");
        AgentId a2 = h.addAgent("cpus(r2):4;mem(r2):512");
        FrameworkId f = h.addFramework("r2");
        // r2's own reservation is offered; the unreserved agent is not (its cpus are set aside).
        h.expect(f, Map.of(a2, "cpus(r2):4;mem(r2):512"));
        h.expectNoOffer();
        h.advance(3 * S);
        h.expectNoOffer();
        assertEquals("agent1", a1.value());
      }
    }
  }

  @Test
  void reservedResourcesDoNotLendHeadroomToUnreservedOffers() {
    // QuotaSetAsideReservedResources at every version that shares the 1.1 headroom rule.
    for (String v : List.of("1.2", "1.3", "1.4")) {
      for (long seed = 1; seed <= 8; seed++) {
        AllocatorHarness h = new AllocatorHarness(S, Map.of("mesosVersion", v), seed);
        AgentId a1 = h.addAgent("cpus:4;mem:512");
        AgentId a2 = h.addAgent("cpus(no-quota-role):4;mem(no-quota-role):512");
        FrameworkId f1 = h.addFramework("quota-role");
        h.allocator.setQuota("quota-role", Resources.of("cpus", 4));
        h.settle();
        AllocatorHarness.Offer o = h.expect(f1, Map.of(a1, "cpus:4;mem:512"));
        h.recover(o, 10 * S);
        h.advance(S);
        h.expectNoOffer();
        FrameworkId f2 = h.addFramework("no-quota-role");
        o = h.expect(f2, Map.of(a2, "cpus(no-quota-role):4;mem(no-quota-role):512"));
        h.recover(o, 10 * S);
        h.advance(S);
        h.expectNoOffer();
      }
    }
  }

  @Test
  void mesos14_anAncestorsReservationIsItsOwnPool() {
    // 1.4 collapses a reservation stack to its reservation role (createStrippedScalarQuantity), so
    // the reservation to "a" offered to "a/b" is checked against the pool of "a".
    AllocatorHarness h = new AllocatorHarness(S, Map.of("mesosVersion", "1.4"), 42L);
    h.allocator.setQuota("quota-role", Resources.of("cpus", 8));
    h.settle();
    h.addAgent("cpus:4;mem:512");
    AgentId a2 = h.addAgent("cpus(a):4;mem(a):512");
    FrameworkId f = h.addFramework("a/b");
    h.expect(f, Map.of(a2, "cpus(a):4;mem(a):512"));
    h.expectNoOffer();
  }

  @Test
  void reserveAndUnreserve_moveResourcesBetweenTheHeadroomPools() {
    AllocatorHarness h = new AllocatorHarness();
    h.allocator.setQuota("quota-role", Resources.of("cpus", 4));
    h.settle();
    AgentId a = h.addAgent("cpus:4;mem:512");
    FrameworkId f = h.addFramework("r2");
    h.expectNoOffer(); // the unreserved cpus are set aside for quota-role
    h.allocator.reserve(a, "r2", Resources.of(4, 512));
    h.settle();
    h.expectNoOffer(); // updateAvailable triggers no run
    h.advance(S);
    AllocatorHarness.Offer o = h.expect(f, Map.of(a, "cpus(r2):4;mem(r2):512"));
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> h.allocator.unreserve(a, "r2", Resources.of(4, 512)), "offered, so not available");
    h.recover(o, 0);
    h.allocator.unreserve(a, "r2", Resources.of(4, 512));
    h.advance(S);
    h.expectNoOffer(); // unreserved again, so set aside again
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> h.allocator.unreserve(a, "r2", Resources.of(1, 0)));
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> h.allocator.reserve(a, "r2", Resources.of(5, 0)));
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> h.allocator.reserve(a, "*", Resources.of(1, 0)));
  }
}
