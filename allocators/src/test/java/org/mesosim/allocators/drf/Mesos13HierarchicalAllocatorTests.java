package org.mesosim.allocators.drf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mesosim.engine.SimTime;
import org.mesosim.model.AgentId;
import org.mesosim.model.FrameworkId;
import org.mesosim.model.ResourceSet;
import org.mesosim.model.Resources;

/**
 * Literal ports of the functional tests that Mesos 1.3.0's
 * {@code src/tests/hierarchical_allocator_tests.cpp} (tag 1.3.0) added for modelled behaviour
 * (hierarchical roles), and of the tests whose expectations 1.3.0 changed for a modelled behaviour
 * (setting quota and updating weights no longer trigger an allocation, commit d93f2246b), at
 * {@code mesosVersion: 1.3} (and at 1.4 and 1.5, whose files keep them), in dispatch mode ({@link AllocatorHarness#dispatching}; see
 * {@link Mesos12HierarchicalAllocatorTests}). Not ported and why: {@code docs/allocator-tests.md}.
 */
class Mesos13HierarchicalAllocatorTests {
  private static final long INTERVAL = SimTime.SECOND;
  /**
   * Each test runs at 1.3 and at the later versions whose files keep its expectations: 1.4.0 and
   * 1.5.0 have these tests with the same offers (1.4.0 reorders the calls of NestedRoleDRF and
   * NestedRoleQuota to deflake them, which changes nothing in dispatch mode).
   */
  private static final List<String> LATER = List.of("1.3", "1.4", "1.5");

  private static Resources quota(String text) {
    return AllocatorHarness.res(text).unreserved();
  }

  private static ResourceSet res(String text) {
    return AllocatorHarness.res(text);
  }

  private static ResourceSet sum(AllocatorHarness.Offer o) {
    ResourceSet s = ResourceSet.EMPTY;
    for (ResourceSet r : o.resources().values()) {
      s = s.plus(r);
    }
    return s;
  }

  /**
   * 1.1.0's {@code UpdateSlave}, renamed in 1.3.0 (the allocator API's new arguments only): each
   * update of the oversubscribed cpus is offered to the REVOCABLE_RESOURCES framework, and once the
   * estimate drops below what it holds nothing is offered.
   */
  @Test
  @DisplayName("Mesos 1.3.0 HierarchicalAllocatorTest.UpdateSlaveOversubscribedResources")
  void UpdateSlaveOversubscribedResources() {
    AllocatorHarness.atVersions(LATER, Mesos13HierarchicalAllocatorTests::updateSlaveOversubscribedResources);
  }

  private static void updateSlaveOversubscribedResources(String version) {
    AllocatorHarness h = AllocatorHarness.dispatching(version);
    AgentId slave = h.addAgent("cpus:100;mem:100;disk:100");
    // Add a framework that can accept revocable resources.
    FrameworkId framework = h.addRevocableFramework("role1");
    // Initially, all the resources are allocated.
    h.expect(framework, Map.of(slave, "cpus:100;mem:100;disk:100"));
    // Update the slave with 10 oversubscribed cpus.
    ResourceSet oversubscribed = AllocatorHarness.revocable("cpus", "10");
    h.updateSlave(slave, oversubscribed);
    // The next allocation should be for 10 oversubscribed resources.
    h.expect(framework, Map.of(slave, "cpus{REV}:10"));
    // Update the slave again with 12 oversubscribed cpus.
    ResourceSet oversubscribed2 = AllocatorHarness.revocable("cpus", "12");
    h.updateSlave(slave, oversubscribed2);
    // The next allocation should be for 2 oversubscribed cpus.
    AllocatorHarness.Offer o = h.expect(framework, Map.of(slave, "cpus{REV}:2"));
    assertEquals(oversubscribed2.minus(oversubscribed), sum(o));
    // Update the slave again with 5 oversubscribed cpus: no more available oversubscribed resources.
    h.updateSlave(slave, AllocatorHarness.revocable("cpus", "5"));
    h.settle();
    h.expectNoOffer();
  }

  /** Subtree shares order the roles: "d" (0, then 0.2) is below "a" (2/3, then 0.4). */
  @Test
  @DisplayName("Mesos 1.3.0 HierarchicalAllocatorTest.NestedRoleDRF")
  void NestedRoleDRF() {
    AllocatorHarness.atVersions(LATER, Mesos13HierarchicalAllocatorTests::nestedRoleDRF);
  }

  private static void nestedRoleDRF(String version) {
    AllocatorHarness h = AllocatorHarness.dispatching(version);
    AgentId slave1 = h.addAgent("cpus:2;mem:1024;disk:0");
    FrameworkId framework1 = h.addFramework("a/b");
    h.expect(framework1, Map.of(slave1, "cpus:2;mem:1024;disk:0"));
    AgentId slave2 = h.addAgent("cpus:1;mem:512;disk:0");
    h.addFramework("a/c"); // framework2
    FrameworkId framework3 = h.addFramework("d/e");
    h.expect(framework3, Map.of(slave2, "cpus:1;mem:512;disk:0"));
    AgentId slave3 = h.addAgent("cpus:2;mem:1024;disk:0");
    FrameworkId framework4 = h.addFramework("d/f");
    h.expect(framework4, Map.of(slave3, "cpus:2;mem:1024;disk:0"));
    h.expectNoOffer();
  }

  /** A child role without quota gets none of its parent's quota; a child with quota does. */
  @Test
  @DisplayName("Mesos 1.3.0 HierarchicalAllocatorTest.NestedRoleQuota")
  void NestedRoleQuota() {
    AllocatorHarness.atVersions(LATER, Mesos13HierarchicalAllocatorTests::nestedRoleQuota);
  }

  private static void nestedRoleQuota(String version) {
    AllocatorHarness h = AllocatorHarness.dispatching(version);
    FrameworkId framework1 = h.addFramework("a/b");
    h.allocator.setQuota("a/b", quota("cpus:2;mem:1024"));
    AgentId agent = h.addAgent("cpus:1;mem:512");
    AllocatorHarness.Offer o = h.expect(framework1, Map.of(agent, "cpus:1;mem:512"));
    long longFilter = INTERVAL * 10;
    h.recover(o, longFilter);
    h.addFramework("a/b/c"); // framework2
    h.advance(INTERVAL);
    h.settle();
    h.expectNoOffer();
    FrameworkId framework3 = h.addFramework("a/b/d");
    h.allocator.setQuota("a/b/d", quota("cpus:1;mem:512"));
    h.expect(framework3, Map.of(agent, "cpus:1;mem:512"));
  }

  /** The parent's quota is not delegated to the subtree (MESOS-7150): agent3 goes to the parent. */
  @Test
  @DisplayName("Mesos 1.3.0 HierarchicalAllocatorTest.NestedRoleQuotaAllocateToParent")
  void NestedRoleQuotaAllocateToParent() {
    AllocatorHarness.atVersions(LATER, Mesos13HierarchicalAllocatorTests::nestedRoleQuotaAllocateToParent);
  }

  private static void nestedRoleQuotaAllocateToParent(String version) {
    AllocatorHarness h = AllocatorHarness.dispatching(version);
    h.allocator.setQuota("a/b", quota("cpus:4;mem:2048"));
    FrameworkId framework1 = h.addFramework("a/b");
    AgentId agent1 = h.addAgent("cpus:2;mem:1024");
    h.expect(framework1, Map.of(agent1, "cpus:2;mem:1024"));
    FrameworkId framework2 = h.addFramework("a/b/c");
    h.allocator.setQuota("a/b/c", quota("cpus:1;mem:512"));
    AgentId agent2 = h.addAgent("cpus:1;mem:512");
    h.expect(framework2, Map.of(agent2, "cpus:1;mem:512"));
    AgentId agent3 = h.addAgent("cpus:1;mem:512");
    h.expect(framework1, Map.of(agent3, "cpus:1;mem:512"));
  }

  /**
   * 1.3.0's text: after {@code setQuota} the test advances the clock, because setting quota no
   * longer triggers an allocation (d93f2246b); the offer to framework1 is made by the periodic run
   * at 2 s.
   */
  @Test
  @DisplayName("Mesos 1.3.0 HierarchicalAllocatorTest.QuotaAgainstStarvation")
  void QuotaAgainstStarvation() {
    AllocatorHarness.atVersions(LATER, Mesos13HierarchicalAllocatorTests::quotaAgainstStarvation);
  }

  private static void quotaAgainstStarvation(String version) {
    AllocatorHarness h = AllocatorHarness.dispatching(version);
    FrameworkId framework1 = h.addFramework("quota-role");
    FrameworkId framework2 = h.addFramework("no-quota-role");
    h.addAgent("cpus:1;mem:512;disk:0", Map.of(framework1, "cpus:1;mem:512;disk:0"));
    AgentId agent2 = h.addAgent("cpus:1;mem:512;disk:0");
    AllocatorHarness.Offer o = h.expect(framework2, Map.of(agent2, "cpus:1;mem:512;disk:0"));
    h.recover(o, 0);
    h.advance(INTERVAL);
    o = h.expect(framework2, Map.of(agent2, "cpus:1;mem:512;disk:0"));
    h.recover(o, 0);
    h.allocator.setQuota("quota-role", quota("cpus:2;mem:1024"));
    h.advance(INTERVAL);
    h.expect(framework1, Map.of(agent2, "cpus:1;mem:512;disk:0"));
    h.expectNoOffer();
  }

  /**
   * 1.3.0's text: {@code updateWeights} triggers no allocation (d93f2246b), so the test advances the
   * clock and the 1:2 offers come from the periodic run; the 1:2:3 offers come from the run that
   * {@code addFramework(framework3)} triggers.
   */
  @Test
  @DisplayName("Mesos 1.3.0 HierarchicalAllocatorTest.UpdateWeight")
  void UpdateWeight() {
    AllocatorHarness.atVersions(LATER, Mesos13HierarchicalAllocatorTests::updateWeight);
  }

  private static void updateWeight(String version) {
    AllocatorHarness h = AllocatorHarness.dispatching(version);
    String single = "cpus:2;mem:1024";
    for (int i = 0; i < 6; i++) {
      h.addAgent(single);
    }
    FrameworkId framework1 = h.addFramework("role1");
    h.settle();
    FrameworkId framework2 = h.addFramework("role2");
    awaitAllocations(h, 1, true);
    {
      h.advance(INTERVAL);
      TreeMap<FrameworkId, AllocatorHarness.Offer> frameworkAllocations = awaitAllocations(h, 2, true);
      assertEquals(res("cpus:6;mem:3072"), sum(frameworkAllocations.get(framework1)));
      assertEquals(res("cpus:6;mem:3072"), sum(frameworkAllocations.get(framework2)));
    }
    {
      h.allocator.updateWeights(new TreeMap<>(Map.of("role2", 2.0)));
      h.advance(INTERVAL);
      TreeMap<FrameworkId, AllocatorHarness.Offer> frameworkAllocations = awaitAllocations(h, 2, true);
      assertEquals(res("cpus:4;mem:2048"), sum(frameworkAllocations.get(framework1)));
      assertEquals(res("cpus:8;mem:4096"), sum(frameworkAllocations.get(framework2)));
    }
    {
      h.allocator.updateWeights(new TreeMap<>(Map.of("role3", 3.0)));
      FrameworkId framework3 = h.addFramework("role3");
      TreeMap<FrameworkId, AllocatorHarness.Offer> frameworkAllocations = awaitAllocations(h, 3, false);
      assertEquals(res(single), sum(frameworkAllocations.get(framework1)));
      assertEquals(res("cpus:4;mem:2048"), sum(frameworkAllocations.get(framework2)));
      assertEquals(res("cpus:6;mem:3072"), sum(frameworkAllocations.get(framework3)));
    }
    h.expectNoOffer();
  }

  /**
   * The test's {@code awaitAllocationsAndRecoverResources}: {@code count} offers, each for one role,
   * all made now (the same run), recovered with no filter if asked, summing to the whole cluster.
   */
  private static TreeMap<FrameworkId, AllocatorHarness.Offer> awaitAllocations(AllocatorHarness h, int count,
      boolean recover) {
    TreeMap<FrameworkId, AllocatorHarness.Offer> frameworkAllocations = new TreeMap<>();
    ResourceSet total = ResourceSet.EMPTY;
    List<AllocatorHarness.Offer> taken = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      AllocatorHarness.Offer allocation = h.next();
      assertEquals(h.sim.now(), allocation.time(), "offer time");
      frameworkAllocations.put(allocation.framework(), allocation);
      total = total.plus(sum(allocation));
      taken.add(allocation);
    }
    if (recover) {
      for (AllocatorHarness.Offer allocation : taken) {
        h.recover(allocation, 0);
      }
    }
    assertEquals(res("cpus:12;mem:6144"), total);
    return frameworkAllocations;
  }
}
