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
}
