package org.mesosim.allocators.drf;

import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mesosim.model.AgentId;
import org.mesosim.model.FrameworkId;
import org.mesosim.model.Resources;

/**
 * Literal ports of the functional tests that Mesos 1.4.0's
 * {@code src/tests/hierarchical_allocator_tests.cpp} (tag 1.4.0) added for modelled behaviour
 * (reservations to an ancestor role offered to its descendants), at {@code mesosVersion: 1.4}, in
 * dispatch mode ({@link AllocatorHarness#dispatching}; see {@link Mesos12HierarchicalAllocatorTests}).
 * Not ported and why: {@code docs/allocator-tests.md}.
 */
class Mesos14HierarchicalAllocatorTests {
  private static Resources quota(String text) {
    return AllocatorHarness.res(text).unreserved();
  }

  /**
   * agent1's reservation to "a" satisfies the quota of "a/b/c" in stage 1; then only agent2's
   * reservation to "a/b" is offered (stage 2: a quota role gets no unreserved resources there).
   */
  @Test
  @DisplayName("Mesos 1.4.0 HierarchicalAllocatorTest.OfferAncestorReservationsToDescendantChild")
  void OfferAncestorReservationsToDescendantChild() {
    AllocatorHarness h = AllocatorHarness.dispatching("1.4");
    String role = "a/b/c";
    h.allocator.setQuota(role, quota("cpus:1;mem:512"));
    FrameworkId framework = h.addFramework(role);
    AgentId agent1 = h.addAgent("cpus(a):1;mem(a):512;disk(a):0");
    h.expect(framework, Map.of(agent1, "cpus(a):1;mem(a):512;disk(a):0"));
    AgentId agent2 = h.addAgent("cpus:2;mem:1024;disk:0;cpus(a/b):4;mem(a/b):2048;disk(a/b):0");
    h.expect(framework, Map.of(agent2, "cpus(a/b):4;mem(a/b):2048;disk(a/b):0"));
    h.expectNoOffer();
  }

  /**
   * Mesos 1.4.0: {@code updateSlave(slaveId, total)} changes an agent's whole total. More is offered
   * at once; a total below what is allocated offers nothing until the allocation comes back, and
   * then only the new total; restoring the total offers the difference. Same offers in 1.5.0's
   * file (which only adds the SlaveInfo argument), so it runs at 1.4 and 1.5.
   */
  @Test
  @DisplayName("Mesos 1.4.0 HierarchicalAllocatorTest.UpdateSlaveTotalResources")
  void UpdateSlaveTotalResources() {
    AllocatorHarness.atVersions(java.util.List.of("1.4", "1.5"), v -> {
      AllocatorHarness h = AllocatorHarness.dispatching(v);
      // Create an agent and a framework. This triggers allocation of the agent's resources to the framework.
      AgentId agent = h.addAgent("cpus:100;mem:100;disk:100");
      FrameworkId framework = h.addFramework("role1");
      AllocatorHarness.Offer expected1 = h.expect(framework, Map.of(agent, "cpus:100;mem:100;disk:100"));
      // Increase the agent's total. The additional resources will be offered to the framework.
      h.allocator.updateAgentTotal(agent, AllocatorHarness.res("cpus:100;mem:100;disk:100;cpus:12"));
      AllocatorHarness.Offer expected2 = h.expect(framework, Map.of(agent, "cpus:12"));
      // Decrease the agent's total to half its original value. The allocated now exceeds the
      // total; nothing will be offered due to this operation.
      h.allocator.updateAgentTotal(agent, AllocatorHarness.res("cpus:50;mem:50;disk:50"));
      // Recover all agent resources allocated to the framework in the last two allocations. We
      // will subsequently be offered the complete agent which has agentResources2 resources.
      h.allocator.recoverResources(framework, agent,
          expected1.resources().get(agent).plus(expected2.resources().get(agent)), 0);
      // Advance the clock to trigger allocation of the available agentResources2 resources.
      // (The batched run the update queued runs after the recovery that the test dispatched behind
      // it, as libprocess orders them, so the offer is made at t=0, before the clock moves; Mesos'
      // test does not look at when, only at what.)
      h.advance(org.mesosim.engine.SimTime.SECOND);
      AllocatorHarness.Offer expected3 = h.next();
      org.junit.jupiter.api.Assertions.assertEquals(framework, expected3.framework());
      org.junit.jupiter.api.Assertions.assertEquals(new java.util.TreeMap<>(Map.of(agent,
          AllocatorHarness.res("cpus:50;mem:50;disk:50"))), new java.util.TreeMap<>(expected3.resources()));
      org.junit.jupiter.api.Assertions.assertEquals(0L, expected3.time());
      h.expectNoOffer();
      // Set the agent's total resources to its original value. This will trigger allocation of
      // the newly added agentResources2 resources now available on the agent.
      h.allocator.updateAgentTotal(agent, AllocatorHarness.res("cpus:100;mem:100;disk:100"));
      h.expect(framework, Map.of(agent, "cpus:50;mem:50;disk:50"));
      h.expectNoOffer();
    });
  }
}
