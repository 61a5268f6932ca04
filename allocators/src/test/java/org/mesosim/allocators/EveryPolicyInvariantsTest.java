package org.mesosim.allocators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mesosim.allocators.OfferHarness.Behavior;
import org.mesosim.allocators.OfferHarness.SimFramework;
import org.mesosim.engine.SimTime;
import org.mesosim.model.AgentId;
import org.mesosim.model.ResourceSet;
import org.mesosim.model.Resources;
import org.mesosim.model.allocation.AllocatorPolicy;

/**
 * Every registered policy on a busier cluster (reservations, several roles and behaviours, tasks
 * that finish): same seed, same offers; offers respect reservations and the minimum; the
 * allocator's books balance.
 */
class EveryPolicyInvariantsTest {
  static List<String> policies() {
    return AllocatorRegistry.builtIns().stream().map(AllocatorPolicy::name).toList();
  }

  /** The policies built on {@link AbstractOfferAllocator}, whose books this test can read. */
  static List<String> offerAllocatorPolicies() {
    return policies().stream().filter(p -> !p.equals("hierarchical-drf")).toList();
  }

  static Map<String, Object> busyOptions(String policy) {
    return policy.equals("capacity") ? Map.of("shares", Map.of("web", 0.5, "batch", 0.3, "ml", 0.3)) : Map.of();
  }

  static OfferHarness busy(String policy, long seed) {
    return busy(AllocatorRegistry.standard().require(policy).create(busyOptions(policy)), seed);
  }

  /** Four frameworks in three roles, six agents (two with an ml reservation), tasks that end, a suppress/revive. */
  static OfferHarness busy(org.mesosim.model.allocation.Allocator allocator, long seed) {
    OfferHarness h = new OfferHarness(allocator, seed);
    SimFramework web = h.addFramework("web", "web", Resources.of(0.5, 512), Behavior.ONE_TASK);
    web.taskDuration = 7 * SimTime.SECOND;
    web.refuseOnAccept = 2 * SimTime.SECOND;
    web.refuseOnDecline = 5 * SimTime.SECOND;
    SimFramework batch = h.addFramework("batch", "batch", Resources.of(2, 1024), Behavior.FILL);
    batch.taskDuration = 13 * SimTime.SECOND;
    SimFramework ml = h.addFramework("ml", "ml", Resources.of(4, 8192), Behavior.ONE_TASK);
    ml.taskDuration = 30 * SimTime.SECOND;
    ml.refuseOnDecline = 3 * SimTime.SECOND;
    SimFramework idle = h.addFramework("idle", "web", Resources.of(1, 128), Behavior.DECLINE);
    idle.refuseOnDecline = 10 * SimTime.SECOND;
    for (int i = 1; i <= 6; i++) {
      Resources unreserved = Resources.of(4 + i, 4096L * i);
      ResourceSet total = i % 3 == 0
          ? ResourceSet.of(unreserved, Map.of("ml", Resources.of(4, 8192)))
          : ResourceSet.unreserved(unreserved);
      h.addAgent("agent-" + i, total);
    }
    h.sim.schedule(20 * SimTime.SECOND, () -> h.allocator.suppressOffers(idle.id));
    h.sim.schedule(40 * SimTime.SECOND, () -> h.allocator.reviveOffers(idle.id));
    h.runTo(60);
    return h;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("policies")
  void policy_sameSeed_sameOffers(String policy) {
    assertEquals(busy(policy, 5L).offerLog(), busy(policy, 5L).offerLog());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("offerAllocatorPolicies")
  void policy_busyCluster_offersRespectReservationsMinimumAndBooksBalance(String policy) {
    OfferHarness h = busy(policy, 5L);
    assertTrue(h.offers.size() > 10, policy + " made only " + h.offers.size() + " offers");
    for (OfferHarness.Offer o : h.offers) {
      String role = h.framework(o.framework()).role;
      for (Map.Entry<AgentId, ResourceSet> e : o.resources().entrySet()) {
        assertTrue(Allocatable.test(e.getValue().quantity()), o.toString());
        for (String reservedFor : e.getValue().reservations().keySet()) {
          assertEquals(role, reservedFor, "reservation offered to another role: " + o);
        }
      }
    }
    AbstractOfferAllocator a = (AbstractOfferAllocator) h.allocator;
    for (AgentState agent : a.agents().values()) {
      assertTrue(agent.total().contains(agent.allocated()), agent.id().toString());
      ResourceSet sum = ResourceSet.EMPTY;
      for (FrameworkState f : a.frameworks().values()) {
        sum = sum.plus(f.allocationOn(agent.id()));
      }
      assertEquals(agent.allocated(), sum, "books of " + agent.id());
    }
    // Every framework's allocator-side holding equals its running tasks (no offer is outstanding at rest,
    // except what HOLD-less frameworks are still answering: none at a whole second after answers).
    for (SimFramework f : h.frameworks.values()) {
      assertEquals(f.used(), a.framework(f.id).allocated(), f.id.toString());
    }
  }
}
