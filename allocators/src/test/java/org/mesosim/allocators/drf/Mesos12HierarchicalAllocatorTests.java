package org.mesosim.allocators.drf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mesosim.engine.SimTime;
import org.mesosim.model.AgentId;
import org.mesosim.model.FrameworkId;
import org.mesosim.model.Operation;
import org.mesosim.model.ResourceSet;
import org.mesosim.model.Volume;
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

  /**
   * Shared resources are offered to frameworks one by one, and even while in use (a task of
   * framework1 keeps the shared volume; framework2 is offered it). Mesos runs it with and without
   * quota on role1 ({@code QuotaSwitch}, {@code ::testing::Bool()}); so does the port. The same
   * text (up to the MULTI_ROLE API) is in the 1.3.0-1.5.0 files, so it runs at 1.2-1.5.
   */
  @Test
  @DisplayName("Mesos 1.2.0 HierarchicalAllocatorTestWithParam.AllocateSharedResources")
  void AllocateSharedResources() {
    AllocatorHarness.atVersions(List.of("1.2", "1.3", "1.4", "1.5"), v -> {
      allocateSharedResources(v, false);
      allocateSharedResources(v, true);
    });
  }

  private static void allocateSharedResources(String version, boolean withQuota) {
    AllocatorHarness h = AllocatorHarness.dispatching(version);
    // Two frameworks that opted in for SHARED_RESOURCES.
    FrameworkId framework1 = h.addSharedFramework("role1");
    FrameworkId framework2 = h.addSharedFramework("role1");
    if (withQuota) {
      h.allocator.setQuota("role1", quota("cpus:8;mem:2048;disk:4096"));
    }
    String slaveResources = "cpus:4;mem:1024;disk(role1):2048";
    AgentId slave = h.addAgent(slaveResources);
    // Initially, all the resources are allocated to framework1.
    AllocatorHarness.Offer allocation = h.expect(framework1, Map.of(slave, slaveResources));
    // Create a shared volume and launch a task using it.
    Volume volume = Volume.of("id1", "role1", 5, true);
    Operation create = new Operation.Create(volume);
    ResourceSet task = AllocatorHarness.res("cpus:1;mem:5").plus(ResourceSet.of(volume));
    Operation launch = new Operation.Launch(task);
    ResourceSet updated = allocation.resources().get(slave).apply(create);
    h.allocator.updateAllocation(framework1, slave, allocation.resources().get(slave), List.of(create, launch));
    // Recover all but the task's resources: the volume stays with the task (and stays offerable).
    h.allocator.recoverResources(framework1, slave, updated.minus(task), 0);
    // The offer to framework2 contains the shared volume.
    h.advance(SimTime.SECOND);
    AllocatorHarness.Offer o = h.next();
    assertEquals(framework2, o.framework(), "quota " + withQuota);
    assertEquals(Map.of(slave, updated.minus(task).plus(ResourceSet.of(volume))), o.resources(), "quota " + withQuota);
    assertEquals(1, o.resources().get(slave).copies(volume));
  }
}
