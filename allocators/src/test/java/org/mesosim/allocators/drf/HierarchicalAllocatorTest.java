package org.mesosim.allocators.drf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mesosim.engine.SimTime;
import org.mesosim.model.AgentId;
import org.mesosim.model.FrameworkId;
import org.mesosim.model.Resources;

/**
 * Mesos' own allocator tests ({@code src/tests/hierarchical_allocator_tests.cpp},
 * 1.1.0), restated with exact offers at exact virtual times and what the model fixes beyond Mesos'
 * checks (the order of one run's callbacks, shares, run counts). The literal ports of that file are
 * {@link HierarchicalAllocatorTests11}.
 */
class HierarchicalAllocatorTest {
  private static final long S = SimTime.SECOND;

  @Test
  @DisplayName("T1 UnreservedDRF")
  void UnreservedDRF_roleLevelThenFrameworkLevelDrf() {
    AllocatorHarness h = new AllocatorHarness();
    AgentId a1 = h.addAgent("cpus:2;mem:1024;disk:0");
    h.expectNoOffer();
    FrameworkId f1 = h.addFramework("role1");
    h.expect(f1, Map.of(a1, "cpus:2;mem:1024"));
    FrameworkId f2 = h.addFramework("role2");
    h.expectNoOffer();
    AgentId a2 = h.addAgent("cpus:1;mem:512;disk:0");
    h.expect(f2, Map.of(a2, "cpus:1;mem:512"));
    AgentId a3 = h.addAgent("cpus:3;mem:2048;disk:0");
    h.expect(f2, Map.of(a3, "cpus:3;mem:2048"));
    FrameworkId f3 = h.addFramework("role1");
    h.expectNoOffer();
    AgentId a4 = h.addAgent("cpus:4;mem:4096;disk:0");
    h.expect(f3, Map.of(a4, "cpus:4;mem:4096"));
    h.addFramework("role1");
    h.expectNoOffer();
    AgentId a5 = h.addAgent("cpus:1;mem:512;disk:0");
    h.expect(f2, Map.of(a5, "cpus:1;mem:512"));
    h.expectNoOffer();
    assertEquals(0.625, h.allocator.roleShare("role1"), 1e-12);
    // role2 held 4/11 cpus when agent5 was placed; after it, 5/11.
    assertEquals(5.0 / 11.0, h.allocator.roleShare("role2"), 1e-12);
  }

  @Test
  @DisplayName("T2 CoarseGrained")
  void CoarseGrained_eachAgentGoesWholeToOneFramework() {
    AllocatorHarness h = new AllocatorHarness();
    AgentId a1 = h.addAgent("cpus:2;mem:1024;disk:0");
    AgentId a2 = h.addAgent("cpus:2;mem:1024;disk:0");
    FrameworkId f1 = h.addFramework("role1");
    AllocatorHarness.Offer o = h.expect(f1, Map.of(a1, "cpus:2;mem:1024", a2, "cpus:2;mem:1024"));
    h.recover(o, 0);
    h.expectNoOffer();
    FrameworkId f2 = h.addFramework("role2");
    // Both roles have share 0; role2's allocation count (0) is below role1's (2), so role2 is
    // served first and, in first-allocation order, its callback comes first.
    AllocatorHarness.Offer first = h.next();
    AllocatorHarness.Offer second = h.next();
    h.expectNoOffer();
    assertEquals(f2, first.framework());
    assertEquals(f1, second.framework());
    assertEquals(1, first.resources().size());
    assertEquals(1, second.resources().size());
    AgentId g2 = first.resources().firstKey();
    AgentId g1 = second.resources().firstKey();
    assertNotEquals(g1, g2);
    assertEquals(new TreeSet<>(List.of(a1, a2)), new TreeSet<>(List.of(g1, g2)));
    assertEquals(AllocatorHarness.res("cpus:2;mem:1024"), first.resources().get(g2));
    assertEquals(AllocatorHarness.res("cpus:2;mem:1024"), second.resources().get(g1));
  }

  @Test
  @DisplayName("T3 SameShareFairness")
  void SameShareFairness_allocationCountAlternatesEqualShares() {
    AllocatorHarness h = new AllocatorHarness();
    FrameworkId f1 = h.addFramework("*");
    FrameworkId f2 = h.addFramework("*");
    AgentId a1 = h.addAgent("cpus:2;mem:1024;disk:0");
    TreeMap<FrameworkId, Integer> counts = new TreeMap<>();
    for (int i = 0; i < 10; i++) {
      AllocatorHarness.Offer o = h.expect(i % 2 == 0 ? f1 : f2, Map.of(a1, "cpus:2;mem:1024"));
      assertEquals(i * S, o.time());
      counts.merge(o.framework(), 1, Integer::sum);
      h.recover(o, 0);
      h.advance(S);
    }
    assertEquals(Map.of(f1, 5, f2, 5), counts);
  }

  @Test
  @DisplayName("T4 Reservations")
  void Reservations_staticReservationsGoOnlyToTheirRole() {
    AllocatorHarness h = new AllocatorHarness();
    AgentId a1 = h.addAgent("cpus(role1):2;mem(role1):1024;disk(role1):0");
    AgentId a2 = h.addAgent("cpus(role2):2;mem(role2):1024;cpus:1;mem:1024;disk:0");
    h.addAgent("cpus(role3):1;mem(role3):1024;disk(role3):0");
    FrameworkId f1 = h.addFramework("role1");
    h.expect(f1, Map.of(a1, "cpus(role1):2;mem(role1):1024", a2, "cpus:1;mem:1024"));
    FrameworkId f2 = h.addFramework("role2");
    h.expect(f2, Map.of(a2, "cpus(role2):2;mem(role2):1024"));
    h.advance(5 * S);
    h.expectNoOffer();
  }

  @Test
  @DisplayName("T5 Allocatable")
  void Allocatable_minimumIsCpusOrMem() {
    AllocatorHarness h = new AllocatorHarness();
    FrameworkId f1 = h.addFramework("role1");
    h.addAgent("cpus:0.005;mem:16;disk:128");
    h.expectNoOffer();
    AgentId a2 = h.addAgent("cpus:0.01;mem:16;disk:128");
    h.expect(f1, Map.of(a2, "cpus:0.01;mem:16;disk:128"));
    AgentId a3 = h.addAgent("cpus:0.005;mem:32;disk:128");
    h.expect(f1, Map.of(a3, "cpus:0.005;mem:32;disk:128"));
    AgentId a4 = h.addAgent("cpus:0.00667;mem:16;cpus(role1):0.00667;mem(role1):16;disk:128");
    h.expect(f1, Map.of(a4, "cpus:0.00667;mem:16;cpus(role1):0.00667;mem(role1):16;disk:128"));
    h.advance(3 * S);
    h.expectNoOffer();
  }

  @Test
  @DisplayName("T6 OfferFilter")
  void OfferFilter_filterLongerThanIntervalExpiresBeforeTheRun() {
    AllocatorHarness h = new AllocatorHarness();
    FrameworkId f1 = h.addFramework("role");
    AgentId a1 = h.addAgent("cpus:1;mem:512;disk:0");
    AllocatorHarness.Offer o = h.expect(f1, Map.of(a1, "cpus:1;mem:512"));
    h.recover(o, 2 * S);
    assertEquals(1, h.allocator.activeOfferFilters("role"));
    h.advanceTo(1 * S);
    h.expectNoOffer();
    h.advanceTo(2 * S);
    h.expect(f1, Map.of(a1, "cpus:1;mem:512"));
    assertEquals(0, h.allocator.activeOfferFilters("role"));
  }

  @Test
  @DisplayName("T7 SmallOfferFilterTimeout")
  void SmallOfferFilterTimeout_filterLastsAtLeastOneInterval() {
    AllocatorHarness h = new AllocatorHarness(60 * S, Map.of(), 42L);
    FrameworkId f1 = h.addFramework("role");
    FrameworkId f2 = h.addFramework("role");
    AgentId a1 = h.addAgent("cpus:1;mem:512;disk:0", Map.of(f1, "cpus:1;mem:512"));
    h.expectNoOffer();
    AgentId a2 = h.addAgent("cpus:1;mem:512;disk:0");
    AllocatorHarness.Offer o = h.expect(f2, Map.of(a2, "cpus:1;mem:512"));
    h.recover(o, 1 * S);
    h.advanceTo(1 * S);
    h.expectNoOffer();
    h.advanceTo(61 * S);
    o = h.next();
    assertEquals(60 * S, o.time());
    assertEquals(f1, o.framework());
    assertEquals(Map.of(a2, AllocatorHarness.res("cpus:1;mem:512")), o.resources());
    h.expectNoOffer();
    h.recover(o, 0);
    h.advanceTo(121 * S);
    o = h.next();
    assertEquals(120 * S, o.time());
    assertEquals(f2, o.framework());
    assertEquals(Map.of(a2, AllocatorHarness.res("cpus:1;mem:512")), o.resources());
    h.expectNoOffer();
    assertEquals(a1, new AgentId("agent1"));
  }

  @Test
  @DisplayName("T8 QuotaProvidesGuarantee")
  void QuotaProvidesGuarantee_quotaHoldsDeclinedResourcesForItsRole() {
    AllocatorHarness h = new AllocatorHarness();
    FrameworkId f1 = h.addFramework("quota-role");
    h.allocator.setQuota("quota-role", Resources.of(2, 1024));
    h.settle();
    h.addFramework("no-quota-role");
    h.expectNoOffer();
    AgentId a1 = h.addAgent("cpus:1;mem:512;disk:0");
    h.expect(f1, Map.of(a1, "cpus:1;mem:512"));
    AgentId a2 = h.addAgent("cpus:1;mem:512;disk:0");
    AllocatorHarness.Offer o = h.expect(f1, Map.of(a2, "cpus:1;mem:512"));
    h.recover(o, 2 * S);
    h.advanceTo(1 * S);
    h.expectNoOffer();
    h.advanceTo(2 * S);
    h.expect(f1, Map.of(a2, "cpus:1;mem:512"));
    h.expectNoOffer();
  }

  @Test
  @DisplayName("T9 QuotaAbsentFramework")
  void QuotaAbsentFramework_unmetQuotaIsHeldBackWithoutFrameworks() {
    AllocatorHarness h = new AllocatorHarness();
    h.allocator.setQuota("quota-role", Resources.of(2, 1024));
    h.settle();
    FrameworkId f1 = h.addFramework("no-quota-role");
    h.expectNoOffer();
    h.addAgent("cpus:2;mem:1024;disk:0");
    h.expectNoOffer();
    AgentId a2 = h.addAgent("cpus:1;mem:512;disk:0");
    h.expect(f1, Map.of(a2, "cpus:1;mem:512"));
    h.expectNoOffer();
  }

  @Test
  @DisplayName("T10 MultipleFrameworksInRoleWithQuota")
  void MultipleFrameworksInRoleWithQuota_fairShareInsideAQuotaRole() {
    AllocatorHarness h = new AllocatorHarness();
    FrameworkId f1 = h.addFramework("quota-role");
    h.allocator.setQuota("quota-role", Resources.of(4, 2048));
    h.settle();
    h.addFramework("no-quota-role");
    AgentId a1 = h.addAgent("cpus:1;mem:512;disk:0");
    h.expect(f1, Map.of(a1, "cpus:1;mem:512"));
    FrameworkId f3 = h.addFramework("quota-role");
    h.expectNoOffer();
    AgentId a2 = h.addAgent("cpus:2;mem:1024;disk:0");
    h.expect(f3, Map.of(a2, "cpus:2;mem:1024"));
    AgentId a3 = h.addAgent("cpus:1;mem:512;disk:0");
    AllocatorHarness.Offer o = h.expect(f1, Map.of(a3, "cpus:1;mem:512"));
    h.recover(o, 5 * S);
    h.advanceTo(1 * S);
    h.expect(f3, Map.of(a3, "cpus:1;mem:512"));
    h.expectNoOffer();
  }

  @Test
  @DisplayName("T11 UpdateWeight")
  void UpdateWeight_weightedRoleDrf() {
    AllocatorHarness h = new AllocatorHarness();
    for (int i = 0; i < 6; i++) {
      h.addAgent("cpus:2;mem:1024;disk:0");
    }
    FrameworkId f1 = h.addFramework("role1");
    AllocatorHarness.Offer o = h.next();
    assertEquals(f1, o.framework());
    assertEquals(6, o.resources().size());
    h.expectNoOffer();
    FrameworkId f2 = h.addFramework("role2");
    h.expectNoOffer();
    h.recover(o, 0);
    h.advance(S);
    assertEquals(Map.of(f2, 3, f1, 3), takeRun(h, List.of(f2, f1)));

    h.allocator.updateWeights(new TreeMap<>(Map.of("role2", 2.0)));
    h.settle();
    assertEquals(Map.of(f2, 4, f1, 2), takeRun(h, List.of(f2, f1)));

    var before = h.allocator.stats();
    h.allocator.updateWeights(new TreeMap<>(Map.of("role3", 3.0)));
    h.settle();
    h.expectNoOffer();
    assertEquals(before, h.allocator.stats());
    FrameworkId f3 = h.addFramework("role3");
    // Traced by hand: r3, r2, r1, r3, r2, r3; callbacks in first-allocation order.
    TreeMap<FrameworkId, Integer> got = new TreeMap<>();
    for (FrameworkId f : List.of(f3, f2, f1)) {
      AllocatorHarness.Offer x = h.next();
      assertEquals(f, x.framework());
      got.put(x.framework(), x.resources().size());
    }
    h.expectNoOffer();
    assertEquals(Map.of(f1, 1, f2, 2, f3, 3), got);
  }

  @Test
  @DisplayName("T12 SuppressAndReviveOffers")
  void SuppressAndReviveOffers_suppressedGetsNothingUntilRevive() {
    AllocatorHarness h = new AllocatorHarness();
    AgentId a1 = h.addAgent("cpus:2;mem:1024;disk:0");
    FrameworkId f1 = h.addFramework("role1");
    AllocatorHarness.Offer o = h.expect(f1, Map.of(a1, "cpus:2;mem:1024"));
    long runs = h.allocator.stats().runs();
    h.allocator.reviveOffers(f1);
    h.settle();
    h.expectNoOffer();
    assertEquals(runs + 1, h.allocator.stats().runs(), "revive triggers a run");
    h.recover(o, 0);
    h.allocator.suppressOffers(f1);
    h.advance(S);
    h.expectNoOffer();
    h.allocator.reviveOffers(f1);
    h.settle();
    h.expect(f1, Map.of(a1, "cpus:2;mem:1024"));
  }

  @Test
  @DisplayName("T12 ReviveOffers")
  void ReviveOffers_reviveClearsFilters() {
    AllocatorHarness h = new AllocatorHarness();
    AgentId a1 = h.addAgent("cpus:2;mem:1024;disk:0");
    FrameworkId f1 = h.addFramework("role1");
    AllocatorHarness.Offer o = h.expect(f1, Map.of(a1, "cpus:2;mem:1024"));
    h.recover(o, 1000 * S);
    h.advance(S);
    h.expectNoOffer();
    h.allocator.reviveOffers(f1);
    h.settle();
    h.expect(f1, Map.of(a1, "cpus:2;mem:1024"));
    assertEquals(0, h.allocator.activeOfferFilters("role1"));
  }

  @Test
  @DisplayName("T12 DeactivateAndReactivateFramework")
  void DeactivateAndReactivateFramework_deactivationClearsSuppression() {
    AllocatorHarness h = new AllocatorHarness();
    AgentId a1 = h.addAgent("cpus:2;mem:1024;disk:0");
    FrameworkId f1 = h.addFramework("role1");
    AllocatorHarness.Offer o = h.expect(f1, Map.of(a1, "cpus:2;mem:1024"));
    h.recover(o, 0);
    h.allocator.suppressOffers(f1);
    h.allocator.deactivateFramework(f1);
    h.advance(S);
    h.expectNoOffer();
    h.allocator.activateFramework(f1);
    h.settle();
    h.expect(f1, Map.of(a1, "cpus:2;mem:1024"));
  }

  @Test
  @DisplayName("ReservedDRF")
  void ReservedDRF_reservationsAreSharedFairlyWithinTheRole() {
    AllocatorHarness h = new AllocatorHarness();
    AgentId a1 = h.addAgent("cpus:1;mem:512;disk:0;cpus(role1):100;mem(role1):1024;disk(role1):0");
    FrameworkId f1 = h.addFramework("role1");
    h.expect(f1, Map.of(a1, "cpus:1;mem:512;cpus(role1):100;mem(role1):1024"));
    FrameworkId f2 = h.addFramework("role2");
    h.expectNoOffer();
    AgentId a2 = h.addAgent("cpus:2;mem:512;disk:0");
    h.expect(f2, Map.of(a2, "cpus:2;mem:512"));
    AgentId a3 = h.addAgent("cpus:2;mem:512;disk:0");
    h.expect(f2, Map.of(a3, "cpus:2;mem:512"));
    FrameworkId f3 = h.addFramework("role1");
    h.expectNoOffer();
    AgentId a4 = h.addAgent("cpus(role1):2;mem(role1):1024;disk(role1):0");
    h.expect(f3, Map.of(a4, "cpus(role1):2;mem(role1):1024"));
    h.expectNoOffer();
  }

  @Test
  @DisplayName("DRFWithQuota")
  void DRFWithQuota_quotaRoleGetsNoUnreservedResourcesInStage2() {
    AllocatorHarness h = new AllocatorHarness();
    FrameworkId f1 = h.addFramework("quota-role");
    h.allocator.setQuota("quota-role", Resources.of(0.25, 128));
    h.settle();
    FrameworkId f2 = h.addFramework("no-quota-role");
    h.expectNoOffer();
    AgentId a1 = h.addAgent("cpus:1;mem:512;disk:0", Map.of(f1, "cpus:0.25;mem:128"));
    h.expect(f2, Map.of(a1, "cpus:0.75;mem:384"));
    AgentId a2 = h.addAgent("cpus:1;mem:512;disk:0");
    h.expect(f2, Map.of(a2, "cpus:1;mem:512"));
    h.expectNoOffer();
  }

  /** Takes one run's callbacks (in the given framework order), checks each agent is whole, recovers all. */
  private static Map<FrameworkId, Integer> takeRun(AllocatorHarness h, List<FrameworkId> order) {
    TreeMap<FrameworkId, Integer> got = new TreeMap<>();
    java.util.ArrayList<AllocatorHarness.Offer> taken = new java.util.ArrayList<>();
    for (FrameworkId f : order) {
      AllocatorHarness.Offer x = h.next();
      assertEquals(f, x.framework());
      assertEquals(h.sim.now(), x.time());
      x.resources().values().forEach(r -> assertEquals(AllocatorHarness.res("cpus:2;mem:1024"), r));
      got.put(f, x.resources().size());
      taken.add(x);
    }
    h.expectNoOffer();
    for (AllocatorHarness.Offer x : taken) {
      h.recover(x, 0);
    }
    return got;
  }
}
