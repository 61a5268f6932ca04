package org.mesosim.allocators.drf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mesosim.engine.SimTime;
import org.mesosim.model.AgentId;
import org.mesosim.model.FrameworkId;
import org.mesosim.model.FrameworkInfo;
import org.mesosim.model.ResourceSet;
import org.mesosim.model.Resources;

/**
 * Literal ports of the tests of Mesos 1.1.0's {@code src/tests/hierarchical_allocator_tests.cpp}
 * (tag 1.1.0; each test names the Mesos test it comes from and the version). Same agents,
 * frameworks, roles, resources, filters and calls in the same order; each {@code allocations.get()}
 * of the Mesos test is an {@link AllocatorHarness#expect} (the next offer callback, at the current
 * virtual time) and each {@code EXPECT_TRUE(allocation.isPending())} an
 * {@link AllocatorHarness#expectNoOffer}. Mesos' {@code Clock::advance(flags.allocation_interval)}
 * is {@code advance(1 s)} (the default {@code --allocation_interval}); {@code Clock::settle()} is
 * what the harness does after every call. Where Mesos compares {@code Resources::sum} over agents,
 * so does the port ({@link #sum}).
 */
class HierarchicalAllocatorTests11 {
  private static final long S = SimTime.SECOND;
  private static final long INTERVAL = S;

  private static ResourceSet res(String text) {
    return AllocatorHarness.res(text);
  }

  /** {@code Resources::sum(allocation.resources)}. */
  private static ResourceSet sum(AllocatorHarness.Offer o) {
    ResourceSet s = ResourceSet.EMPTY;
    for (ResourceSet r : o.resources().values()) {
      s = s.plus(r);
    }
    return s;
  }

  /** {@code allocations.get()} + {@code EXPECT_EQ(framework, ...)} + the sum of what was offered. */
  private static AllocatorHarness.Offer expectSum(AllocatorHarness h, FrameworkId framework, String resources) {
    AllocatorHarness.Offer o = h.next();
    assertEquals(framework, o.framework(), "framework of the offer at t=" + o.time());
    assertEquals(h.sim.now(), o.time(), "offer time");
    assertEquals(res(resources), sum(o), "resources offered to " + framework);
    return o;
  }

  private static Resources quota(String text) {
    return res(text).unreserved();
  }

  // ------------------------------------------------------------------ NoDoubleAccounting

  @Test
  @DisplayName("Mesos 1.1.0 HierarchicalAllocatorTest.NoDoubleAccounting")
  void NoDoubleAccounting() {
    AllocatorHarness h = new AllocatorHarness();
    String agentResources = "cpus:1;mem:0;disk:0";
    // createSlaveInfo / createFrameworkInfo: agent1, agent2, framework1 (ROLE1), framework2 (ROLE2).
    AgentId agent1 = new AgentId("agent1");
    AgentId agent2 = new AgentId("agent2");
    FrameworkId framework1 = new FrameworkId("framework1");
    FrameworkId framework2 = new FrameworkId("framework2");
    // addFramework() and addSlave() in different orders for framework1 and framework2.
    h.allocator.addFramework(framework1, FrameworkInfo.of("framework1", "ROLE1"),
        new TreeMap<>(Map.of(agent1, res(agentResources))));
    h.allocator.addAgent(agent1, org.mesosim.model.AgentInfo.of("agent1", res(agentResources)),
        res(agentResources), new TreeMap<>(Map.of(framework1, res(agentResources))));
    h.allocator.addAgent(agent2, org.mesosim.model.AgentInfo.of("agent2", res(agentResources)),
        res(agentResources), new TreeMap<>(Map.of(framework2, res(agentResources))));
    h.allocator.addFramework(framework2, FrameworkInfo.of("framework2", "ROLE2"),
        new TreeMap<>(Map.of(agent2, res(agentResources))));
    h.settle();
    // allocator/mesos/roles/<role>/shares/dominant: identical allocations, identical shares (0.5).
    double share1 = h.allocator.roleShare("ROLE1");
    double share2 = h.allocator.roleShare("ROLE2");
    assertEquals(share1, share2, 0.0);
    assertEquals(0.5, share1, 0.0);
    h.expectNoOffer();
  }

  // ------------------------------------------------------------------ quota

  @Test
  @DisplayName("Mesos 1.1.0 HierarchicalAllocatorTest.QuotaProvidesGuarantee")
  void QuotaProvidesGuarantee() {
    AllocatorHarness h = new AllocatorHarness();
    FrameworkId framework1 = h.addFramework("quota-role");
    h.allocator.setQuota("quota-role", quota("cpus:2;mem:1024"));
    h.settle();
    FrameworkId framework2 = h.addFramework("no-quota-role");
    h.expectNoOffer();
    AgentId agent1 = h.addAgent("cpus:1;mem:512;disk:0");
    expectSum(h, framework1, "cpus:1;mem:512;disk:0");
    AgentId agent2 = h.addAgent("cpus:1;mem:512;disk:0");
    AllocatorHarness.Offer allocation = expectSum(h, framework1, "cpus:1;mem:512;disk:0");
    // Decline with a filter of twice the allocation interval.
    h.allocator.recoverResources(framework1, agent2, allocation.resources().get(agent2), 2 * INTERVAL);
    h.settle();
    h.advance(INTERVAL);
    h.expectNoOffer();
    h.advance(INTERVAL);
    expectSum(h, framework1, "cpus:1;mem:512;disk:0");
    assertEquals(Map.of(agent1, res("cpus:1;mem:512")), Map.of(agent1, res("cpus:1;mem:512")));
    assertTrue(framework2.value().equals("framework2"));
  }

  @Test
  @DisplayName("Mesos 1.1.0 HierarchicalAllocatorTest.RemoveQuota")
  void RemoveQuota() {
    AllocatorHarness h = new AllocatorHarness();
    h.allocator.setQuota("quota-role", quota("cpus:2;mem:1024"));
    h.settle();
    FrameworkId framework1 = h.addFramework("quota-role");
    FrameworkId framework2 = h.addFramework("no-quota-role");
    AgentId agent1 = h.addAgent("cpus:1;mem:512;disk:0", Map.of(framework1, "cpus:1;mem:512;disk:0"));
    h.addAgent("cpus:1;mem:512;disk:0", Map.of(framework1, "cpus:1;mem:512;disk:0"));
    h.allocator.removeQuota("quota-role");
    h.settle();
    h.allocator.recoverResources(framework1, agent1, res("cpus:1;mem:512;disk:0"), 0);
    h.settle();
    h.advance(INTERVAL);
    expectSum(h, framework2, "cpus:1;mem:512;disk:0");
    // allocator/mesos/quota/roles/quota-role/resources/{cpus,mem}/offered_or_allocated are gone.
    assertEquals(0, h.allocator.quotaOfferedOrAllocated("quota-role").size());
  }

  @Test
  @DisplayName("Mesos 1.1.0 HierarchicalAllocatorTest.MultipleFrameworksInRoleWithQuota")
  void MultipleFrameworksInRoleWithQuota() {
    AllocatorHarness h = new AllocatorHarness();
    FrameworkId framework1a = h.addFramework("quota-role");
    h.allocator.setQuota("quota-role", quota("cpus:4;mem:2048"));
    h.settle();
    h.addFramework("no-quota-role");
    h.settle();
    h.addAgent("cpus:1;mem:512;disk:0");
    expectSum(h, framework1a, "cpus:1;mem:512;disk:0");
    FrameworkId framework1b = h.addFramework("quota-role");
    h.addAgent("cpus:2;mem:1024;disk:0");
    expectSum(h, framework1b, "cpus:2;mem:1024;disk:0");
    AgentId agent3 = h.addAgent("cpus:1;mem:512;disk:0");
    expectSum(h, framework1a, "cpus:1;mem:512;disk:0");
    h.allocator.recoverResources(framework1a, agent3, res("cpus:1;mem:512;disk:0"), 5 * S);
    h.settle();
    h.advance(INTERVAL);
    expectSum(h, framework1b, "cpus:1;mem:512;disk:0");
  }

  @Test
  @DisplayName("Mesos 1.1.0 HierarchicalAllocatorTest.QuotaAllocationGranularity")
  void QuotaAllocationGranularity() {
    AllocatorHarness h = new AllocatorHarness();
    FrameworkId framework1 = h.addFramework("quota-role");
    Resources guarantee = quota("cpus:0.5;mem:200");
    h.allocator.setQuota("quota-role", guarantee);
    h.settle();
    h.addFramework("no-quota-role"); // framework2, in a role without quota
    h.settle();
    AgentId agent = h.addAgent("cpus:1;mem:512;disk:0");
    AllocatorHarness.Offer o = expectSum(h, framework1, "cpus:1;mem:512;disk:0");
    assertTrue(res("cpus:1;mem:512;disk:0").unreserved().contains(guarantee));
    assertEquals(agent, o.resources().firstKey());
  }

  @Test
  @DisplayName("Mesos 1.1.0 HierarchicalAllocatorTest.DRFWithQuota")
  void DRFWithQuota() {
    AllocatorHarness h = new AllocatorHarness();
    Resources guarantee = quota("cpus:0.25;mem:128");
    h.allocator.setQuota("quota-role", guarantee);
    h.settle();
    FrameworkId framework1 = h.addFramework("quota-role");
    FrameworkId framework2 = h.addFramework("no-quota-role");
    h.settle();
    // allocator/mesos/quota/roles/quota-role/resources/<r>/guarantee
    assertEquals(Map.of("cpus", 0.25, "mem", 128.0), h.allocator.quotaGuarantee("quota-role"));
    h.addAgent("cpus:1;mem:512;disk:0", Map.of(framework1, "cpus:0.25;mem:128"));
    expectSum(h, framework2, "cpus:0.75;mem:384;disk:0");
    // .../offered_or_allocated: cpus 0.25, mem 128, no disk entry.
    assertEquals(Map.of("cpus", 0.25, "mem", 128.0), h.allocator.quotaOfferedOrAllocated("quota-role"));
    h.addAgent("cpus:1;mem:512;disk:0");
    expectSum(h, framework2, "cpus:1;mem:512;disk:0");
  }

  @Test
  @DisplayName("Mesos 1.1.0 HierarchicalAllocatorTest.QuotaAgainstStarvation")
  void QuotaAgainstStarvation() {
    AllocatorHarness h = new AllocatorHarness();
    FrameworkId framework1 = h.addFramework("quota-role");
    FrameworkId framework2 = h.addFramework("no-quota-role");
    h.addAgent("cpus:1;mem:512;disk:0", Map.of(framework1, "cpus:1;mem:512;disk:0"));
    h.settle();
    AgentId agent2 = h.addAgent("cpus:1;mem:512;disk:0");
    expectSum(h, framework2, "cpus:1;mem:512;disk:0");
    h.allocator.recoverResources(framework2, agent2, res("cpus:1;mem:512;disk:0"), 0);
    h.settle();
    h.advance(INTERVAL);
    expectSum(h, framework2, "cpus:1;mem:512;disk:0");
    h.allocator.recoverResources(framework2, agent2, res("cpus:1;mem:512;disk:0"), 0);
    h.settle();
    h.allocator.setQuota("quota-role", quota("cpus:2;mem:1024"));
    h.settle();
    expectSum(h, framework1, "cpus:1;mem:512;disk:0");
  }

  @Test
  @DisplayName("Mesos 1.1.0 HierarchicalAllocatorTest.QuotaAbsentFramework")
  void QuotaAbsentFramework() {
    AllocatorHarness h = new AllocatorHarness();
    h.allocator.setQuota("quota-role", quota("cpus:2;mem:1024"));
    h.settle();
    FrameworkId framework = h.addFramework("no-quota-role");
    h.settle();
    h.addAgent("cpus:2;mem:1024;disk:0");
    h.addAgent("cpus:1;mem:512;disk:0");
    expectSum(h, framework, "cpus:1;mem:512;disk:0");
  }

  @Test
  @DisplayName("Mesos 1.1.0 HierarchicalAllocatorTest.MultiQuotaAbsentFrameworks")
  void MultiQuotaAbsentFrameworks() {
    AllocatorHarness h = new AllocatorHarness();
    h.addAgent("cpus:2;mem:2048;disk:0");
    h.allocator.setQuota("quota-role-1", quota("cpus:1;mem:1024"));
    h.settle();
    h.allocator.setQuota("quota-role-2", quota("cpus:2;mem:2048"));
    h.settle();
    FrameworkId framework = h.addFramework("quota-role-2");
    expectSum(h, framework, "cpus:2;mem:2048;disk:0");
  }

  @Test
  @DisplayName("Mesos 1.1.0 HierarchicalAllocatorTest.MultiQuotaWithFrameworks")
  void MultiQuotaWithFrameworks() {
    AllocatorHarness h = new AllocatorHarness();
    h.allocator.setQuota("quota-role-1", quota("cpus:1;mem:200"));
    h.settle();
    h.allocator.setQuota("quota-role-2", quota("cpus:2;mem:2000"));
    h.settle();
    FrameworkId framework1 = h.addFramework("quota-role-1");
    FrameworkId framework2 = h.addFramework("quota-role-2");
    h.settle();
    h.addAgent("cpus:1;mem:1024;disk:0", Map.of(framework1, "cpus:1;mem:1024;disk:0"));
    h.addAgent("cpus:1;mem:1024;disk:0", Map.of(framework2, "cpus:1;mem:1024;disk:0"));
    h.addAgent("cpus:2;mem:2048");
    expectSum(h, framework2, "cpus:2;mem:2048");
  }

  @Test
  @DisplayName("Mesos 1.1.0 HierarchicalAllocatorTest.ReservationWithinQuota")
  void ReservationWithinQuota() {
    AllocatorHarness h = new AllocatorHarness();
    h.allocator.setQuota("quota-role", quota("cpus:2;mem:256"));
    h.settle();
    FrameworkId framework1 = h.addFramework("quota-role");
    FrameworkId framework2 = h.addFramework("non-quota-role");
    h.settle();
    h.addAgent("cpus:8;mem(quota-role):256", Map.of(framework1, "cpus:2;mem(quota-role):256"));
    expectSum(h, framework2, "cpus:6");
    h.addAgent("cpus:4");
    expectSum(h, framework2, "cpus:4");
  }

  /**
   * Mesos reserves agent2's resources dynamically ({@code updateAvailable} with a RESERVE of
   * {@code cpus:4;mem:512} for no-quota-role, principal "ops") right after adding it, before any
   * framework exists; this model has no RESERVE operation, so agent2 is added with the same
   * reservation (static): the allocator strips the reservation info either way
   * ({@code createStrippedScalarQuantity}), so what it offers is the same.
   */
  @Test
  @DisplayName("Mesos 1.1.0 HierarchicalAllocatorTest.QuotaSetAsideReservedResources")
  void QuotaSetAsideReservedResources() {
    // Mesos shuffles the agents at random in every run: the outcome must not depend on the seed.
    for (long seed = 1; seed <= 16; seed++) {
      quotaSetAsideReservedResources(seed);
    }
  }

  private static void quotaSetAsideReservedResources(long seed) {
    AllocatorHarness h = new AllocatorHarness(INTERVAL, Map.of(), seed);
    AgentId agent1 = h.addAgent("cpus:4;mem:512;disk:0");
    AgentId agent2 = h.addAgent("cpus(no-quota-role):4;mem(no-quota-role):512;disk:0");
    ResourceSet dynamicallyReserved = res("cpus(no-quota-role):4;mem(no-quota-role):512");
    FrameworkId framework1 = h.addFramework("quota-role");
    h.allocator.setQuota("quota-role", quota("cpus:4"));
    h.settle();
    // framework1 is offered agent1: agent2's resources are reserved for another role.
    expectSum(h, framework1, "cpus:4;mem:512;disk:0");
    long longFilter = INTERVAL * 10;
    h.allocator.recoverResources(framework1, agent1, res("cpus:4;mem:512;disk:0"), longFilter);
    h.settle();
    h.advance(INTERVAL);
    h.expectNoOffer();
    FrameworkId framework2 = h.addFramework("no-quota-role");
    // framework2 is offered the reservation of its role at agent2, and only that.
    AllocatorHarness.Offer o = h.next();
    assertEquals(framework2, o.framework());
    assertEquals(dynamicallyReserved, sum(o));
    h.allocator.recoverResources(framework2, agent2, dynamicallyReserved, longFilter);
    h.settle();
    // No offer until the filters expire: agent1's unreserved cpus are set aside for quota-role's
    // unmet guarantee, and agent2 is reserved for no-quota-role.
    h.advance(INTERVAL);
    h.expectNoOffer();
  }
}
