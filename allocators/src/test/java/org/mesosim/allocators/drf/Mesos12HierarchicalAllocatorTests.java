package org.mesosim.allocators.drf;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mesosim.model.AgentId;
import org.mesosim.model.FrameworkId;
import org.mesosim.model.Resources;

/**
 * Literal ports of the functional tests that Mesos 1.2.0's
 * {@code src/tests/hierarchical_allocator_tests.cpp} (tag 1.2.0) added for modelled behaviour, at
 * {@code mesosVersion: 1.2}. The harness is in dispatch mode ({@link AllocatorHarness#dispatching}):
 * the test's calls are enqueued and the batched allocation they trigger runs when the test waits,
 * as with libprocess' {@code dispatch} in Mesos' tests. Each {@code AWAIT_EXPECT_EQ(expected,
 * allocations.get())} is the next offer, compared per agent with the framework and the virtual time;
 * each {@code EXPECT_TRUE(allocation.isPending())} is "no offer". Which tests Mesos 1.2-1.5 added
 * and why some are not ported: {@code docs/allocator-tests.md}.
 */
class Mesos12HierarchicalAllocatorTests {
  private static Resources quota(String text) {
    return AllocatorHarness.res(text).unreserved();
  }

  /**
   * MESOS-6432: from 1.2 a quota role is satisfied in stage 1 as soon as one of its guarantees is
   * reached; agent2 is then held back for the unmet cpus (stage-2 headroom).
   */
  @Test
  @DisplayName("Mesos 1.2.0 HierarchicalAllocatorTest.DisproportionateQuotaVsAllocation")
  void DisproportionateQuotaVsAllocation() {
    // The same text (up to the API's new arguments) is in the 1.3.0 and 1.4.0 files; 1.5.0 changed it.
    AllocatorHarness.atVersions(List.of("1.2", "1.3", "1.4"),
        Mesos12HierarchicalAllocatorTests::disproportionateQuotaVsAllocation);
  }

  private static void disproportionateQuotaVsAllocation(String version) {
    AllocatorHarness h = AllocatorHarness.dispatching(version);
    String agentResources = "cpus:2;mem:1024";
    h.allocator.setQuota("quota-role", quota("cpus:4;mem:1024"));
    FrameworkId framework1 = h.addFramework("quota-role");
    h.addFramework("no-quota-role"); // framework2
    AgentId agent1 = h.addAgent(agentResources);
    h.expect(framework1, Map.of(agent1, agentResources));
    h.addAgent(agentResources); // agent2
    h.settle();
    h.expectNoOffer();
  }
}
