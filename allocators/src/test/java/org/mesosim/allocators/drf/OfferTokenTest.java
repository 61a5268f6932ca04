package org.mesosim.allocators.drf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mesosim.engine.SimTime;
import org.mesosim.model.AgentId;
import org.mesosim.model.FrameworkId;
import org.mesosim.model.ResourceSet;
import org.mesosim.model.allocation.OfferBatch;

/**
 * The allocator's offers carry its dense agent tokens ({@link OfferBatch}), and a decline that
 * gives them back is recovered exactly as one without them; a wrong token (a stale one, or one
 * naming another agent) only costs the id lookup it saves.
 */
class OfferTokenTest {
  private static final long S = SimTime.SECOND;

  /** Takes the next offer and declines all of it with its own tokens and a 5 s filter. */
  private static AllocatorHarness.Offer declineNext(AllocatorHarness h) {
    AllocatorHarness.Offer o = h.next();
    OfferBatch b = assertInstanceOf(OfferBatch.class, o.resources());
    List<AgentId> ids = new ArrayList<>();
    List<ResourceSet> sets = new ArrayList<>();
    for (int i = 0; i < b.count(); i++) {
      ids.add(b.agent(i));
      sets.add(b.resources(i));
    }
    h.allocator.recoverResources(o.framework(), ids, sets, tokensOf(b), 5 * S);
    h.settle();
    return o;
  }

  private static int[] tokensOf(OfferBatch b) {
    int[] t = new int[b.count()];
    for (int i = 0; i < t.length; i++) {
      t[i] = b.token(i);
    }
    return t;
  }

  @Test
  void offersCarryOneDistinctTokenPerAgent_inAgentOrder() {
    AllocatorHarness h = new AllocatorHarness();
    AgentId a1 = h.addAgent("cpus:2;mem:1024;disk:0");
    AgentId a2 = h.addAgent("cpus:1;mem:512;disk:0");
    FrameworkId f = h.addFramework("role1");
    AllocatorHarness.Offer o = h.expect(f, Map.of(a1, "cpus:2;mem:1024", a2, "cpus:1;mem:512"));
    OfferBatch b = (OfferBatch) o.resources();
    assertEquals(2, b.count());
    assertEquals(a1, b.agent(0));
    assertEquals(a2, b.agent(1));
    assertNotEquals(b.token(0), b.token(1));
    assertEquals(OfferBatch.of(o.resources()), b, "a batch is its own batch");
  }

  /** Right, missing, swapped and out-of-range tokens give the same filters, shares and next offers. */
  @Test
  void wrongTokensChangeNothing() {
    List<String> outcomes = new ArrayList<>();
    for (int variant = 0; variant < 4; variant++) {
      AllocatorHarness h = new AllocatorHarness();
      AgentId a1 = h.addAgent("cpus:2;mem:1024;disk:0");
      h.addAgent("cpus:1;mem:512;disk:0");
      FrameworkId f = h.addFramework("role1");
      StringBuilder log = new StringBuilder();
      AllocatorHarness.Offer first = h.next();
      OfferBatch b = (OfferBatch) first.resources();
      assertEquals(2, b.count());
      int[] right = tokensOf(b);
      int[] tokens = switch (variant) {
        case 0 -> right;
        case 1 -> null;
        case 2 -> reversed(right);
        default -> fill(right.length, 1 << 20);
      };
      List<AgentId> ids = new ArrayList<>();
      List<ResourceSet> sets = new ArrayList<>();
      for (int i = 0; i < b.count(); i++) {
        ids.add(b.agent(i));
        sets.add(b.resources(i));
      }
      h.allocator.recoverResources(first.framework(), ids, sets, tokens, 5 * S);
      h.settle();
      log.append(first.framework()).append(first.resources()).append(';');
      FrameworkId g = h.addFramework("role2");
      for (int step = 0; step < 8; step++) {
        h.advance(S);
        while (!h.offers.isEmpty()) {
          AllocatorHarness.Offer o = declineNext(h);
          log.append(o.time()).append(o.framework()).append(o.resources()).append(';');
        }
      }
      log.append(h.allocator.roleShare("role1")).append(h.allocator.roleShare("role2"));
      assertEquals(a1, b.agent(0));
      outcomes.add(log.toString() + f + g);
    }
    assertEquals(outcomes.get(0), outcomes.get(1), "no tokens");
    assertEquals(outcomes.get(0), outcomes.get(2), "tokens naming other agents");
    assertEquals(outcomes.get(0), outcomes.get(3), "tokens out of range");
  }

  private static int[] reversed(int[] t) {
    int[] r = new int[t.length];
    for (int i = 0; i < t.length; i++) {
      r[i] = t[t.length - 1 - i];
    }
    return r;
  }

  private static int[] fill(int n, int v) {
    int[] r = new int[n];
    java.util.Arrays.fill(r, v);
    return r;
  }
}
