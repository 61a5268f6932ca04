package org.mesosim.allocators.drf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.mesosim.engine.SimTime;
import org.mesosim.model.AgentId;
import org.mesosim.model.FrameworkId;
import org.mesosim.model.FrameworkInfo;
import org.mesosim.model.Operation;
import org.mesosim.model.ResourceSet;
import org.mesosim.model.Volume;

/**
 * Revocable resources (docs/oversubscription.md) and persistent volumes (docs/operations.md) on one
 * agent, offered to a framework with both capabilities: each part reaches the offer as itself and
 * comes back whole, and the role's share counts everything it holds once. Written for the merge of
 * the two features (ResourceSet's revocable and volumes parts, the allocator's fold/offerVolumes
 * and revocable accounting side by side).
 */
class RevocableWithVolumesTest {

  private static ResourceSet res(String text) {
    return AllocatorHarness.res(text);
  }

  @Test
  void revocableAndVolumes_offeredAsThemselves_recoveredWhole() {
    AllocatorHarness h = new AllocatorHarness();
    AgentId agent = h.addAgent("cpus:2;mem:1024;disk(db):100");
    Volume v = Volume.of("v1", "db", 40, false);
    Volume s = Volume.of("s", "db", 10, true);
    h.allocator.updateAvailable(agent, List.of(new Operation.Create(v), new Operation.Create(s)));
    h.updateSlave(agent, AllocatorHarness.revocable("cpus", "3"));
    FrameworkId fw = new FrameworkId("framework1");
    h.allocator.addFramework(fw,
        FrameworkInfo.of("framework1", "db").withRevocableResources(true).withSharedResources(true), new TreeMap<>());
    h.settle();
    ResourceSet all = res("cpus:2;mem:1024;disk(db):50").plus(ResourceSet.of(v)).plus(ResourceSet.of(s))
        .plus(AllocatorHarness.revocable("cpus", "3"));
    // Mesos 1.1.0 allocate, stage 2: a framework with REVOCABLE_RESOURCES is offered the
    // agent's available resources revocable ones included (others get resources.nonRevocable()),
    // so one offer holds every part: unreserved, the role's reserved disk, both volumes (the shared
    // one to a SHARED_RESOURCES framework) and the revocable cpus.
    AllocatorHarness.Offer o = h.next();
    h.expectNoOffer();
    assertEquals(fw, o.framework());
    assertEquals(Map.of(agent, all), o.resources());
    assertEquals("cpus:2; mem:1024 + (db) disk:50 + disk(db)[s,shared]:10 + disk(db)[v1]:40 + {REV} cpus:3",
        o.resources().get(agent).toString());
    // cpus (2 + 3 revocable) of 5: the role holds everything.
    assertEquals(1.0, h.allocator.roleShare("db"), 1e-12);
    h.recover(o, 0);
    assertEquals(0.0, h.allocator.roleShare("db"), 1e-12);
    h.advance(SimTime.SECOND);
    assertEquals(Map.of(agent, all), h.next().resources());
    h.expectNoOffer();
  }
}
