package org.mesosim.allocators.drf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mesosim.engine.SimTime;
import org.mesosim.model.AgentId;
import org.mesosim.model.FrameworkId;
import org.mesosim.model.Operation;
import org.mesosim.model.ResourceSet;
import org.mesosim.model.Resources;
import org.mesosim.model.Volume;

/**
 * Literal ports of the functional tests that Mesos 1.5.0's
 * {@code src/tests/hierarchical_allocator_tests.cpp} (tag 1.5.0) added for modelled behaviour
 * (quota headroom with reservations, chopped quota), and of the tests whose expectations 1.5.0
 * changed for it (commit 9aeef9ce3, "Made quota resource allocation fine-grained"; 21c1f9366 for
 * OfferAncestorReservationsToDescendantChild), at {@code mesosVersion: 1.5}, in dispatch mode
 * ({@link AllocatorHarness#dispatching}; see {@link Mesos12HierarchicalAllocatorTests}).
 *
 * <p>The {@code HierarchicalAllocatorTestWithReservations} tests run in Mesos once with a DYNAMIC
 * and once with a STATIC reservation; the allocator model does not distinguish them (a reservation
 * here has a role and no type or principal), so each is ported once. Not ported and why:
 * {@code docs/allocator-tests.md}.
 */
class Mesos15HierarchicalAllocatorTests {
  private static final long INTERVAL = SimTime.SECOND;
  private static final long DAY = SimTime.DAY;

  private static Resources quota(String text) {
    return AllocatorHarness.res(text).unreserved();
  }

  private static ResourceSet res(String text) {
    return AllocatorHarness.res(text);
  }

  private static AllocatorHarness h() {
    return AllocatorHarness.dispatching("1.5");
  }

  // ------------------------------------------------------------------ added in 1.5.0

  /** An unallocated reservation counts towards its role's quota: agent2 would exceed it. */
  @Test
  @DisplayName("Mesos 1.5.0 HierarchicalAllocatorTestWithReservations.ReservationUnallocated")
  void ReservationUnallocated() {
    AllocatorHarness h = h();
    String reserved = "cpus(quota-role):1;mem(quota-role):1024";
    AgentId agent1 = h.addAgent(reserved);
    h.allocator.setQuota("quota-role", quota("cpus:1;mem:1024"));
    FrameworkId framework1 = h.addFramework("quota-role");
    h.settle();
    AllocatorHarness.Offer o = h.expect(framework1, Map.of(agent1, reserved));
    h.recover(o, DAY);
    h.addAgent("cpus:1;mem:1024"); // agent2
    h.settle();
    h.expectNoOffer();
  }

  /** An allocated reservation counts towards its role's quota: agent2 fills it, agent3 is not offered. */
  @Test
  @DisplayName("Mesos 1.5.0 HierarchicalAllocatorTestWithReservations.ReservationAllocated")
  void ReservationAllocated() {
    AllocatorHarness h = h();
    String reserved = "cpus(quota-role):1;mem(quota-role):1024";
    AgentId agent1 = h.addAgent(reserved);
    h.allocator.setQuota("quota-role", quota("cpus:2;mem:2048"));
    FrameworkId framework1 = h.addFramework("quota-role");
    h.settle();
    h.expect(framework1, Map.of(agent1, reserved));
    AgentId agent2 = h.addAgent("cpus:1;mem:1024");
    h.settle();
    h.expect(framework1, Map.of(agent2, "cpus:1;mem:1024"));
    h.addAgent("cpus:1;mem:1024"); // agent3
    h.settle();
    h.expectNoOffer();
  }

  /** MESOS-8293: a role without quota is offered its reservation while a quota role is unsatisfied. */
  @Test
  @DisplayName("Mesos 1.5.0 HierarchicalAllocatorTestWithReservations.NonQuotaRoleReservationWithQuotaRole")
  void NonQuotaRoleReservationWithQuotaRole() {
    AllocatorHarness h = h();
    String unreserved = "cpus:2;mem:2048";
    String reserved = "cpus(non-quota-role):2;mem(non-quota-role):2048";
    AgentId agent1 = h.addAgent(unreserved + ";" + reserved);
    h.allocator.setQuota("quota-role", quota("cpus:2;mem:2048"));
    FrameworkId framework1 = h.addFramework("quota-role");
    h.settle();
    AllocatorHarness.Offer o = h.expect(framework1, Map.of(agent1, unreserved));
    h.recover(o, DAY);
    FrameworkId framework2 = h.addFramework("non-quota-role");
    h.settle();
    h.expect(framework2, Map.of(agent1, reserved));
  }

  /**
   * A role whose reservations exceed its quota needs no headroom: only the other quota role's
   * cpus:1;mem:1024 is set aside, so agent2 is held back and agent3 is offered.
   */
  @Test
  @DisplayName("Mesos 1.5.0 HierarchicalAllocatorTestWithReservations.QuotaHeadroomWhenReservationsExceedQuota")
  void QuotaHeadroomWhenReservationsExceedQuota() {
    AllocatorHarness h = h();
    h.allocator.setQuota("quota-role-w-reservation", quota("cpus:1;mem:1024"));
    h.allocator.setQuota("quota-role-no-reservation", quota("cpus:1;mem:1024"));
    h.addAgent("cpus(quota-role-w-reservation):2;mem(quota-role-w-reservation):2048"); // agent1
    h.addAgent("cpus:1;mem:1024"); // agent2
    FrameworkId framework = h.addFramework("non-quota-role");
    h.settle();
    h.expectNoOffer();
    AgentId agent3 = h.addAgent("cpus:1;mem:1024");
    h.settle();
    h.expect(framework, Map.of(agent3, "cpus:1;mem:1024"));
  }

  /**
   * Ported without the agents' {@code ports:[31000-32000]} (ranges are not modelled; in Mesos the
   * ports go with every offer here, as no role can have quota for them). A quota role gets a name it
   * has no quota for only if that leaves the other roles' headroom: agent2's mem is set aside for
   * quota-role-2.
   */
  @Test
  @DisplayName("Mesos 1.5.0 HierarchicalAllocatorTest.QuotaRoleAllocateNonQuotaResource")
  void QuotaRoleAllocateNonQuotaResource() {
    AllocatorHarness h = h();
    h.allocator.setQuota("quota-role-1", quota("cpus:2"));
    AgentId agent1 = h.addAgent("cpus:1;mem:1024");
    FrameworkId framework = h.addFramework("quota-role-1");
    h.settle();
    h.expect(framework, Map.of(agent1, "cpus:1;mem:1024"));
    h.allocator.setQuota("quota-role-2", quota("mem:1024"));
    AgentId agent2 = h.addAgent("cpus:1;mem:1024");
    h.expect(framework, Map.of(agent2, "cpus:1"));
    h.addAgent("cpus:1;mem:1024"); // agent3
    h.expectNoOffer();
  }

  // ------------------------------------------------------------------ changed in 1.5.0

  @Test
  @DisplayName("Mesos 1.5.0 HierarchicalAllocatorTest.QuotaAllocationGranularity")
  void QuotaAllocationGranularity() {
    AllocatorHarness h = h();
    FrameworkId framework1 = h.addFramework("quota-role");
    h.allocator.setQuota("quota-role", quota("cpus:0.5;mem:200"));
    AgentId agent = h.addAgent("cpus:1;mem:512;disk:0");
    h.expect(framework1, Map.of(agent, "cpus:0.5;mem:200"));
    FrameworkId framework2 = h.addFramework("no-quota-role");
    h.expect(framework2, Map.of(agent, "cpus:0.5;mem:312"));
    h.expectNoOffer();
  }

  /** 1.5.0: the role is offered its unmet cpus on agent2 (chopped), no longer nothing. */
  @Test
  @DisplayName("Mesos 1.5.0 HierarchicalAllocatorTest.DisproportionateQuotaVsAllocation")
  void DisproportionateQuotaVsAllocation() {
    AllocatorHarness h = h();
    String agentResources = "cpus:2;mem:1024";
    h.allocator.setQuota("quota-role", quota("cpus:4;mem:1024"));
    FrameworkId framework = h.addFramework("quota-role");
    AgentId agent1 = h.addAgent(agentResources);
    h.expect(framework, Map.of(agent1, agentResources));
    AgentId agent2 = h.addAgent(agentResources);
    h.settle();
    h.expect(framework, Map.of(agent2, "cpus:2"));
    h.expectNoOffer();
  }

  /** 1.5.0: framework2 gets quota2 minus what it holds on agent2 (cpus:1;mem:976) of agent3. */
  @Test
  @DisplayName("Mesos 1.5.0 HierarchicalAllocatorTest.MultiQuotaWithFrameworks")
  void MultiQuotaWithFrameworks() {
    AllocatorHarness h = h();
    h.allocator.setQuota("quota-role-1", quota("cpus:1;mem:200"));
    h.allocator.setQuota("quota-role-2", quota("cpus:2;mem:2000"));
    FrameworkId framework1 = h.addFramework("quota-role-1");
    FrameworkId framework2 = h.addFramework("quota-role-2");
    h.settle();
    h.expectNoOffer();
    h.addAgent("cpus:1;mem:1024;disk:0", Map.of(framework1, "cpus:1;mem:1024;disk:0"));
    h.addAgent("cpus:1;mem:1024;disk:0", Map.of(framework2, "cpus:1;mem:1024;disk:0"));
    AgentId agent3 = h.addAgent("cpus:2;mem:2048");
    h.expect(framework2, Map.of(agent3, "cpus:1;mem:976"));
  }

  /** 1.5.0: framework1 is offered agent1 up to its quota (cpus:4;mem:512, no disk). */
  @Test
  @DisplayName("Mesos 1.5.0 HierarchicalAllocatorTest.QuotaSetAsideReservedResources")
  void QuotaSetAsideReservedResources() {
    for (long seed = 1; seed <= 8; seed++) {
      AllocatorHarness h = AllocatorHarness.dispatching("1.5", seed);
      AgentId agent1 = h.addAgent("cpus:4;mem:512;disk:0");
      AgentId agent2 = h.addAgent("cpus:4;mem:512;disk:0");
      String dynamicallyReserved = "cpus(no-quota-role):4;mem(no-quota-role):512";
      h.allocator.reserve(agent2, "no-quota-role", quota("cpus:4;mem:512"));
      FrameworkId framework1 = h.addFramework("quota-role");
      h.allocator.setQuota("quota-role", quota("cpus:4;mem:512"));
      AllocatorHarness.Offer o = h.expect(framework1, Map.of(agent1, "cpus:4;mem:512"));
      long longFilter = INTERVAL * 10;
      h.recover(o, longFilter);
      h.advance(INTERVAL);
      h.settle();
      h.expectNoOffer();
      FrameworkId framework2 = h.addFramework("no-quota-role");
      o = h.expect(framework2, Map.of(agent2, dynamicallyReserved));
      h.recover(o, longFilter);
      h.advance(INTERVAL);
      h.settle();
      h.expectNoOffer();
    }
  }

  /** 1.5.0's text has no quota (quota on nested roles is disabled): agent2 is offered whole. */
  @Test
  @DisplayName("Mesos 1.5.0 HierarchicalAllocatorTest.OfferAncestorReservationsToDescendantChild")
  void OfferAncestorReservationsToDescendantChild() {
    AllocatorHarness h = h();
    FrameworkId framework = h.addFramework("a/b/c");
    AgentId agent1 = h.addAgent("cpus(a):1;mem(a):512;disk(a):0");
    h.expect(framework, Map.of(agent1, "cpus(a):1;mem(a):512;disk(a):0"));
    String all = "cpus:2;mem:1024;disk:0;cpus(a/b):4;mem(a/b):2048;disk(a/b):0";
    AgentId agent2 = h.addAgent(all);
    h.expect(framework, Map.of(agent2, all));
    h.expectNoOffer();
  }

  /**
   * Mesos 1.5.0: an agent that comes back with changed attributes loses every offer filter on it
   * ({@code updateSlave} with a new SlaveInfo calls {@code removeFilters}), so the resources a
   * framework declined with a filter are offered again at once.
   */
  @Test
  @DisplayName("Mesos 1.5.0 HierarchicalAllocatorTest.RemoveFilters")
  void RemoveFilters() {
    // We put both frameworks into the same role, but we could also have had separate roles; this
    // should not influence the test.
    String role = "role";
    AllocatorHarness h = AllocatorHarness.dispatching("1.5");
    FrameworkId framework = h.addFramework(role);
    AgentId agent = h.addAgent("cpus:1;mem:512;disk:0");
    // framework will be offered all of agent's resources because it is the only framework in the cluster.
    AllocatorHarness.Offer allocation = h.expect(framework, Map.of(agent, "cpus:1;mem:512;disk:0"));
    // Now framework declines the offer and sets a filter (refuse_seconds = 2 allocation intervals).
    h.recover(allocation, 2 * INTERVAL);
    // There should be no allocation due to the offer filter.
    h.advance(INTERVAL);
    h.expectNoOffer();
    // Update the slave with new attributes.
    java.util.TreeMap<String, String> attributes = new java.util.TreeMap<>(Map.of("foo", "bar", "baz", "quux"));
    h.allocator.updateAgent(agent, new org.mesosim.model.AgentInfo("agent1", res("cpus:1;mem:512;disk:0"), attributes),
        res("cpus:1;mem:512;disk:0"));
    // Previously declined resources should be offered again.
    h.expect(framework, Map.of(agent, "cpus:1;mem:512;disk:0"));
  }

  /**
   * A shared volume allocated twice to a quota role counts once against its quota (Mesos 1.5.0's
   * quota accounting reads the quota role sorter, which counts a shared resource once per client
   * and agent). Were it counted twice, agent2's disk would not be offered.
   */
  @Test
  @DisplayName("Mesos 1.5.0 HierarchicalAllocatorTestWithReservations.SharedAllocatedResourceQuotaAccounting")
  void SharedAllocatedResourceQuotaAccounting() {
    AllocatorHarness h = h();
    h.allocator.setQuota("quota-role", quota("cpus:3;mem:2048;disk:100"));
    String reserved = "cpus(quota-role):2;mem(quota-role):1024;disk(quota-role):50";
    AgentId agent1 = h.addAgent(reserved);
    FrameworkId framework = h.addSharedFramework("quota-role");
    AllocatorHarness.Offer allocation = h.expect(framework, Map.of(agent1, reserved));
    // Quota: cpus:3;mem:2048;disk:100. Allocated quota: cpus:2;mem:1024;disk:50.
    Volume volume = Volume.of("id1", "quota-role", 50, true);
    Operation create = new Operation.Create(volume);
    ResourceSet updated = allocation.resources().get(agent1).apply(create);
    h.allocator.updateAllocation(framework, agent1, allocation.resources().get(agent1), List.of(create));
    // Recover part of the resources for the next allocation.
    ResourceSet recover = res("cpus(quota-role):1;mem(quota-role):512");
    assertTrue(updated.contains(recover));
    h.allocator.recoverResources(framework, agent1, recover, 0);
    // Allocated quota: cpus:1;mem:512;disk:50.
    h.advance(INTERVAL);
    // The remaining resources of agent1 along with the shared volume are offered again.
    AllocatorHarness.Offer o = h.next();
    assertEquals(framework, o.framework());
    assertEquals(Map.of(agent1, recover.plus(ResourceSet.of(volume))), o.resources());
    // Allocated quota: cpus:2;mem:1024;disk:50 (the 50 shared disk is allocated twice, counted once).
    AgentId agent2 = h.addAgent("cpus:1;mem:1024;disk:50");
    h.expect(framework, Map.of(agent2, "cpus:1;mem:1024;disk:50"));
    // The quota is met.
    h.addAgent("cpus:0.5;mem:512;disk:50"); // agent3
    h.settle();
    h.expectNoOffer();
  }
}
