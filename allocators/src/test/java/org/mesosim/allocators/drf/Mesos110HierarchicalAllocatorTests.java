package org.mesosim.allocators.drf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mesosim.engine.SimTime;
import org.mesosim.model.AgentId;
import org.mesosim.model.FrameworkId;
import org.mesosim.model.FrameworkInfo;
import org.mesosim.model.Operation;
import org.mesosim.model.ResourceSet;
import org.mesosim.model.Resources;
import org.mesosim.model.Volume;
import org.mesosim.model.allocation.Unavailability;

/**
 * Literal ports of the functional tests of Mesos 1.1.0's
 * {@code src/tests/hierarchical_allocator_tests.cpp} (tag 1.1.0), at {@code mesosVersion: 1.1}.
 * Each test is named after the Mesos test it ports ({@code HierarchicalAllocatorTest.<name>},
 * Mesos 1.1.0, in its display name) and keeps its agents, frameworks, roles, resources, filters
 * and calls, in the same order. Each {@code allocations.get()} + {@code AWAIT_READY} of the Mesos
 * test is the next offer callback here, checked as Mesos checks it (framework, and the
 * {@code Resources::sum} over agents, or the per-agent map and its size where Mesos looks at
 * them) plus the virtual time it came at; each {@code EXPECT_TRUE(allocation.isPending())} is
 * "no offer". {@code Clock::advance(flags.allocation_interval)} is {@code advance(1 s)} (the
 * default {@code --allocation_interval}); the harness settles after every call, as
 * {@code Clock::settle()} does. Mesos' {@code Metrics()} is {@link HierarchicalDrfAllocator#metrics()}
 * ({@code Allocator.metrics()}, the allocator's metrics under Mesos' names).
 * Which tests are not ported and why: {@code docs/allocator-tests.md}.
 */
class Mesos110HierarchicalAllocatorTests {
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

  /** {@code allocations.get()}: the next offer, of {@code framework}, summing to {@code resources}, now. */
  private static AllocatorHarness.Offer expectSum(AllocatorHarness h, FrameworkId framework, String resources) {
    return expectSumAt(h, framework, h.sim.now(), resources);
  }

  /** As {@link #expectSum}, made by a run at {@code time} (before the clock stopped at now). */
  private static AllocatorHarness.Offer expectSumAt(AllocatorHarness h, FrameworkId framework, long time,
      String resources) {
    AllocatorHarness.Offer o = h.next();
    assertEquals(framework, o.framework(), "framework of the offer at t=" + o.time());
    assertEquals(time, o.time(), "offer time");
    assertEquals(res(resources), sum(o), "resources offered to " + framework);
    return o;
  }

  /** {@code Resources::parse(text)} as a quota guarantee (unreserved). */
  private static Resources quota(String text) {
    return res(text).unreserved();
  }

  /** {@code metrics.contains(expected)}: every expected metric present with that value. */
  private static void assertMetrics(AllocatorHarness h, Map<String, Double> expected) {
    SortedMap<String, Double> m = h.allocator.metrics();
    for (Map.Entry<String, Double> e : expected.entrySet()) {
      assertTrue(m.containsKey(e.getKey()), "metric " + e.getKey() + " missing from " + m);
      assertEquals(e.getValue(), m.get(e.getKey()), 1e-12, e.getKey());
    }
  }

  private static void recoverAll(AllocatorHarness h, AllocatorHarness.Offer o) {
    for (Map.Entry<AgentId, ResourceSet> e : o.resources().entrySet()) {
      h.allocator.recoverResources(o.framework(), e.getKey(), e.getValue(), 0);
    }
    h.settle();
  }

  // ------------------------------------------------------------------ DRF

  @Test
  @DisplayName("Mesos 1.1.0 HierarchicalAllocatorTest.UnreservedDRF")
  void UnreservedDRF() {
    AllocatorHarness h = new AllocatorHarness();
    h.addAgent("cpus:2;mem:1024;disk:0");
    FrameworkId framework1 = h.addFramework("role1");
    expectSum(h, framework1, "cpus:2;mem:1024;disk:0");
    FrameworkId framework2 = h.addFramework("role2");
    h.addAgent("cpus:1;mem:512;disk:0");
    expectSum(h, framework2, "cpus:1;mem:512;disk:0");
    h.addAgent("cpus:3;mem:2048;disk:0");
    expectSum(h, framework2, "cpus:3;mem:2048;disk:0");
    FrameworkId framework3 = h.addFramework("role1");
    h.addAgent("cpus:4;mem:4096;disk:0");
    expectSum(h, framework3, "cpus:4;mem:4096;disk:0");
    h.addFramework("role1"); // framework4
    h.addAgent("cpus:1;mem:512;disk:0");
    expectSum(h, framework2, "cpus:1;mem:512;disk:0");
  }

  @Test
  @DisplayName("Mesos 1.1.0 HierarchicalAllocatorTest.ReservedDRF")
  void ReservedDRF() {
    AllocatorHarness h = new AllocatorHarness();
    h.addAgent("cpus:1;mem:512;disk:0;cpus(role1):100;mem(role1):1024;disk(role1):0");
    FrameworkId framework1 = h.addFramework("role1");
    expectSum(h, framework1, "cpus:1;mem:512;disk:0;cpus(role1):100;mem(role1):1024;disk(role1):0");
    FrameworkId framework2 = h.addFramework("role2");
    h.addAgent("cpus:2;mem:512;disk:0");
    expectSum(h, framework2, "cpus:2;mem:512;disk:0");
    h.addAgent("cpus:2;mem:512;disk:0");
    expectSum(h, framework2, "cpus:2;mem:512;disk:0");
    FrameworkId framework3 = h.addFramework("role1");
    h.addAgent("cpus(role1):2;mem(role1):1024;disk(role1):0");
    expectSum(h, framework3, "cpus(role1):2;mem(role1):1024;disk(role1):0");
  }

  /**
   * gpus are left out of fair sharing: were they counted, role1 (holding the only gpu) would have
   * share 1 and agent4 would go to role2, not to framework3.
   */
  @Test
  @DisplayName("Mesos 1.1.0 HierarchicalAllocatorTest.DRFWithFairnessExclusion")
  void DRFWithFairnessExclusion() {
    AllocatorHarness h = new AllocatorHarness(INTERVAL, Map.of("fairnessExcludeResourceNames", "gpus"), 42L);
    h.addAgent("cpus:2;mem:1024;disk:0;gpus:1");
    FrameworkId framework1 = h.addGpuFramework("role1");
    expectSum(h, framework1, "cpus:2;mem:1024;disk:0;gpus:1");
    FrameworkId framework2 = h.addFramework("role2");
    h.addAgent("cpus:1;mem:512;disk:0");
    expectSum(h, framework2, "cpus:1;mem:512;disk:0");
    h.addAgent("cpus:3;mem:2048;disk:0");
    expectSum(h, framework2, "cpus:3;mem:2048;disk:0");
    FrameworkId framework3 = h.addFramework("role1");
    h.addAgent("cpus:4;mem:4096;disk:0");
    expectSum(h, framework3, "cpus:4;mem:4096;disk:0");
    h.addFramework("role1"); // framework4
    h.addAgent("cpus:1;mem:512;disk:0");
    expectSum(h, framework2, "cpus:1;mem:512;disk:0");
  }

  // ------------------------------------------------------------------ filters

  @Test
  @DisplayName("Mesos 1.1.0 HierarchicalAllocatorTest.OfferFilter")
  void OfferFilter() {
    AllocatorHarness h = new AllocatorHarness();
    FrameworkId framework = h.addFramework("role");
    AgentId agent = h.addAgent("cpus:1;mem:512;disk:0");
    AllocatorHarness.Offer allocation = expectSum(h, framework, "cpus:1;mem:512;disk:0");
    h.allocator.recoverResources(framework, agent, allocation.resources().get(agent), 2 * INTERVAL);
    h.settle();
    assertMetrics(h, Map.of("allocator/mesos/offer_filters/roles/role/active", 1.0));
    h.advance(INTERVAL);
    h.expectNoOffer();
    h.advance(INTERVAL);
    expectSum(h, framework, "cpus:1;mem:512;disk:0");
    assertMetrics(h, Map.of("allocator/mesos/offer_filters/roles/role/active", 0.0));
  }

  @Test
  @DisplayName("Mesos 1.1.0 HierarchicalAllocatorTest.SmallOfferFilterTimeout")
  void SmallOfferFilterTimeout() {
    long interval = 60 * S; // flags_.allocation_interval = Minutes(1)
    AllocatorHarness h = new AllocatorHarness(interval, Map.of(), 42L);
    FrameworkId framework1 = h.addFramework("role");
    FrameworkId framework2 = h.addFramework("role");
    h.addAgent("cpus:1;mem:512;disk:0", Map.of(framework1, "cpus:1;mem:512;disk:0"));
    h.settle();
    AgentId agent2 = h.addAgent("cpus:1;mem:512;disk:0");
    h.settle();
    AllocatorHarness.Offer allocation = expectSum(h, framework2, "cpus:1;mem:512;disk:0");
    long filterTimeout = S;
    assertTrue(interval > filterTimeout);
    h.allocator.recoverResources(framework2, agent2, allocation.resources().get(agent2), filterTimeout);
    h.advance(filterTimeout);
    h.advance(interval);
    // The periodic run at 60 s, when framework2's filter (max(interval, 1 s) = 60 s) has expired.
    allocation = expectSumAt(h, framework1, interval, "cpus:1;mem:512;disk:0");
    h.allocator.recoverResources(framework1, agent2, allocation.resources().get(agent2), 0);
    h.advance(interval);
    expectSumAt(h, framework2, 2 * interval, "cpus:1;mem:512;disk:0");
  }

  /**
   * Agents scheduled for maintenance are sent inverse offers once their resources are allocated.
   * The unavailability starts 60 s from now ({@code Clock::now() + Seconds(60)}) without a
   * duration ({@code createUnavailability(start)}); the inverse offer names the agent, asks for
   * unspecified resources (everything back: Mesos' {@code Resources()}) and carries that start.
   */
  @Test
  @DisplayName("Mesos 1.1.0 HierarchicalAllocatorTest.MaintenanceInverseOffers")
  void MaintenanceInverseOffers() {
    AllocatorHarness h = new AllocatorHarness();
    AgentId agent = h.addAgent("cpus:2;mem:1024;disk:0");
    FrameworkId framework = h.addFramework("*");
    AllocatorHarness.Offer allocation = h.next();
    assertEquals(framework, allocation.framework());
    assertEquals(res("cpus:2;mem:1024;disk:0"), sum(allocation));
    long start = h.sim.now() + 60 * S;
    h.updateUnavailability(agent, new Unavailability(start, SimTime.NEVER));
    AllocatorHarness.Deallocation deallocation = h.nextDeallocation();
    assertEquals(framework, deallocation.framework());
    assertTrue(deallocation.resources().containsKey(agent));
    for (Unavailability unavailableResources : deallocation.resources().values()) {
      // The model's inverse offers always ask for everything on the agent (Resources() in Mesos):
      // the callback carries only the unavailability, whose start is checked here.
      assertEquals(start, unavailableResources.start());
    }
  }

  // ------------------------------------------------------------------ coarse grain, fairness, reservations

  @Test
  @DisplayName("Mesos 1.1.0 HierarchicalAllocatorTest.CoarseGrained")
  void CoarseGrained() {
    AllocatorHarness h = new AllocatorHarness();
    AgentId slave1 = h.addAgent("cpus:2;mem:1024;disk:0");
    AgentId slave2 = h.addAgent("cpus:2;mem:1024;disk:0");
    FrameworkId framework1 = h.addFramework("role1");
    AllocatorHarness.Offer allocation = expectSum(h, framework1, "cpus:4;mem:2048;disk:0");
    h.allocator.recoverResources(framework1, slave1, allocation.resources().get(slave1), 0);
    h.allocator.recoverResources(framework1, slave2, allocation.resources().get(slave2), 0);
    FrameworkId framework2 = h.addFramework("role2");
    TreeMap<FrameworkId, AllocatorHarness.Offer> frameworkAllocations = new TreeMap<>();
    allocation = h.next();
    frameworkAllocations.put(allocation.framework(), allocation);
    allocation = h.next();
    frameworkAllocations.put(allocation.framework(), allocation);
    assertTrue(frameworkAllocations.containsKey(framework1));
    assertEquals(1, frameworkAllocations.get(framework1).resources().size());
    assertEquals(res("cpus:2;mem:1024"), sum(frameworkAllocations.get(framework1)));
    assertTrue(frameworkAllocations.containsKey(framework2));
    assertEquals(1, frameworkAllocations.get(framework2).resources().size());
    assertEquals(res("cpus:2;mem:1024"), sum(frameworkAllocations.get(framework2)));
    // (Both agents are alike; beyond Mesos' checks: one each.)
    assertFalse(frameworkAllocations.get(framework1).resources().keySet()
        .equals(frameworkAllocations.get(framework2).resources().keySet()));
  }

  @Test
  @DisplayName("Mesos 1.1.0 HierarchicalAllocatorTest.SameShareFairness")
  void SameShareFairness() {
    AllocatorHarness h = new AllocatorHarness();
    FrameworkId framework1 = h.addFramework("*");
    FrameworkId framework2 = h.addFramework("*");
    AgentId slave = h.addAgent("cpus:2;mem:1024;disk:0");
    TreeMap<FrameworkId, Integer> counts = new TreeMap<>();
    for (int i = 0; i < 10; i++) {
      AllocatorHarness.Offer allocation = h.next();
      counts.merge(allocation.framework(), 1, Integer::sum);
      assertEquals(1, allocation.resources().size());
      assertEquals(res("cpus:2;mem:1024;disk:0"), sum(allocation));
      h.allocator.recoverResources(allocation.framework(), slave, allocation.resources().get(slave), 0);
      h.advance(INTERVAL);
    }
    assertEquals(5, counts.get(framework1));
    assertEquals(5, counts.get(framework2));
  }

  @Test
  @DisplayName("Mesos 1.1.0 HierarchicalAllocatorTest.Reservations")
  void Reservations() {
    AllocatorHarness h = new AllocatorHarness();
    AgentId slave1 = h.addAgent("cpus(role1):2;mem(role1):1024;disk(role1):0");
    AgentId slave2 = h.addAgent("cpus(role2):2;mem(role2):1024;cpus:1;mem:1024;disk:0");
    h.addAgent("cpus(role3):1;mem(role3):1024;disk(role3):0");
    FrameworkId framework1 = h.addFramework("role1");
    AllocatorHarness.Offer allocation = h.next();
    assertEquals(framework1, allocation.framework());
    assertEquals(2, allocation.resources().size());
    assertTrue(allocation.resources().containsKey(slave1));
    assertTrue(allocation.resources().containsKey(slave2));
    assertEquals(res("cpus(role1):2;mem(role1):1024;cpus:1;mem:1024"), sum(allocation));
    FrameworkId framework2 = h.addFramework("role2");
    allocation = h.next();
    assertEquals(framework2, allocation.framework());
    assertEquals(1, allocation.resources().size());
    assertTrue(allocation.resources().containsKey(slave2));
    assertEquals(res("cpus(role2):2;mem(role2):1024"), sum(allocation));
  }

  @Test
  @DisplayName("Mesos 1.1.0 HierarchicalAllocatorTest.RecoverResources")
  void RecoverResources() {
    AllocatorHarness h = new AllocatorHarness();
    AgentId slave = h.addAgent("cpus(role1):1;mem(role1):200;cpus:1;mem:200;disk:0");
    FrameworkId framework = h.addFramework("role1");
    AllocatorHarness.Offer allocation = h.next();
    assertEquals(framework, allocation.framework());
    assertEquals(1, allocation.resources().size());
    assertTrue(allocation.resources().containsKey(slave));
    assertEquals(res("cpus(role1):1;mem(role1):200;cpus:1;mem:200"), sum(allocation));
    ResourceSet reserved = res("cpus(role1):1;mem(role1):200");
    h.allocator.recoverResources(framework, slave, reserved, 0);
    h.advance(INTERVAL);
    allocation = expectSum(h, framework, "cpus(role1):1;mem(role1):200");
    assertEquals(Set.of(slave), allocation.resources().keySet());
    ResourceSet unreserved = res("cpus:1;mem:200;disk:0");
    h.allocator.recoverResources(framework, slave, unreserved, 0);
    h.advance(INTERVAL);
    allocation = expectSum(h, framework, "cpus:1;mem:200;disk:0");
    assertEquals(Set.of(slave), allocation.resources().keySet());
  }

  /** MIN_CPUS 0.01 and MIN_MEM 32 MB (src/master/constants.hpp); 0.01 / 1.5 is 0.00666667 as Mesos prints it. */
  @Test
  @DisplayName("Mesos 1.1.0 HierarchicalAllocatorTest.Allocatable")
  void Allocatable() {
    AllocatorHarness h = new AllocatorHarness();
    FrameworkId framework = h.addFramework("role1");
    h.addAgent("cpus:0.005;mem:16;disk:128");
    AgentId slave2 = h.addAgent("cpus:0.01;mem:16;disk:128");
    AllocatorHarness.Offer allocation = expectSum(h, framework, "cpus:0.01;mem:16;disk:128");
    assertEquals(Set.of(slave2), allocation.resources().keySet());
    AgentId slave3 = h.addAgent("cpus:0.005;mem:32;disk:128");
    allocation = expectSum(h, framework, "cpus:0.005;mem:32;disk:128");
    assertEquals(Set.of(slave3), allocation.resources().keySet());
    AgentId slave4 = h.addAgent("cpus:0.00666667;mem:16;cpus(role1):0.00666667;mem(role1):16;disk:128");
    allocation = expectSum(h, framework, "cpus:0.00666667;mem:16;cpus(role1):0.00666667;mem(role1):16;disk:128");
    assertEquals(Set.of(slave4), allocation.resources().keySet());
  }

  // ------------------------------------------------------------------ updateAvailable

  // ------------------------------------------------------------------ offer operations, persistent volumes

  @Test
  @DisplayName("Mesos 1.1.0 HierarchicalAllocatorTest.UpdateAllocation")
  void UpdateAllocation() {
    AllocatorHarness h = new AllocatorHarness();
    AgentId slave = h.addAgent("cpus:100;mem:100;disk:100");
    // Initially, all the resources are allocated.
    FrameworkId framework = h.addFramework("role1");
    AllocatorHarness.Offer allocation = h.next();
    assertEquals(framework, allocation.framework());
    assertEquals(1, allocation.resources().size());
    assertTrue(allocation.resources().containsKey(slave));
    assertEquals(res("cpus:100;mem:100;disk:100"), sum(allocation));
    // A CREATE of volume "ID" (disk:5, role "*", container path "data": paths are not modelled).
    Volume volume = Volume.of("ID", "*", 5, false);
    Operation create = new Operation.Create(volume);
    // Ensure the offer operation can be applied.
    ResourceSet updated = sum(allocation).apply(create);
    h.allocator.updateAllocation(framework, slave, sum(allocation), List.of(create));
    // Now recover the resources, and expect the next allocation to contain the updated resources.
    h.allocator.recoverResources(framework, slave, updated, 0);
    h.settle();
    h.advance(INTERVAL);
    allocation = h.next();
    assertEquals(framework, allocation.framework());
    assertEquals(1, allocation.resources().size());
    assertTrue(allocation.resources().containsKey(slave));
    // The allocation should be the slave's resources with the offer operation applied.
    updated = res("cpus:100;mem:100;disk:100").apply(create);
    assertNotEquals(res("cpus:100;mem:100;disk:100"), sum(allocation));
    assertEquals(updated, sum(allocation));
    assertEquals(1, sum(allocation).copies(volume));
  }

  @Test
  @DisplayName("Mesos 1.1.0 HierarchicalAllocatorTest.UpdateAllocationSharedPersistentVolume")
  void UpdateAllocationSharedPersistentVolume() {
    AllocatorHarness h = new AllocatorHarness();
    AgentId slave = h.addAgent("cpus:100;mem:100;disk(role1):100");
    // Initially, all the resources are allocated.
    FrameworkId framework = h.addSharedFramework("role1");
    AllocatorHarness.Offer allocation = h.next();
    assertEquals(framework, allocation.framework());
    assertEquals(1, allocation.resources().size());
    assertTrue(allocation.resources().containsKey(slave));
    assertEquals(res("cpus:100;mem:100;disk(role1):100"), sum(allocation));
    // Create a shared volume: createDiskResource("5", "role1", "id1", None(), None(), true).
    Volume volume = Volume.of("id1", "role1", 5, true);
    Operation create = new Operation.Create(volume);
    ResourceSet update = sum(allocation).apply(create);
    h.allocator.updateAllocation(framework, slave, sum(allocation), List.of(create));
    h.allocator.recoverResources(framework, slave, update, 0);
    h.settle();
    h.advance(INTERVAL);
    allocation = h.next();
    assertEquals(framework, allocation.framework());
    assertEquals(1, allocation.resources().size());
    assertTrue(allocation.resources().containsKey(slave));
    update = res("cpus:100;mem:100;disk(role1):100").apply(create);
    assertNotEquals(res("cpus:100;mem:100;disk(role1):100"), sum(allocation));
    assertEquals(update, sum(allocation));
    // Destroy the shared volume.
    Operation destroy = new Operation.Destroy(volume);
    h.allocator.updateAllocation(framework, slave, sum(allocation), List.of(destroy));
    // The resources to recover equal the agent's original resources.
    assertEquals(res("cpus:100;mem:100;disk(role1):100"), update.apply(destroy));
    h.allocator.recoverResources(framework, slave, res("cpus:100;mem:100;disk(role1):100"), 0);
    h.settle();
    h.advance(INTERVAL);
    allocation = h.next();
    assertEquals(framework, allocation.framework());
    assertEquals(1, allocation.resources().size());
    assertTrue(allocation.resources().containsKey(slave));
    assertEquals(res("cpus:100;mem:100;disk(role1):100"), sum(allocation));
  }

  @Test
  @DisplayName("Mesos 1.1.0 HierarchicalAllocatorTest.SharedResourcesCapability")
  void SharedResourcesCapability() {
    AllocatorHarness h = new AllocatorHarness();
    AgentId slave = h.addAgent("cpus:100;mem:100;disk(role1):100");
    // framework1 without SHARED_RESOURCES.
    FrameworkId framework1 = h.addFramework("role1");
    AllocatorHarness.Offer allocation = h.next();
    assertEquals(framework1, allocation.framework());
    assertEquals(1, allocation.resources().size());
    assertTrue(allocation.resources().containsKey(slave));
    assertEquals(res("cpus:100;mem:100;disk(role1):100"), sum(allocation));
    Volume volume = Volume.of("id1", "role1", 5, true);
    Operation create = new Operation.Create(volume);
    ResourceSet update = sum(allocation).apply(create);
    h.allocator.updateAllocation(framework1, slave, sum(allocation), List.of(create));
    h.allocator.recoverResources(framework1, slave, update, 0);
    h.settle();
    // Shared volume not offered to framework1: it has not opted in for SHARED_RESOURCES.
    h.advance(INTERVAL);
    allocation = h.next();
    assertEquals(framework1, allocation.framework());
    assertEquals(1, allocation.resources().size());
    assertTrue(allocation.resources().containsKey(slave));
    assertTrue(allocation.resources().get(slave).shared().isEmpty());
    assertEquals(res("cpus:100;mem:100;disk(role1):95"), sum(allocation)); // beyond Mesos' checks
    // Recover the resources for the offer in the next allocation cycle.
    h.allocator.recoverResources(framework1, slave, allocation.resources().get(slave), 0);
    h.settle();
    // framework2 opts in for SHARED_RESOURCES.
    FrameworkId framework2 = h.addSharedFramework("role1");
    // The offer to framework2 contains the shared volume.
    h.advance(INTERVAL);
    allocation = h.next();
    assertEquals(framework2, allocation.framework());
    assertEquals(1, allocation.resources().size());
    assertTrue(allocation.resources().containsKey(slave));
    assertEquals(ResourceSet.of(volume), allocation.resources().get(slave).shared());
  }

  @Test
  @DisplayName("Mesos 1.1.0 HierarchicalAllocatorTest.UpdateAvailableSuccess")
  void UpdateAvailableSuccess() {
    AllocatorHarness h = new AllocatorHarness();
    AgentId slave = h.addAgent("cpus:100;mem:100;disk:100");
    // RESERVE(cpus:25;mem:50 flattened to role1, principal "ops").
    h.allocator.reserve(slave, "role1", quota("cpus:25;mem:50"));
    h.settle();
    FrameworkId framework = h.addFramework("role1");
    AllocatorHarness.Offer allocation = h.next();
    assertEquals(framework, allocation.framework());
    assertEquals(1, allocation.resources().size());
    assertTrue(allocation.resources().containsKey(slave));
    ResourceSet updated = res("cpus:75;mem:50;disk:100;cpus(role1):25;mem(role1):50");
    assertFalse(res("cpus:100;mem:100;disk:100").equals(sum(allocation)));
    assertEquals(updated, sum(allocation));
  }

  @Test
  @DisplayName("Mesos 1.1.0 HierarchicalAllocatorTest.UpdateAvailableFail")
  void UpdateAvailableFail() {
    AllocatorHarness h = new AllocatorHarness();
    AgentId slave = h.addAgent("cpus:100;mem:100;disk:100");
    FrameworkId framework = h.addFramework("role1");
    AllocatorHarness.Offer allocation = h.next();
    assertEquals(framework, allocation.framework());
    assertEquals(1, allocation.resources().size());
    assertTrue(allocation.resources().containsKey(slave));
    assertEquals(res("cpus:100;mem:100;disk:100"), sum(allocation));
    // Everything is offered, so nothing available can be reserved: the update fails.
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> h.allocator.reserve(slave, "role1", quota("cpus:25;mem:50")));
  }

  // ------------------------------------------------------------------ oversubscription

  /**
   * Mesos 1.1.0: "when oversubscribed resources are updated subsequent allocations properly account
   * for that". The 5-cpu update leaves 12 revocable cpus allocated against a total of 5: nothing
   * revocable is available, so no offer.
   */
  @Test
  @DisplayName("Mesos 1.1.0 HierarchicalAllocatorTest.UpdateSlave")
  void UpdateSlave() {
    AllocatorHarness h = new AllocatorHarness();
    AgentId slave = h.addAgent("cpus:100;mem:100;disk:100");
    // Add a framework that can accept revocable resources.
    FrameworkId framework = h.addRevocableFramework("role1");
    // Initially, all the resources are allocated.
    expectSum(h, framework, "cpus:100;mem:100;disk:100");
    // Update the slave with 10 oversubscribed cpus.
    ResourceSet oversubscribed = AllocatorHarness.revocable("cpus", "10");
    h.updateSlave(slave, oversubscribed);
    // The next allocation should be for 10 oversubscribed resources.
    AllocatorHarness.Offer allocation = h.next();
    assertEquals(framework, allocation.framework());
    assertEquals(oversubscribed, sum(allocation));
    // Update the slave again with 12 oversubscribed cpus.
    ResourceSet oversubscribed2 = AllocatorHarness.revocable("cpus", "12");
    h.updateSlave(slave, oversubscribed2);
    // The next allocation should be for 2 oversubscribed cpus.
    allocation = h.next();
    assertEquals(oversubscribed2.minus(oversubscribed), sum(allocation));
    // Update the slave again with 5 oversubscribed cpus.
    h.updateSlave(slave, AllocatorHarness.revocable("cpus", "5"));
    // Since there are no more available oversubscribed resources there shouldn't be an allocation.
    h.settle();
    h.expectNoOffer();
  }

  /** Mesos 1.1.0: a framework that has not opted in for revocable resources is not allocated oversubscribed ones. */
  @Test
  @DisplayName("Mesos 1.1.0 HierarchicalAllocatorTest.OversubscribedNotAllocated")
  void OversubscribedNotAllocated() {
    AllocatorHarness h = new AllocatorHarness();
    AgentId slave = h.addAgent("cpus:100;mem:100;disk:100");
    // Add a framework that does *not* accept revocable resources.
    FrameworkId framework = h.addFramework("role1");
    // Initially, all the resources are allocated.
    expectSum(h, framework, "cpus:100;mem:100;disk:100");
    // Update the slave with 10 oversubscribed cpus.
    h.updateSlave(slave, AllocatorHarness.revocable("cpus", "10"));
    // No allocation should be made for oversubscribed resources because the framework has not
    // opted in for them.
    h.settle();
    h.expectNoOffer();
  }

  /** Mesos 1.1.0: when oversubscribed resources are partially recovered, the next allocation accounts for that. */
  @Test
  @DisplayName("Mesos 1.1.0 HierarchicalAllocatorTest.RecoverOversubscribedResources")
  void RecoverOversubscribedResources() {
    AllocatorHarness h = new AllocatorHarness();
    AgentId slave = h.addAgent("cpus:100;mem:100;disk:100");
    // Add a framework that can accept revocable resources.
    FrameworkId framework = h.addRevocableFramework("role1");
    // Initially, all the resources are allocated.
    expectSum(h, framework, "cpus:100;mem:100;disk:100");
    // Update the slave with 10 oversubscribed cpus.
    ResourceSet oversubscribed = AllocatorHarness.revocable("cpus", "10");
    h.updateSlave(slave, oversubscribed);
    // The next allocation should be for 10 oversubscribed cpus.
    AllocatorHarness.Offer allocation = h.next();
    assertEquals(oversubscribed, sum(allocation));
    // Recover 6 oversubscribed cpus and 2 regular cpus.
    ResourceSet recovered = AllocatorHarness.revocable("cpus", "6").plus(res("cpus:2"));
    h.allocator.recoverResources(framework, slave, recovered, 0);
    h.advance(INTERVAL);
    // The next allocation should be for 6 oversubscribed and 2 regular cpus.
    allocation = expectSum(h, framework, "cpus:2;cpus(*){REV}:6");
    assertEquals(recovered, sum(allocation));
  }

  // ------------------------------------------------------------------ whitelist

  @Test
  @DisplayName("Mesos 1.1.0 HierarchicalAllocatorTest.Whitelist")
  void Whitelist() {
    AllocatorHarness h = new AllocatorHarness();
    java.util.TreeSet<String> whitelist = new java.util.TreeSet<>(Set.of("dummy-agent"));
    h.allocator.updateWhitelist(whitelist);
    AgentId slave = h.addAgent("cpus:2;mem:1024"); // hostname agent1
    FrameworkId framework = h.addFramework("*");
    h.advance(INTERVAL);
    h.expectNoOffer();
    whitelist.add("agent1");
    h.allocator.updateWhitelist(whitelist);
    h.advance(INTERVAL);
    AllocatorHarness.Offer allocation = expectSum(h, framework, "cpus:2;mem:1024");
    assertEquals(1, allocation.resources().size());
    assertTrue(allocation.resources().containsKey(slave));
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
    double share1 = h.allocator.metrics().get("allocator/mesos/roles/ROLE1/shares/dominant");
    double share2 = h.allocator.metrics().get("allocator/mesos/roles/ROLE2/shares/dominant");
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
    h.addFramework("no-quota-role"); // framework2
    h.expectNoOffer();
    AgentId agent1 = h.addAgent("cpus:1;mem:512;disk:0");
    assertEquals(Set.of(agent1), expectSum(h, framework1, "cpus:1;mem:512;disk:0").resources().keySet());
    AgentId agent2 = h.addAgent("cpus:1;mem:512;disk:0");
    AllocatorHarness.Offer allocation = expectSum(h, framework1, "cpus:1;mem:512;disk:0");
    // Decline with a filter of twice the allocation interval.
    h.allocator.recoverResources(framework1, agent2, allocation.resources().get(agent2), 2 * INTERVAL);
    h.settle();
    h.advance(INTERVAL);
    h.expectNoOffer();
    h.advance(INTERVAL);
    assertEquals(Set.of(agent2), expectSum(h, framework1, "cpus:1;mem:512;disk:0").resources().keySet());
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
    SortedMap<String, Double> metrics = h.allocator.metrics();
    assertFalse(metrics.containsKey("allocator/mesos/quota/roles/quota-role/resources/cpus/offered_or_allocated"));
    assertFalse(metrics.containsKey("allocator/mesos/quota/roles/quota-role/resources/mem/offered_or_allocated"));
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
    assertMetrics(h, Map.of("allocator/mesos/quota/roles/quota-role/resources/cpus/guarantee", 0.25,
        "allocator/mesos/quota/roles/quota-role/resources/mem/guarantee", 128.0));
    h.addAgent("cpus:1;mem:512;disk:0", Map.of(framework1, "cpus:0.25;mem:128"));
    expectSum(h, framework2, "cpus:0.75;mem:384;disk:0");
    assertMetrics(h, Map.of("allocator/mesos/quota/roles/quota-role/resources/cpus/offered_or_allocated", 0.25,
        "allocator/mesos/quota/roles/quota-role/resources/mem/offered_or_allocated", 128.0));
    assertFalse(h.allocator.metrics()
        .containsKey("allocator/mesos/quota/roles/quota-role/resources/disk/offered_or_allocated"));
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
   * agent2's resources are reserved dynamically as in Mesos ({@code updateAvailable} with a RESERVE
   * of {@code cpus:4;mem:512} for no-quota-role; the principal "ops" is not modelled).
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
    AgentId agent2 = h.addAgent("cpus:4;mem:512;disk:0");
    ResourceSet dynamicallyReserved = res("cpus(no-quota-role):4;mem(no-quota-role):512");
    h.allocator.reserve(agent2, "no-quota-role", quota("cpus:4;mem:512"));
    h.settle();
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

  // ------------------------------------------------------------------ suppress, revive, deactivate

  @Test
  @DisplayName("Mesos 1.1.0 HierarchicalAllocatorTest.DeactivateAndReactivateFramework")
  void DeactivateAndReactivateFramework() {
    AllocatorHarness h = new AllocatorHarness();
    AgentId agent = h.addAgent("cpus:2;mem:1024;disk:0");
    FrameworkId framework = h.addFramework("role1");
    expectSum(h, framework, "cpus:2;mem:1024;disk:0");
    h.allocator.recoverResources(framework, agent, res("cpus:2;mem:1024;disk:0"), 0);
    h.allocator.suppressOffers(framework);
    h.allocator.deactivateFramework(framework);
    h.advance(INTERVAL);
    h.expectNoOffer();
    h.allocator.activateFramework(framework);
    h.settle();
    expectSum(h, framework, "cpus:2;mem:1024;disk:0");
  }

  @Test
  @DisplayName("Mesos 1.1.0 HierarchicalAllocatorTest.SuppressAndReviveOffers")
  void SuppressAndReviveOffers() {
    AllocatorHarness h = new AllocatorHarness();
    AgentId agent = h.addAgent("cpus:2;mem:1024;disk:0");
    FrameworkId framework = h.addFramework("role1");
    expectSum(h, framework, "cpus:2;mem:1024;disk:0");
    h.allocator.reviveOffers(framework);
    h.settle();
    h.expectNoOffer();
    h.allocator.recoverResources(framework, agent, res("cpus:2;mem:1024;disk:0"), 0);
    h.allocator.suppressOffers(framework);
    h.advance(INTERVAL);
    h.expectNoOffer();
    h.allocator.reviveOffers(framework);
    h.settle();
    expectSum(h, framework, "cpus:2;mem:1024;disk:0");
  }

  @Test
  @DisplayName("Mesos 1.1.0 HierarchicalAllocatorTest.ReviveOffers")
  void ReviveOffers() {
    AllocatorHarness h = new AllocatorHarness();
    AgentId agent = h.addAgent("cpus:2;mem:1024;disk:0");
    FrameworkId framework = h.addFramework("role1");
    expectSum(h, framework, "cpus:2;mem:1024;disk:0");
    h.allocator.recoverResources(framework, agent, res("cpus:2;mem:1024;disk:0"), 1000 * S);
    h.advance(INTERVAL);
    h.expectNoOffer();
    h.allocator.reviveOffers(framework);
    h.settle();
    expectSum(h, framework, "cpus:2;mem:1024;disk:0");
  }

  // ------------------------------------------------------------------ metrics

  @Test
  @DisplayName("Mesos 1.1.0 HierarchicalAllocatorTest.ResourceMetrics")
  void ResourceMetrics() {
    AllocatorHarness h = new AllocatorHarness();
    AgentId agent = h.addAgent("cpus:2;mem:1024;disk:0");
    assertMetrics(h, resourceMetrics(2, 1024, 0, 0, 0, 0));
    h.addFramework("role1");
    assertMetrics(h, resourceMetrics(2, 1024, 0, 2, 1024, 0));
    h.allocator.removeAgent(agent);
    h.settle();
    assertMetrics(h, resourceMetrics(0, 0, 0, 0, 0, 0));
  }

  private static Map<String, Double> resourceMetrics(double cpus, double mem, double disk, double cpusOffered,
      double memOffered, double diskOffered) {
    return Map.of(
        "allocator/mesos/resources/cpus/total", cpus,
        "allocator/mesos/resources/mem/total", mem,
        "allocator/mesos/resources/disk/total", disk,
        "allocator/mesos/resources/cpus/offered_or_allocated", cpusOffered,
        "allocator/mesos/resources/mem/offered_or_allocated", memOffered,
        "allocator/mesos/resources/disk/offered_or_allocated", diskOffered);
  }

  @Test
  @DisplayName("Mesos 1.1.0 HierarchicalAllocatorTest.ResourceMetricsUninitialized")
  void ResourceMetricsUninitialized() {
    HierarchicalDrfAllocator allocator = new HierarchicalDrfAllocator(); // initialize() not called
    SortedMap<String, Double> m = allocator.metrics();
    for (Map.Entry<String, Double> e : resourceMetrics(0, 0, 0, 0, 0, 0).entrySet()) {
      assertEquals(e.getValue(), m.get(e.getKey()), e.getKey());
    }
  }

  @Test
  @DisplayName("Mesos 1.1.0 HierarchicalAllocatorTest.AllocationRunsMetric")
  void AllocationRunsMetric() {
    AllocatorHarness h = new AllocatorHarness();
    double allocations = 0;
    assertMetrics(h, Map.of("allocator/mesos/allocation_runs", allocations));
    h.addAgent("cpus:2;mem:1024;disk:0");
    ++allocations; // adding an agent triggers allocations
    h.addFramework("role");
    ++allocations; // adding a framework triggers allocations
    h.settle();
    assertMetrics(h, Map.of("allocator/mesos/allocation_runs", allocations));
  }

  @Test
  @DisplayName("Mesos 1.1.0 HierarchicalAllocatorTest.ActiveOfferFiltersMetrics")
  void ActiveOfferFiltersMetrics() {
    AllocatorHarness h = new AllocatorHarness();
    AgentId agent = h.addAgent("cpus:2;mem:1024;disk:0");
    long offerFilter = INTERVAL * 100;
    FrameworkId framework1 = h.addFramework("roleA");
    AllocatorHarness.Offer allocation = h.next();
    assertEquals(framework1, allocation.framework());
    h.allocator.recoverResources(allocation.framework(), agent, allocation.resources().get(agent), offerFilter);
    assertMetrics(h, Map.of("allocator/mesos/offer_filters/roles/roleA/active", 1.0));
    FrameworkId framework2 = h.addFramework("roleB");
    allocation = h.next();
    assertEquals(framework2, allocation.framework());
    h.allocator.recoverResources(allocation.framework(), agent, allocation.resources().get(agent), offerFilter);
    assertMetrics(h, Map.of("allocator/mesos/offer_filters/roles/roleA/active", 1.0,
        "allocator/mesos/offer_filters/roles/roleB/active", 1.0));
    FrameworkId framework3 = h.addFramework("roleA");
    allocation = h.next();
    assertEquals(framework3, allocation.framework());
    h.allocator.recoverResources(allocation.framework(), agent, allocation.resources().get(agent), offerFilter);
    assertMetrics(h, Map.of("allocator/mesos/offer_filters/roles/roleA/active", 2.0,
        "allocator/mesos/offer_filters/roles/roleB/active", 1.0));
  }

  @Test
  @DisplayName("Mesos 1.1.0 HierarchicalAllocatorTest.DominantShareMetrics")
  void DominantShareMetrics() {
    AllocatorHarness h = new AllocatorHarness();
    AgentId agent1 = h.addAgent("cpus:1;mem:1024");
    h.addFramework("roleA");
    h.settle();
    assertMetrics(h, Map.of("allocator/mesos/roles/roleA/shares/dominant", 1.0));
    AllocatorHarness.Offer allocation = h.next();
    h.allocator.recoverResources(allocation.framework(), agent1, allocation.resources().get(agent1), 0);
    h.settle();
    assertMetrics(h, Map.of("allocator/mesos/roles/roleA/shares/dominant", 0.0));
    FrameworkId framework2 = h.addFramework("roleB");
    h.settle();
    assertMetrics(h, Map.of("allocator/mesos/roles/roleA/shares/dominant", 0.0,
        "allocator/mesos/roles/roleB/shares/dominant", 1.0));
    h.addAgent("cpus:1;mem:1024");
    h.settle();
    assertMetrics(h, Map.of("allocator/mesos/roles/roleA/shares/dominant", 0.5,
        "allocator/mesos/roles/roleB/shares/dominant", 0.5));
    h.allocator.removeFramework(framework2);
    h.settle();
    assertMetrics(h, Map.of("allocator/mesos/roles/roleA/shares/dominant", 0.5));
    assertFalse(h.allocator.metrics().containsKey("allocator/mesos/roles/roleB/shares/dominant"));
  }

  @Test
  @DisplayName("Mesos 1.1.0 HierarchicalAllocatorTest.DominantShareMetricsWithFairnessExclusion")
  void DominantShareMetricsWithFairnessExclusion() {
    AllocatorHarness h = new AllocatorHarness(INTERVAL, Map.of("fairnessExcludeResourceNames", "gpus"), 42L);
    h.addAgent("cpus:1;mem:1024;gpus:1");
    h.addGpuFramework("roleA");
    h.settle();
    assertMetrics(h, Map.of("allocator/mesos/roles/roleA/shares/dominant", 1.0));
    h.addFramework("roleB");
    h.settle();
    h.addAgent("cpus:3;mem:3072");
    h.settle();
    assertMetrics(h, Map.of("allocator/mesos/roles/roleA/shares/dominant", 0.25,
        "allocator/mesos/roles/roleB/shares/dominant", 0.75));
  }

  // ------------------------------------------------------------------ weights

  @Test
  @DisplayName("Mesos 1.1.0 HierarchicalAllocatorTest.UpdateWeight")
  void UpdateWeight() {
    AllocatorHarness h = new AllocatorHarness();
    String single = "cpus:2;mem:1024";
    for (int i = 0; i < 6; i++) {
      h.addAgent(single);
    }
    FrameworkId framework1 = h.addFramework("role1");
    FrameworkId framework2 = h.addFramework("role2");
    AllocatorHarness.Offer allocation = h.next();
    assertEquals(framework1, allocation.framework());
    assertEquals(6, allocation.resources().size());
    assertEquals(res("cpus:12;mem:6144"), sum(allocation));
    recoverAll(h, allocation);
    {
      h.advance(INTERVAL);
      TreeMap<FrameworkId, AllocatorHarness.Offer> frameworkAllocations = awaitAllocations(h, 2, true);
      assertEquals(3, frameworkAllocations.get(framework1).resources().size());
      assertEquals(res("cpus:6;mem:3072"), sum(frameworkAllocations.get(framework1)));
      assertEquals(3, frameworkAllocations.get(framework2).resources().size());
      assertEquals(res("cpus:6;mem:3072"), sum(frameworkAllocations.get(framework2)));
    }
    {
      h.allocator.updateWeights(new TreeMap<>(Map.of("role2", 2.0)));
      h.settle();
      TreeMap<FrameworkId, AllocatorHarness.Offer> frameworkAllocations = awaitAllocations(h, 2, true);
      assertEquals(2, frameworkAllocations.get(framework1).resources().size());
      assertEquals(res("cpus:4;mem:2048"), sum(frameworkAllocations.get(framework1)));
      assertEquals(4, frameworkAllocations.get(framework2).resources().size());
      assertEquals(res("cpus:8;mem:4096"), sum(frameworkAllocations.get(framework2)));
    }
    {
      h.allocator.updateWeights(new TreeMap<>(Map.of("role3", 3.0)));
      h.settle();
      FrameworkId framework3 = h.addFramework("role3");
      TreeMap<FrameworkId, AllocatorHarness.Offer> frameworkAllocations = awaitAllocations(h, 3, false);
      assertEquals(1, frameworkAllocations.get(framework1).resources().size());
      assertEquals(res(single), sum(frameworkAllocations.get(framework1)));
      assertEquals(2, frameworkAllocations.get(framework2).resources().size());
      assertEquals(res("cpus:4;mem:2048"), sum(frameworkAllocations.get(framework2)));
      assertEquals(3, frameworkAllocations.get(framework3).resources().size());
      assertEquals(res("cpus:6;mem:3072"), sum(frameworkAllocations.get(framework3)));
    }
  }

  /** The test's awaitAllocationsAndRecoverResources: {@code count} offers, all now, summing to the whole cluster. */
  private static TreeMap<FrameworkId, AllocatorHarness.Offer> awaitAllocations(AllocatorHarness h, int count,
      boolean recover) {
    TreeMap<FrameworkId, AllocatorHarness.Offer> frameworkAllocations = new TreeMap<>();
    ResourceSet total = ResourceSet.EMPTY;
    List<AllocatorHarness.Offer> taken = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      AllocatorHarness.Offer allocation = h.next();
      assertEquals(h.sim.now(), allocation.time());
      frameworkAllocations.put(allocation.framework(), allocation);
      total = total.plus(sum(allocation));
      taken.add(allocation);
    }
    for (AllocatorHarness.Offer allocation : taken) {
      if (recover) {
        recoverAll(h, allocation);
      }
    }
    assertEquals(res("cpus:12;mem:6144"), total);
    return frameworkAllocations;
  }
}
