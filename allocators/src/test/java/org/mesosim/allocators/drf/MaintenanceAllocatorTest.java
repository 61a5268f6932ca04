package org.mesosim.allocators.drf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.mesosim.engine.SimTime;
import org.mesosim.model.AgentId;
import org.mesosim.model.FrameworkId;
import org.mesosim.model.allocation.InverseOfferStatus;
import org.mesosim.model.allocation.Unavailability;

/**
 * The allocator's maintenance beyond what Mesos' {@code MaintenanceInverseOffers} checks, as
 * Mesos 1.1.0's {@code src/master/allocator/mesos/hierarchical.cpp} behaves ({@code deallocate},
 * {@code updateInverseOffer}, {@code updateUnavailability}, the inverse-offer filters, and
 * {@code reviveOffers} / {@code deactivateFramework} clearing them).
 */
class MaintenanceAllocatorTest {
  private static final long S = SimTime.SECOND;

  private static Unavailability at(long start) {
    return new Unavailability(start, 10 * SimTime.MINUTE);
  }

  @Test
  void anInverseOfferStaysOutstandingUntilAnsweredAndIsSentAgainAtTheNextRunAfter() {
    AllocatorHarness h = new AllocatorHarness();
    AgentId agent = h.addAgent("cpus:2;mem:1024");
    FrameworkId fw = h.addFramework("*");
    h.next();
    h.updateUnavailability(agent, at(60 * S));
    AllocatorHarness.Deallocation d = h.nextDeallocation();
    assertEquals(0, d.time());
    assertEquals(Set.of(fw), h.allocator.inverseOffersOutstanding(agent));
    // Periodic runs send no second one while it is outstanding.
    h.advance(3 * S);
    h.expectNoDeallocation();
    // Accepted without a Filters message: recorded, no longer outstanding; the next run sends a new one.
    h.allocator.updateInverseOffer(agent, fw, InverseOfferStatus.ACCEPT, -1);
    assertEquals(Map.of(agent, Map.of(fw, InverseOfferStatus.ACCEPT)), h.allocator.inverseOfferStatuses());
    h.expectNoDeallocation();
    h.advance(S);
    assertEquals(4 * S, h.nextDeallocation().time());
  }

  @Test
  void aDeclineFilterHoldsTheNextInverseOfferBackForItsRefusal() {
    AllocatorHarness h = new AllocatorHarness();
    AgentId agent = h.addAgent("cpus:2;mem:1024");
    FrameworkId fw = h.addFramework("*");
    h.next();
    h.updateUnavailability(agent, at(60 * S));
    h.nextDeallocation();
    h.allocator.updateInverseOffer(agent, fw, InverseOfferStatus.DECLINE, 5 * S);
    // Runs at 1..4 s are filtered; at 5 s the filter has no time remaining (timeout.remaining() > 0 fails).
    h.advance(4 * S);
    h.expectNoDeallocation();
    h.advance(S);
    assertEquals(5 * S, h.nextDeallocation().time());
    assertEquals(Map.of(agent, Map.of(fw, InverseOfferStatus.DECLINE)), h.allocator.inverseOfferStatuses());
  }

  @Test
  void reviveAndANewUnavailabilityClearTheFilters() {
    AllocatorHarness h = new AllocatorHarness();
    AgentId agent = h.addAgent("cpus:2;mem:1024");
    FrameworkId fw = h.addFramework("*");
    h.next();
    h.updateUnavailability(agent, at(60 * S));
    h.nextDeallocation();
    h.allocator.updateInverseOffer(agent, fw, InverseOfferStatus.DECLINE, 100 * S);
    h.advance(S);
    h.expectNoDeallocation();
    h.allocator.reviveOffers(fw);
    h.settle();
    assertEquals(S, h.nextDeallocation().time());
    h.allocator.updateInverseOffer(agent, fw, InverseOfferStatus.DECLINE, 100 * S);
    // A new unavailability drops the filter and the answers, and runs over the agent at once.
    h.updateUnavailability(agent, at(120 * S));
    AllocatorHarness.Deallocation d = h.nextDeallocation();
    assertEquals(S, d.time());
    assertEquals(120 * S, d.resources().get(agent).start());
    assertEquals(Map.of(agent, Map.of()), h.allocator.inverseOfferStatuses());
  }

  @Test
  void onlyFrameworksHoldingResourcesOnTheAgentGetOne() {
    AllocatorHarness h = new AllocatorHarness();
    AgentId agent1 = h.addAgent("cpus:2;mem:1024");
    FrameworkId fw1 = h.addFramework("a");
    h.next();
    AgentId agent2 = h.addAgent("cpus:2;mem:1024");
    FrameworkId fw2 = h.addFramework("b");
    // agent2 went to fw1 (added first, one agent) or fw2: take what comes and learn who holds agent2.
    AllocatorHarness.Offer o = h.next();
    FrameworkId holder2 = o.resources().containsKey(agent2) ? o.framework() : null;
    assertTrue(holder2 != null);
    h.updateUnavailability(agent1, at(60 * S));
    AllocatorHarness.Deallocation d = h.nextDeallocation();
    assertEquals(fw1, d.framework());
    assertEquals(new TreeSet<>(List.of(agent1)), new TreeSet<>(d.resources().keySet()));
    h.expectNoDeallocation();
    // Without unavailability nothing more; removing it drops what was outstanding.
    h.updateUnavailability(agent1, null);
    assertEquals(Set.of(), h.allocator.inverseOffersOutstanding(agent1));
    h.advance(2 * S);
    h.expectNoDeallocation();
    assertTrue(Set.of(fw1, fw2).contains(holder2));
  }

  @Test
  void updateInverseOfferNeedsAnUnavailability() {
    AllocatorHarness h = new AllocatorHarness();
    AgentId agent = h.addAgent("cpus:2;mem:1024");
    FrameworkId fw = h.addFramework("*");
    assertThrows(IllegalArgumentException.class,
        () -> h.allocator.updateInverseOffer(agent, fw, InverseOfferStatus.ACCEPT, -1));
  }

  /**
   * {@code MaintenanceInverseOffers} as Mesos 1.2.0-1.5.0 keep it (only the API's arguments
   * changed): in dispatch mode at each version, where {@code updateUnavailability} queues a batched
   * run whose {@code deallocate} covers the batched candidates.
   */
  @Test
  void maintenanceInverseOffersAtTheLaterVersions() {
    AllocatorHarness.atVersions(List.of("1.2", "1.3", "1.4", "1.5", "1.7"), v -> {
      AllocatorHarness h = AllocatorHarness.dispatching(v);
      AgentId agent = h.addAgent("cpus:2;mem:1024;disk:0");
      FrameworkId framework = h.addFramework("*");
      h.expect(framework, Map.of(agent, "cpus:2;mem:1024;disk:0"));
      long start = h.sim.now() + 60 * S;
      h.updateUnavailability(agent, new Unavailability(start, SimTime.NEVER));
      AllocatorHarness.Deallocation d = h.nextDeallocation();
      assertEquals(framework, d.framework());
      assertEquals(Set.of(agent), d.resources().keySet());
      assertEquals(start, d.resources().get(agent).start());
    });
  }
}
