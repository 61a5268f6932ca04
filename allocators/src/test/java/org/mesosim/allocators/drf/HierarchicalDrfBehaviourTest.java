package org.mesosim.allocators.drf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.mesosim.engine.SimTime;
import org.mesosim.model.AgentId;
import org.mesosim.model.AgentInfo;
import org.mesosim.model.FrameworkId;
import org.mesosim.model.FrameworkInfo;
import org.mesosim.model.ResourceSet;
import org.mesosim.model.Resources;

/** Behaviour beyond Mesos' test suite: filters, version switches, determinism, skipped runs. */
class HierarchicalDrfBehaviourTest {
  private static final long S = SimTime.SECOND;

  @Test
  void filter_matchesOnlySubsetsOfTheRefusedResources() {
    AllocatorHarness h = new AllocatorHarness();
    FrameworkId f1 = h.addFramework("role1");
    AgentId a1 = h.addAgent("cpus:2;mem:1024;disk:0");
    h.expect(f1, Map.of(a1, "cpus:2;mem:1024"));
    // Decline half with a 10 s filter, keep the other half.
    h.allocator.recoverResources(f1, a1, AllocatorHarness.res("cpus:1;mem:512"), 10 * S);
    h.advance(S);
    h.expectNoOffer();
    // The pool grows beyond what was refused: no longer filtered.
    h.allocator.recoverResources(f1, a1, AllocatorHarness.res("cpus:1;mem:512"), 0);
    h.advance(S);
    h.expect(f1, Map.of(a1, "cpus:2;mem:1024"));
    assertEquals(1, h.allocator.activeOfferFilters("role1"));
  }

  /**
   * Three filters of one framework on one agent (kept as a chain): each expires on its own, from
   * the middle, the head and the tail of the chain, and the agent is offered again exactly when
   * no live filter contains its free resources any more.
   */
  @Test
  void filter_severalOnOneAgent_expireIndependently() {
    AllocatorHarness h = new AllocatorHarness();
    FrameworkId f1 = h.addFramework("role1");
    // A long filter on another agent keeps the framework's filter count above zero throughout,
    // so a dead filter left in the chain would show.
    AgentId other = h.addAgent("cpus:1;mem:512;disk:0");
    h.recover(h.expect(f1, Map.of(other, "cpus:1;mem:512")), 100 * S);
    AgentId a1 = h.addAgent("cpus:4;mem:2048;disk:0");
    h.expect(f1, Map.of(a1, "cpus:4;mem:2048"));
    // A: half back for 30 s (free cpus:2 is inside A: filtered). B: the other half for 10 s;
    // free cpus:4 is inside neither, so the next run offers the whole agent again.
    h.allocator.recoverResources(f1, a1, AllocatorHarness.res("cpus:2;mem:1024"), 30 * S);
    h.allocator.recoverResources(f1, a1, AllocatorHarness.res("cpus:2;mem:1024"), 10 * S);
    assertEquals(3, h.allocator.activeOfferFilters("role1"));
    h.advance(S);
    AllocatorHarness.Offer o = h.expect(f1, Map.of(a1, "cpus:4;mem:2048"));
    // C: all of it for 20 s (expires at 21 s): filtered by C alone.
    h.recover(o, 20 * S);
    assertEquals(4, h.allocator.activeOfferFilters("role1"));
    h.advanceTo(10 * S);
    assertEquals(3, h.allocator.activeOfferFilters("role1")); // B gone (the chain's middle)
    h.advanceTo(21 * S - 1);
    h.expectNoOffer();
    assertEquals(3, h.allocator.activeOfferFilters("role1"));
    h.advanceTo(21 * S);
    assertEquals(2, h.allocator.activeOfferFilters("role1")); // C gone (the head); A left
    o = h.expect(f1, Map.of(a1, "cpus:4;mem:2048"));
    // Give back cpus:2 for 1 s: free cpus:2 is inside A (and the new filter) until A expires.
    h.allocator.recoverResources(f1, a1, AllocatorHarness.res("cpus:2;mem:1024"), S);
    assertEquals(3, h.allocator.activeOfferFilters("role1"));
    h.advanceTo(29 * S);
    assertEquals(2, h.allocator.activeOfferFilters("role1"));
    h.expectNoOffer();
    h.advanceTo(31 * S);
    assertEquals(1, h.allocator.activeOfferFilters("role1")); // A gone (the tail)
    o = h.next();
    assertEquals(f1, o.framework());
    assertEquals(30 * S, o.time());
    assertEquals(Map.of(a1, AllocatorHarness.res("cpus:2;mem:1024")), Map.copyOf(o.resources()));
    h.expectNoOffer();
  }

  /** Deactivation drops a whole chain of filters; their timers firing later change nothing. */
  @Test
  void filter_deactivateDropsEveryFilterOfAChain() {
    AllocatorHarness h = new AllocatorHarness();
    FrameworkId f1 = h.addFramework("role1");
    AgentId a1 = h.addAgent("cpus:4;mem:2048;disk:0");
    h.expect(f1, Map.of(a1, "cpus:4;mem:2048"));
    h.allocator.recoverResources(f1, a1, AllocatorHarness.res("cpus:1;mem:512"), 50 * S);
    h.allocator.recoverResources(f1, a1, AllocatorHarness.res("cpus:1;mem:512"), 40 * S);
    h.allocator.recoverResources(f1, a1, AllocatorHarness.res("cpus:1;mem:512"), 30 * S);
    assertEquals(3, h.allocator.activeOfferFilters("role1"));
    h.allocator.deactivateFramework(f1);
    assertEquals(0, h.allocator.activeOfferFilters("role1"));
    h.advanceTo(60 * S);
    assertEquals(0, h.allocator.activeOfferFilters("role1"));
    h.expectNoOffer();
    h.allocator.activateFramework(f1);
    h.settle();
    h.expect(f1, Map.of(a1, "cpus:3;mem:1536"));
    h.allocator.recoverResources(f1, a1, AllocatorHarness.res("cpus:3;mem:1536"), 5 * S);
    assertEquals(1, h.allocator.activeOfferFilters("role1"));
    h.advanceTo(66 * S);
    assertEquals(0, h.allocator.activeOfferFilters("role1"));
    AllocatorHarness.Offer o = h.next();
    assertEquals(f1, o.framework());
    assertEquals(65 * S, o.time());
    assertEquals(AllocatorHarness.res("cpus:3;mem:1536"), o.resources().get(a1));
  }

  @Test
  void filter_refuseZeroInstallsNoFilter() {
    AllocatorHarness h = new AllocatorHarness();
    FrameworkId f1 = h.addFramework("role1");
    AgentId a1 = h.addAgent("cpus:2;mem:1024;disk:0");
    AllocatorHarness.Offer o = h.expect(f1, Map.of(a1, "cpus:2;mem:1024"));
    h.recover(o, 0);
    assertEquals(0, h.allocator.activeOfferFilters("role1"));
    h.advance(S);
    h.expect(f1, Map.of(a1, "cpus:2;mem:1024"));
  }

  @Test
  void filter_deactivateClearsFilters() {
    AllocatorHarness h = new AllocatorHarness();
    FrameworkId f1 = h.addFramework("role1");
    AgentId a1 = h.addAgent("cpus:2;mem:1024;disk:0");
    AllocatorHarness.Offer o = h.expect(f1, Map.of(a1, "cpus:2;mem:1024"));
    h.recover(o, 100 * S);
    h.allocator.deactivateFramework(f1);
    assertEquals(0, h.allocator.activeOfferFilters("role1"));
    h.allocator.activateFramework(f1);
    h.settle();
    h.expect(f1, Map.of(a1, "cpus:2;mem:1024"));
  }

  @Test
  void filterExpiry_atTheInstantOfThePeriodicRunDependsOnVersion() {
    // T7's shape: the periodic timer (60 s) was set before the filter's expiry at 60 s.
    // 1.1: timers fire in order, the run sees the filter -> f1. 1.2 batching: the run takes one
    // more hop, so the expiry wins -> f2. 1.7: the expiry takes one more hop too -> f1 again.
    assertEquals("framework1", smallFilterWinner("1.1"));
    assertEquals("framework2", smallFilterWinner("1.2"));
    assertEquals("framework2", smallFilterWinner("1.5"));
    assertEquals("framework1", smallFilterWinner("1.7"));
  }

  private static String smallFilterWinner(String version) {
    AllocatorHarness h = new AllocatorHarness(60 * S, Map.of("mesosVersion", version), 42L);
    FrameworkId f1 = h.addFramework("role");
    FrameworkId f2 = h.addFramework("role");
    h.addAgent("cpus:1;mem:512;disk:0", Map.of(f1, "cpus:1;mem:512"));
    AgentId a2 = h.addAgent("cpus:1;mem:512;disk:0");
    AllocatorHarness.Offer o = h.expect(f2, Map.of(a2, "cpus:1;mem:512"));
    h.recover(o, 1 * S);
    h.advanceTo(61 * S);
    o = h.next();
    assertEquals(60 * S, o.time());
    h.expectNoOffer();
    return o.framework().value();
  }

  @Test
  void batching_mesos12CoalescesTriggersIntoOneRun() {
    for (String v : List.of("1.1", "1.2")) {
      AllocatorHarness h = new AllocatorHarness(S, Map.of("mesosVersion", v), 42L);
      h.addAgent("cpus:2;mem:1024;disk:0");
      h.addAgent("cpus:2;mem:1024;disk:0");
      long runs = h.allocator.stats().runs();
      FrameworkId f1 = new FrameworkId("framework1");
      FrameworkId f2 = new FrameworkId("framework2");
      h.allocator.addFramework(f1, FrameworkInfo.of("a", "role1"), new TreeMap<>());
      h.allocator.addFramework(f2, FrameworkInfo.of("b", "role2"), new TreeMap<>());
      h.settle();
      if (v.equals("1.1")) {
        // Synchronous: f1's run takes both agents before f2 exists.
        AllocatorHarness.Offer o = h.next();
        assertEquals(f1, o.framework());
        assertEquals(2, o.resources().size());
        assertEquals(runs + 2, h.allocator.stats().runs());
      } else {
        // One run over both triggers: one agent each (role1 first by name at share 0, count 0).
        AllocatorHarness.Offer o1 = h.next();
        AllocatorHarness.Offer o2 = h.next();
        assertEquals(f1, o1.framework());
        assertEquals(f2, o2.framework());
        assertEquals(1, o1.resources().size());
        assertEquals(1, o2.resources().size());
        assertEquals(runs + 1, h.allocator.stats().runs());
      }
      h.expectNoOffer();
    }
  }

  @Test
  void batching_mesos12PeriodicRunStillEveryInterval() {
    AllocatorHarness h = new AllocatorHarness(S, Map.of("mesosVersion", "1.2"), 42L);
    FrameworkId f1 = h.addFramework("role1");
    AgentId a1 = h.addAgent("cpus:2;mem:1024;disk:0");
    AllocatorHarness.Offer o = h.expect(f1, Map.of(a1, "cpus:2;mem:1024"));
    for (int i = 1; i <= 3; i++) {
      h.recover(o, 0);
      h.advance(S);
      o = h.expect(f1, Map.of(a1, "cpus:2;mem:1024"));
      assertEquals(i * S, o.time());
    }
  }

  @Test
  void treeSorter_mesos13SharesHierarchicalRolesAtEachLevel() {
    Map<String, Integer> flat = hierarchicalRun("1.1");
    Map<String, Integer> tree = hierarchicalRun("1.3");
    // Flat: three equal roles; eng/batch wins the fourth agent on name.
    assertEquals(Map.of("eng/batch", 2, "eng/web", 1, "ops", 1), flat);
    // Tree: eng (web + batch together) and ops share the cluster half and half.
    assertEquals(Map.of("eng/batch", 1, "eng/web", 1, "ops", 2), tree);
  }

  private static Map<String, Integer> hierarchicalRun(String version) {
    AllocatorHarness h = new AllocatorHarness(S, Map.of("mesosVersion", version), 42L);
    TreeMap<FrameworkId, String> roleOf = new TreeMap<>();
    for (String role : List.of("eng/web", "eng/batch", "ops")) {
      roleOf.put(h.addFramework(role), role);
    }
    for (int i = 0; i < 4; i++) {
      h.addAgent("cpus:1;mem:512;disk:0");
    }
    TreeMap<String, Integer> got = new TreeMap<>();
    while (!h.offers.isEmpty()) {
      AllocatorHarness.Offer o = h.next();
      got.merge(roleOf.get(o.framework()), o.resources().size(), Integer::sum);
    }
    return got;
  }

  @Test
  void treeSorter_mesos14OffersAncestorReservationsToDescendants() {
    AllocatorHarness h = new AllocatorHarness(S, Map.of("mesosVersion", "1.4"), 42L);
    FrameworkId web = h.addFramework("eng/web");
    AgentId a1 = h.addAgent("cpus(eng):2;mem(eng):1024;disk:0");
    h.expect(web, Map.of(a1, "cpus(eng):2;mem(eng):1024"));
    AllocatorHarness h11 = new AllocatorHarness();
    h11.addFramework("eng/web");
    h11.addAgent("cpus(eng):2;mem(eng):1024;disk:0");
    h11.expectNoOffer();
  }

  /** A literal port of Mesos 1.5.0's QuotaAllocationGranularity (src/tests/hierarchical_allocator_tests.cpp). */
  @Test
  void QuotaAllocationGranularity_mesos15ChopsQuotaToTheGuarantee() {
    AllocatorHarness h = new AllocatorHarness(S, Map.of("mesosVersion", "1.5"), 42L);
    FrameworkId f1 = h.addFramework("quota-role");
    h.allocator.setQuota("quota-role", Resources.of(0.5, 200));
    h.settle();
    AgentId a1 = h.addAgent("cpus:1;mem:512;disk:0");
    h.expect(f1, Map.of(a1, "cpus:0.5;mem:200"));
    FrameworkId f2 = h.addFramework("no-quota-role");
    h.expect(f2, Map.of(a1, "cpus:0.5;mem:312"));
    h.expectNoOffer();
  }

  @Test
  void gpuAgent_offeredOnlyToGpuCapableFrameworks() {
    AllocatorHarness h = new AllocatorHarness();
    h.addFramework("role1");
    AgentId gpu = new AgentId("gpu-agent");
    ResourceSet total = ResourceSet.unreserved(Resources.of(Map.of("cpus", 4, "mem", 4096, "gpus", 1)));
    h.allocator.addAgent(gpu, AgentInfo.of("gpu-agent", total), total, new TreeMap<>());
    h.settle();
    h.expectNoOffer();
    FrameworkId g = new FrameworkId("gpu-framework");
    h.allocator.addFramework(g, new FrameworkInfo("g", "role2", 0, false, false, true), new TreeMap<>());
    h.settle();
    AllocatorHarness.Offer o = h.next();
    assertEquals(g, o.framework());
    assertEquals(Map.of(gpu, total), o.resources());
  }

  @Test
  void customScalar_registeredAfterStartIsOfferedAndCounted() {
    AllocatorHarness h = new AllocatorHarness();
    FrameworkId f1 = h.addFramework("role1");
    AgentId a1 = h.addAgent("cpus:1;mem:512;disk:0");
    AllocatorHarness.Offer o = h.expect(f1, Map.of(a1, "cpus:1;mem:512"));
    AgentId a2 = h.addAgent("cpus:1;mem:512;fpga-drf-test:2");
    AllocatorHarness.Offer o2 = h.expect(f1, Map.of(a2, "cpus:1;mem:512;fpga-drf-test:2"));
    h.recover(o2, 0);
    h.recover(o, 0);
    h.advance(S);
    AllocatorHarness.Offer all = h.next();
    assertEquals(2, all.resources().size());
  }

  @Test
  void recover_withQuotaPausesUntil80PercentOfAgentsReregister() {
    AllocatorHarness h = new AllocatorHarness();
    h.allocator.recover(5, new TreeMap<>(Map.of("q", Resources.of(1, 512))));
    FrameworkId f1 = h.addFramework("role1");
    for (int i = 0; i < 3; i++) {
      h.addAgent("cpus:1;mem:512;disk:0");
    }
    h.advance(5 * S);
    h.expectNoOffer();
    AgentId a4 = h.addAgent("cpus:1;mem:512;disk:0"); // 4 >= 0.8 * 5: resumes, then allocates on it
    AllocatorHarness.Offer o = h.next();
    assertEquals(f1, o.framework());
    assertEquals(List.of(a4), new ArrayList<>(o.resources().keySet()));
  }

  @Test
  void recover_holdOffEndsAfterTenMinutes() {
    AllocatorHarness h = new AllocatorHarness();
    h.allocator.recover(100, new TreeMap<>(Map.of("q", Resources.of(1, 512))));
    FrameworkId f1 = h.addFramework("role1");
    h.addAgent("cpus:1;mem:512;disk:0");
    h.addAgent("cpus:1;mem:512;disk:0");
    h.advanceTo(600 * S - 1);
    h.expectNoOffer();
    // resume() was scheduled at t=0, before the periodic timer for t=600, so that run allocates;
    // the role "q" (no frameworks) still holds back one agent's worth (QuotaAbsentFramework).
    h.advanceTo(601 * S);
    AllocatorHarness.Offer o = h.next();
    assertEquals(600 * S, o.time());
    assertEquals(f1, o.framework());
    assertEquals(1, o.resources().size());
    h.expectNoOffer();
  }

  @Test
  void determinism_sameSeedSameOffersOtherSeedOtherOffers() {
    List<String> a = busyScenario(7L, true);
    List<String> b = busyScenario(7L, true);
    List<String> c = busyScenario(8L, true);
    assertEquals(a, b);
    assertNotEquals(a, c);
    assertTrue(a.size() > 50, "scenario should produce many offers");
  }

  @Test
  void skippedRuns_changeNothing() {
    for (long seed : new long[] {1L, 2L, 3L}) {
      List<String> skipping = busyScenario(seed, true);
      List<String> full = busyScenario(seed, false);
      assertEquals(full, skipping);
    }
  }

  @Test
  void skippedRuns_periodicRunsWithNothingNewAreSkipped() {
    AllocatorHarness h = new AllocatorHarness();
    FrameworkId f1 = h.addFramework("role1");
    AgentId a1 = h.addAgent("cpus:2;mem:1024;disk:0");
    h.expect(f1, Map.of(a1, "cpus:2;mem:1024"));
    long runs = h.allocator.stats().runs();
    h.advance(10 * S);
    h.expectNoOffer();
    // the run at t=1 still looks (the scoped addAgent run does not cover all agents); t=2..10 skip
    assertEquals(runs + 1, h.allocator.stats().runs());
    assertEquals(9, h.allocator.stats().skippedRuns());
  }

  /**
   * A run in which no framework of any role is active (all suppressed or deactivated) visits no
   * agent; the offers made around such phases are exactly those made when every run visits every
   * agent, in every behaviour version and with quota.
   */
  @Test
  void idleRuns_skippingTheirAgentVisitsChangesNothing() {
    long idle = 0;
    for (String version : new String[] {"1.1", "1.2", "1.5", "1.7"}) {
      for (long seed : new long[] {1L, 2L, 3L}) {
        AllocatorHarness on = new AllocatorHarness(S, Map.of("mesosVersion", version), seed);
        AllocatorHarness off = new AllocatorHarness(S, Map.of("mesosVersion", version), seed);
        off.allocator.setSkipIdleRuns(false);
        List<String> a = idlePhasesScenario(on);
        List<String> b = idlePhasesScenario(off);
        assertEquals(b, a, version + " seed " + seed);
        assertTrue(a.size() > 40, "the scenario should make many offers, made " + a.size());
        assertEquals(0, off.allocator.idleRuns());
        assertTrue(on.allocator.idleRuns() > 0, version + " seed " + seed + ": no idle run");
        idle += on.allocator.idleRuns();
      }
    }
    assertTrue(idle >= 12 * 5, "idle runs " + idle);
  }

  /**
   * Three frameworks in three roles (one with quota) on 10 agents, holding some offers and
   * declining others with filters; from 10 s to 20 s and from 25 s to 30 s none is active, while
   * resources come back, an agent joins and another leaves.
   */
  private static List<String> idlePhasesScenario(AllocatorHarness h) {
    h.allocator.setQuota("gold", Resources.of(2, 1024));
    List<FrameworkId> fws = new ArrayList<>();
    for (String r : new String[] {"gold", "silver", "bronze"}) {
      fws.add(h.addFramework(r));
    }
    List<AgentId> agents = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      agents.add(h.addAgent((i % 2 == 0 ? "cpus:4;mem:2048" : "cpus:2;mem:4096") + ";disk:0"));
    }
    List<String> log = new ArrayList<>();
    List<AllocatorHarness.Offer> held = new ArrayList<>();
    List<Long> release = new ArrayList<>();
    int k = 0;
    for (long t = 0; t <= 45 * S; t += S / 2) {
      h.advanceTo(t);
      for (int i = held.size() - 1; i >= 0; i--) { // held offers come back, idle phases or not
        if (release.get(i) == t) {
          h.recover(held.remove(i), (i % 4) * S);
          release.remove(i);
        }
      }
      while (!h.offers.isEmpty()) {
        AllocatorHarness.Offer o = h.next();
        log.add(o.time() + " " + o.framework() + " " + o.resources());
        k++;
        if (k % 3 == 0) {
          h.recover(o, (k % 5) * S);
        } else {
          held.add(o);
          release.add(t + (1 + k % 4) * S);
        }
      }
      if (t == 10 * S) {
        fws.forEach(h.allocator::suppressOffers);
      }
      if (t == 14 * S) {
        agents.add(h.addAgent("cpus:8;mem:8192;disk:0"));
      }
      if (t == 16 * S) { // as the master does: offers on a leaving agent are recovered first
        AgentId gone = agents.get(3);
        for (int i = held.size() - 1; i >= 0; i--) {
          if (held.get(i).resources().containsKey(gone)) {
            h.recover(held.remove(i), 0);
            release.remove(i);
          }
        }
        h.allocator.removeAgent(gone);
        h.settle();
      }
      if (t == 20 * S) {
        h.allocator.reviveOffers(fws.get(1));
        h.settle();
      }
      if (t == 25 * S) {
        h.allocator.deactivateFramework(fws.get(1));
        h.settle();
      }
      if (t == 30 * S) {
        h.allocator.activateFramework(fws.get(1));
        fws.forEach(h.allocator::reviveOffers);
        h.settle();
      }
    }
    return log;
  }

  @Test
  void filteredAgentScreen_changesNothing() {
    long screened = 0;
    for (String version : new String[] {"1.1", "1.2", "1.3", "1.4"}) {
      for (long seed : new long[] {1L, 2L, 3L}) {
        ScreenRun on = starvedScenario(version, seed, true);
        ScreenRun off = starvedScenario(version, seed, false);
        int same = 0;
        while (same < Math.min(on.log().size(), off.log().size()) && on.log().get(same).equals(off.log().get(same))) {
          same++;
        }
        assertEquals(off.log().size(), same, version + " seed " + seed + ": first difference at offer " + same);
        assertEquals(off.log().size(), on.log().size(), version + " seed " + seed);
        assertEquals(0, off.screened());
        screened += on.screened();
      }
    }
    assertTrue(screened > 1000, "the scenario should exercise the screen, skipped " + screened);
  }

  private record ScreenRun(List<String> log, long screened) {}

  /**
   * The starvation pattern the screen is for: 40 agents, 6 frameworks in 5 roles (no quota) that
   * hold some offers and decline most with 5-12 s filters; one is suppressed and revived, one
   * deactivated and activated, agents leave and come back, weights change, role c has a quota for
   * a while, some agents hold reservations for a and b/y; 90 s of periodic runs. Roles a/x and b/y
   * are hierarchical from 1.3 on (from 1.4 a/x may be offered a's reservations).
   */
  private static ScreenRun starvedScenario(String version, long seed, boolean screen) {
    AllocatorHarness h = new AllocatorHarness(S, Map.of("mesosVersion", version), seed);
    h.allocator.setScreenFilteredAgents(screen);
    List<FrameworkId> fws = new ArrayList<>();
    String[] roles = {"a", "a/x", "b", "b/y", "c", "c"};
    for (String r : roles) {
      fws.add(h.addFramework(r));
    }
    List<AgentId> agents = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      String reservation = i % 10 == 3 ? ";cpus(a):2;mem(a):1024" : i % 10 == 7 ? ";cpus(b/y):1;mem(b/y):512" : "";
      agents.add(h.addAgent((i % 4 == 0 ? "cpus:8;mem:4096" : "cpus:4;mem:8192") + reservation + ";disk:0"));
    }
    List<String> log = new ArrayList<>();
    List<AllocatorHarness.Offer> held = new ArrayList<>();
    List<Long> release = new ArrayList<>();
    int k = 0;
    for (long t = 0; t <= 90 * S; t += S / 4) {
      h.advanceTo(t);
      for (int i = held.size() - 1; i >= 0; i--) {
        if (release.get(i) <= t) {
          AllocatorHarness.Offer o = held.remove(i);
          release.remove(i);
          h.recover(o, (i % 3) * S);
        }
      }
      while (!h.offers.isEmpty()) {
        AllocatorHarness.Offer o = h.next();
        log.add(o.time() + " " + o.framework() + " " + o.resources());
        k++;
        if (k % 9 == 0) {
          held.add(o);
          release.add(t + (2 + k % 11) * S);
        } else {
          h.recover(o, (5 + k % 8) * S); // decline with a 5-12 s filter
        }
      }
      if (t == 15 * S) {
        h.allocator.suppressOffers(fws.get(1));
      }
      if (t == 25 * S) {
        h.allocator.reviveOffers(fws.get(1));
      }
      if (t == 35 * S) {
        h.allocator.deactivateFramework(fws.get(4));
      }
      if (t == 45 * S) {
        h.allocator.activateFramework(fws.get(4));
        h.allocator.updateWeights(new TreeMap<>(Map.of("b", 3.0)));
      }
      if (t == 50 * S) {
        h.allocator.setQuota("c", Resources.of(6, 2048)); // quota turns the screen off ...
      }
      if (t == 60 * S) {
        h.allocator.removeQuota("c"); // ... and back on
      }
      if (t == 55 * S) {
        h.allocator.removeAgent(agents.get(7));
      }
      if (t == 65 * S) {
        agents.set(7, h.addAgent("cpus:8;mem:4096;disk:0"));
      }
    }
    return new ScreenRun(log, h.allocator.screenedVisits());
  }

  /**
   * 12 agents, 5 frameworks in 3 roles (one with quota); frameworks keep some offers for a while
   * and decline others with filters of varying length; 60 s of periodic runs.
   */
  private static List<String> busyScenario(long seed, boolean skip) {
    AllocatorHarness h = new AllocatorHarness(S, Map.of(), seed);
    h.allocator.setSkipUnchangedRuns(skip);
    h.allocator.setQuota("gold", Resources.of(4, 2048));
    List<FrameworkId> fws = new ArrayList<>();
    String[] roles = {"gold", "silver", "silver", "bronze", "bronze"};
    for (String r : roles) {
      fws.add(h.addFramework(r));
    }
    for (int i = 0; i < 12; i++) {
      h.addAgent((i % 3 == 0 ? "cpus:4;mem:2048" : "cpus:2;mem:4096") + ";disk:0");
    }
    List<String> log = new ArrayList<>();
    List<long[]> holds = new ArrayList<>(); // [release time, offer index]
    List<AllocatorHarness.Offer> held = new ArrayList<>();
    int k = 0;
    for (long t = 0; t <= 70 * S; t += S / 2) {
      h.advanceTo(t);
      for (int i = 0; i < held.size(); i++) {
        if (holds.get(i)[0] == t) {
          h.recover(held.get(i), (holds.get(i)[1] % 3) * S);
        }
      }
      while (!h.offers.isEmpty()) {
        AllocatorHarness.Offer o = h.next();
        log.add(o.time() + " " + o.framework() + " " + o.resources());
        k++;
        if (k % 4 == 0) {
          h.recover(o, (k % 7) * S / 2);
        } else {
          held.add(o);
          long release = t + (1 + k % 5) * S;
          if (release >= 40 * S && release < 50 * S) {
            release = 50 * S; // a quiet phase: nothing comes back, so periodic runs get skipped
          }
          holds.add(new long[] {release, k});
        }
      }
      if (t == 20 * S) {
        h.allocator.suppressOffers(fws.get(3));
      }
      if (t == 30 * S) {
        h.allocator.reviveOffers(fws.get(3));
        h.allocator.updateWeights(new TreeMap<>(Map.of("bronze", 2.0)));
        h.settle();
      }
    }
    if (skip) {
      assertTrue(h.allocator.stats().skippedRuns() > 0, "the scenario should skip some runs");
    } else {
      assertEquals(0, h.allocator.stats().skippedRuns());
    }
    return log;
  }

  @Test
  void options_rejectUnknownKeysAndBadValues() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> HierarchicalDrfOptions.parse(Map.of("mesosVerison", "1.1")));
    assertTrue(e.getMessage().startsWith("mesosVerison: unknown option"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> HierarchicalDrfOptions.parse(Map.of("mesosVersion", "1.6")));
    assertTrue(e.getMessage().startsWith("mesosVersion: "), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> HierarchicalDrfOptions.parse(Map.of("roleSorter", "fifo")));
    assertTrue(e.getMessage().startsWith("roleSorter: "), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> HierarchicalDrfOptions.parse(Map.of("minAllocatableResources", "cpus=1")));
    assertTrue(e.getMessage().startsWith("minAllocatableResources: "), e.getMessage());
  }

  @Test
  void minAllocatableResources_optionReplacesTheConstants() {
    AllocatorHarness h = new AllocatorHarness(S, Map.of("minAllocatableResources", "cpus:1;mem:1024"), 42L);
    FrameworkId f1 = h.addFramework("role1");
    h.addAgent("cpus:2;mem:512;disk:0");
    h.expectNoOffer();
    AgentId a2 = h.addAgent("cpus:1;mem:1024;disk:0");
    h.expect(f1, Map.of(a2, "cpus:1;mem:1024"));
  }
}
