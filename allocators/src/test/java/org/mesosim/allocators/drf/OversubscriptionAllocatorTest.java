package org.mesosim.allocators.drf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mesosim.engine.SimTime;
import org.mesosim.model.AgentId;
import org.mesosim.model.FrameworkId;
import org.mesosim.model.ResourceSet;
import org.mesosim.model.Resources;

/**
 * Revocable resources in {@link HierarchicalDrfAllocator} beyond what Mesos' own tests check
 * (those are ported in Mesos110/Mesos13HierarchicalAllocatorTests): the per-framework loop of
 * stage 2 (1.1.0 hierarchical.cpp, "we cannot break here, because another framework under the
 * same role could accept revocable resources"), quota roles (never offered revocable resources in
 * 1.1), filters (revocable and regular resources compared apart) and the 1.4 rule that an
 * unchanged total triggers no run.
 */
class OversubscriptionAllocatorTest {
  private static final long S = SimTime.SECOND;

  private static ResourceSet sum(AllocatorHarness.Offer o) {
    ResourceSet s = ResourceSet.EMPTY;
    for (ResourceSet r : o.resources().values()) {
      s = s.plus(r);
    }
    return s;
  }

  /**
   * A framework without the capability that comes first in its role's order takes the regular
   * resources; the capable framework after it in the same role gets the revocable ones in the same
   * run. When only revocable resources are available the first framework is skipped, not the role.
   */
  @Test
  void sameRole_nonCapableTakesRegular_capableGetsRevocableInTheSameRun() {
    AllocatorHarness h = new AllocatorHarness();
    FrameworkId plain = h.addFramework("r"); // framework1
    FrameworkId capable = h.addRevocableFramework("r"); // framework2
    AgentId agent = h.addAgent("cpus:4;mem:1024");
    // equal shares (0): the DRF sorter's tie-break puts framework1 first
    AllocatorHarness.Offer first = h.expect(plain, Map.of(agent, "cpus:4;mem:1024"));
    h.expectNoOffer();
    // Revocable cpus appear: only the capable framework may take them.
    h.updateSlave(agent, AllocatorHarness.revocable("cpus", "2"));
    h.expect(capable, Map.of(agent, "cpus{REV}:2"));
    h.expectNoOffer();
    // Both give everything back: in the next run (shares 0 again, framework1 first) the
    // non-capable framework takes the regular part, and the capable one, next in the role's
    // order, the revocable part: two offers from one run.
    h.recover(first, 0);
    h.allocator.recoverResources(capable, agent, AllocatorHarness.revocable("cpus", "2"), 0);
    h.advance(S);
    AllocatorHarness.Offer a = h.expect(plain, Map.of(agent, "cpus:4;mem:1024"));
    AllocatorHarness.Offer b = h.expect(capable, Map.of(agent, "cpus{REV}:2"));
    assertEquals(a.time(), b.time(), "one run");
    h.expectNoOffer();
  }

  /** Only revocable resources are free and the first framework of the role cannot take them: the next one can. */
  @Test
  void onlyRevocableAvailable_skipsTheNonCapableFrameworkNotTheRole() {
    AllocatorHarness h = new AllocatorHarness();
    AgentId agent = h.addAgent("cpus:4;mem:1024");
    FrameworkId plain = h.addFramework("r");
    h.expect(plain, Map.of(agent, "cpus:4;mem:1024"));
    FrameworkId capable = h.addRevocableFramework("r");
    h.expectNoOffer();
    h.updateSlave(agent, AllocatorHarness.revocable("cpus", "3"));
    // plain has the larger share but capable sorts after it only if shares say so; either way the
    // revocable cpus go to capable and never to plain.
    h.expect(capable, Map.of(agent, "cpus{REV}:3"));
    h.expectNoOffer();
  }

  /** Mesos 1.1 offers a quota role no revocable resources: stage 1 strips them, stage 2 gives a quota role only its reservations. */
  @Test
  void quotaRole_isNeverOfferedRevocable_at11() {
    AllocatorHarness h = new AllocatorHarness();
    AgentId agent = h.addAgent("cpus:2;mem:1024");
    h.allocator.setQuota("q", Resources.of(1, 512));
    FrameworkId quota = h.addRevocableFramework("q");
    h.expect(quota, Map.of(agent, "cpus:2;mem:1024"));
    h.updateSlave(agent, AllocatorHarness.revocable("cpus", "4"));
    h.expectNoOffer();
    FrameworkId other = h.addRevocableFramework("o");
    h.expect(other, Map.of(agent, "cpus{REV}:4"));
  }

  /** A filter matches revocable resources only against refused revocable ones: a larger estimate is offered again. */
  @Test
  void filter_coversTheRefusedRevocableAmountOnly() {
    AllocatorHarness h = new AllocatorHarness();
    AgentId agent = h.addAgent("cpus:2;mem:1024");
    FrameworkId plain = h.addFramework("p");
    h.expect(plain, Map.of(agent, "cpus:2;mem:1024"));
    FrameworkId capable = h.addRevocableFramework("c");
    h.updateSlave(agent, AllocatorHarness.revocable("cpus", "2"));
    AllocatorHarness.Offer o = h.expect(capable, Map.of(agent, "cpus{REV}:2"));
    h.recover(o, 10 * S); // decline with a 10 s filter
    h.advance(S);
    h.expectNoOffer(); // the same 2 revocable cpus are filtered
    h.updateSlave(agent, AllocatorHarness.revocable("cpus", "3"));
    h.expect(capable, Map.of(agent, "cpus{REV}:3"));
  }

  /** 1.1-1.3 run on every update (allocate(slaveId) unconditionally); 1.4 only if the total changed (updateSlaveTotal). */
  @Test
  void unchangedEstimate_triggersARunUpTo13Only() {
    for (String v : java.util.List.of("1.3", "1.4")) {
      AllocatorHarness h = AllocatorHarness.dispatching(v);
      AgentId agent = h.addAgent("cpus:2;mem:1024");
      FrameworkId capable = h.addRevocableFramework("c");
      h.next();
      h.updateSlave(agent, AllocatorHarness.revocable("cpus", "2"));
      AllocatorHarness.Offer o = h.next();
      h.allocator.recoverResources(capable, agent, sum(o), 0);
      long runs = h.allocator.stats().runs() + h.allocator.stats().skippedRuns();
      h.updateSlave(agent, AllocatorHarness.revocable("cpus", "2"));
      h.settle();
      long after = h.allocator.stats().runs() + h.allocator.stats().skippedRuns();
      assertEquals(v.equals("1.3") ? runs + 1 : runs, after, "runs at " + v);
    }
  }

  /** The quota sorter and the 1.5 headroom never count revocable resources; the allocation metric counts them. */
  @Test
  void revocableTotals_countInTheRoleSorterNotInQuota() {
    AllocatorHarness h = new AllocatorHarness();
    AgentId agent = h.addAgent("cpus:2;mem:1024");
    FrameworkId capable = h.addRevocableFramework("c");
    h.next();
    h.updateSlave(agent, AllocatorHarness.revocable("cpus", "2"));
    h.next();
    assertEquals(4.0, h.allocator.metrics().get("allocator/mesos/resources/cpus/total"), 0.0);
    assertEquals(4.0, h.allocator.metrics().get("allocator/mesos/resources/cpus/offered_or_allocated"), 0.0);
    assertEquals(Resources.of("cpus", 2), h.allocator.revocableTotal(agent));
    // recovering revocable resources the framework does not hold is a bookkeeping bug
    assertThrows(IllegalArgumentException.class,
        () -> h.allocator.recoverResources(capable, agent, AllocatorHarness.revocable("cpus", "3"), 0));
    assertTrue(h.allocator.supportsOversubscription());
  }
}
