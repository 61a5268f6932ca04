package org.mesosim.allocators.drf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mesosim.engine.SimTime;
import org.mesosim.model.AgentId;
import org.mesosim.model.FrameworkId;
import org.mesosim.model.Operation;
import org.mesosim.model.ResourceSet;
import org.mesosim.model.Resources;
import org.mesosim.model.Volume;

/**
 * Offer operations beyond the ported Mesos tests (docs/operations.md): {@code ResourceSet.apply}
 * as {@code Resources::apply} (1.1.0 src/common/resources.cpp), and {@code updateAvailable} with
 * persistent volumes, all or nothing.
 */
class OperationsTest {
  private static ResourceSet res(String text) {
    return AllocatorHarness.res(text);
  }

  @Test
  void apply_createTakesPlainDiskOfTheRole_destroyGivesItBack_amountsUnchanged() {
    ResourceSet r = res("cpus:4;disk:100;disk(db):50");
    Volume v = Volume.of("v1", "db", 20, false);
    ResourceSet created = r.apply(new Operation.Create(v));
    assertEquals(res("cpus:4;disk:100;disk(db):30"), created.minus(ResourceSet.of(v)));
    assertEquals(1, created.copies(v));
    assertEquals(r.quantity(), created.quantity());
    assertEquals("cpus:4; disk:100 + (db) disk:30 + disk(db)[v1]:20", created.toString());
    assertEquals(r, created.apply(new Operation.Destroy(v)));
    // Not from another role's or unreserved disk, and not twice.
    assertThrows(IllegalArgumentException.class, () -> r.apply(new Operation.Create(Volume.of("v2", "db", 60, false))));
    assertThrows(IllegalArgumentException.class, () -> created.apply(new Operation.Create(v)));
    assertThrows(IllegalArgumentException.class, () -> r.apply(new Operation.Destroy(v)));
  }

  @Test
  void apply_reserveAndUnreserve_moveAmountsBetweenStarAndTheRole() {
    ResourceSet r = res("cpus:4;mem:1024");
    ResourceSet reserved = r.apply(new Operation.Reserve("db", Resources.of(1, 512)));
    assertEquals(res("cpus:3;mem:512;cpus(db):1;mem(db):512"), reserved);
    assertEquals(r, reserved.apply(new Operation.Unreserve("db", Resources.of(1, 512))));
    assertThrows(IllegalArgumentException.class, () -> r.apply(new Operation.Reserve("db", Resources.of(5, 0))));
    assertThrows(IllegalArgumentException.class, () -> r.apply(new Operation.Unreserve("db", Resources.of(1, 0))));
    assertThrows(IllegalArgumentException.class, () -> new Operation.Reserve("*", Resources.of(1, 0)));
  }

  @Test
  void apply_sharedVolumeCopies_addAndSubtract() {
    Volume s = Volume.of("s", "db", 5, true);
    ResourceSet one = ResourceSet.of(s);
    ResourceSet two = one.plus(one);
    assertEquals(2, two.copies(s));
    assertEquals(Resources.of("disk", 10), two.quantity());
    assertTrue(two.contains(one));
    assertEquals(one, two.minus(one));
    assertEquals(ResourceSet.EMPTY, two.nonShared());
    assertThrows(IllegalArgumentException.class,
        () -> ResourceSet.of(Volume.of("n", "db", 5, false)).plus(ResourceSet.of(Volume.of("n", "db", 5, false))));
  }

  @Test
  void updateAvailable_createOnAvailableReservedDisk_isOfferedToTheRoleWithTheVolume() {
    AllocatorHarness h = new AllocatorHarness();
    AgentId agent = h.addAgent("cpus:2;mem:1024;disk(db):100");
    Volume v = Volume.of("v1", "db", 40, false);
    h.allocator.updateAvailable(agent, List.of(new Operation.Create(v)));
    assertEquals(res("cpus:2;mem:1024;disk(db):60").plus(ResourceSet.of(v)), h.allocator.available(agent));
    FrameworkId fw = h.addFramework("db");
    AllocatorHarness.Offer o = h.next();
    assertEquals(fw, o.framework());
    assertEquals(Map.of(agent, res("cpus:2;mem:1024;disk(db):60").plus(ResourceSet.of(v))), o.resources());
    // While offered, the volume is not available: destroying it fails and changes nothing.
    assertThrows(IllegalArgumentException.class, () -> h.allocator.updateAvailable(agent, List.of(new Operation.Destroy(v))));
    assertEquals(ResourceSet.EMPTY, h.allocator.available(agent));
    h.recover(o, 0);
    h.allocator.updateAvailable(agent, List.of(new Operation.Destroy(v)));
    assertEquals(res("cpus:2;mem:1024;disk(db):100"), h.allocator.available(agent));
  }

  @Test
  void updateAvailable_isAllOrNothing() {
    AllocatorHarness h = new AllocatorHarness();
    AgentId agent = h.addAgent("cpus:2;mem:1024;disk:100");
    Volume v = Volume.of("v1", "db", 40, false);
    // RESERVE 40 disk then CREATE a 50 MB volume: the second fails, so the first is not applied.
    assertThrows(IllegalArgumentException.class, () -> h.allocator.updateAvailable(agent,
        List.of(new Operation.Reserve("db", Resources.of("disk", 40)), new Operation.Create(Volume.of("v1", "db", 50, false)))));
    assertEquals(res("cpus:2;mem:1024;disk:100"), h.allocator.available(agent));
    h.allocator.updateAvailable(agent,
        List.of(new Operation.Reserve("db", Resources.of("disk", 40)), new Operation.Create(v)));
    assertEquals(res("cpus:2;mem:1024;disk:60").plus(ResourceSet.of(v)), h.allocator.available(agent));
    // A second volume with the same persistence id is refused.
    assertThrows(IllegalArgumentException.class, () -> h.allocator.updateAvailable(agent,
        List.of(new Operation.Reserve("db", Resources.of("disk", 10)), new Operation.Create(Volume.of("v1", "db", 10, false)))));
  }

  @Test
  void sharedVolume_offeredToTwoCapableFrameworksInTurn_countedOnceInTheRoleShare() {
    AllocatorHarness h = new AllocatorHarness();
    AgentId agent = h.addAgent("cpus:2;mem:1024;disk(db):100");
    Volume s = Volume.of("s", "db", 100, true);
    h.allocator.updateAvailable(agent, List.of(new Operation.Create(s)));
    FrameworkId f1 = h.addSharedFramework("db");
    AllocatorHarness.Offer o1 = h.next();
    assertEquals(f1, o1.framework());
    assertEquals(1, o1.resources().get(agent).copies(s));
    // f1 keeps the volume (a task uses it) and gives back the rest.
    h.allocator.recoverResources(f1, agent, o1.resources().get(agent).minus(ResourceSet.of(s)), 0);
    FrameworkId f2 = h.addSharedFramework("db");
    AllocatorHarness.Offer o2 = h.next();
    assertEquals(f2, o2.framework());
    assertEquals(res("cpus:2;mem:1024").plus(ResourceSet.of(s)), o2.resources().get(agent));
    // Role db holds the volume twice: its share counts the disk once (100 of 100 disk = 1.0).
    assertEquals(1.0, h.allocator.roleShare("db"), 1e-12);
    h.advance(SimTime.SECOND);
    h.expectNoOffer();
  }
}
