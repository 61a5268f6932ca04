package org.mesosim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A set with all four parts (unreserved, reserved, revocable, persistent volumes): every operation
 * keeps each part, as Mesos' {@code Resources} keeps revocable resources and volumes apart
 * (src/common/resources.cpp). Written when the revocable and volumes parts were merged.
 */
class ResourceSetPartsTest {
  private static final Volume VOL = Volume.of("db", "role1", 5, false);
  private static final Volume SHARED = Volume.of("sh", "role1", 2, true);

  private static ResourceSet all() {
    return ResourceSet.of(Resources.of(1, 512), Map.of("role1", Resources.of(2, 0, 10)), Resources.of("cpus", 4),
        Map.of(VOL, 1, SHARED, 2));
  }

  @Test
  void everyPartKept_andCounted() {
    ResourceSet rs = all();
    assertEquals(Resources.of(1, 512), rs.unreserved());
    assertEquals(Resources.of(2, 0, 10), rs.reserved("role1"));
    assertEquals(Resources.of("cpus", 4), rs.revocable());
    assertEquals(2, rs.copies(SHARED));
    // quantity: 1 + 2 + 4 cpus, 512 mem, 10 + 5 + 2 x 2 disk
    assertEquals(Resources.of(7, 512, 19), rs.quantity());
    assertEquals("cpus:1; mem:512 + (role1) cpus:2; disk:10 + " + VOL + " + " + SHARED + " x2 + {REV} cpus:4",
        rs.toString());
  }

  @Test
  void plusMinusContainsEquals_coverRevocableAndVolumes() {
    ResourceSet rs = all();
    ResourceSet rev = ResourceSet.revocable(Resources.of("cpus", 1));
    ResourceSet vol = ResourceSet.of(VOL);
    ResourceSet less = rs.minus(rev).minus(vol);
    assertEquals(Resources.of("cpus", 3), less.revocable());
    assertEquals(0, less.copies(VOL));
    assertFalse(less.contains(rs));
    assertTrue(rs.contains(less));
    assertEquals(rs, less.plus(rev).plus(vol));
    assertEquals(rs.hashCode(), less.plus(rev).plus(vol).hashCode());
    assertNotEquals(rs, rs.nonRevocable());
    assertNotEquals(rs.nonRevocable(), rs.nonShared());
  }

  @Test
  void nonRevocable_keepsVolumes_nonShared_keepsRevocable() {
    ResourceSet rs = all();
    ResourceSet nr = rs.nonRevocable();
    assertFalse(nr.hasRevocable());
    assertEquals(1, nr.copies(VOL));
    assertEquals(2, nr.copies(SHARED));
    ResourceSet ns = rs.nonShared();
    assertEquals(Resources.of("cpus", 4), ns.revocable());
    assertEquals(0, ns.copies(SHARED));
    assertEquals(1, ns.copies(VOL));
  }

  @Test
  void offerableTo_keepsRevocable_andTheRolesVolumes() {
    ResourceSet rs = all();
    ResourceSet forRole1 = rs.offerableTo("role1");
    assertEquals(rs, forRole1);
    ResourceSet forOther = rs.offerableTo("other");
    assertEquals(Resources.of("cpus", 4), forOther.revocable());
    assertFalse(forOther.hasVolumes());
    assertFalse(forOther.hasReservations());
  }

  @Test
  void apply_keepsRevocable() {
    ResourceSet rs = ResourceSet.of(Resources.of(1, 0, 20), Map.of(), Resources.of("cpus", 4), Map.of());
    ResourceSet reserved = rs.apply(new Operation.Reserve("role1", Resources.of("disk", 20)));
    ResourceSet created = reserved.apply(new Operation.Create(Volume.of("v", "role1", 20, false)));
    assertEquals(Resources.of("cpus", 4), created.revocable());
    assertEquals(rs.quantity(), created.quantity());
  }

  @Test
  void fastPath_setsWithNeitherPart_unchanged() {
    ResourceSet plain = ResourceSet.of(Resources.of(1, 512), Map.of());
    assertSame(plain, plain.nonRevocable());
    assertSame(plain, plain.nonShared());
    assertSame(plain, plain.offerableTo("role1"));
    assertEquals(Resources.of(1, 512).hashCode() * 31 + java.util.Collections.emptySortedMap().hashCode(),
        plain.hashCode());
    assertEquals(plain, ResourceSet.of(Resources.of(1, 512), Map.of(), Resources.EMPTY, Map.of()));
    assertFalse(ResourceSet.of(Resources.of(1, 512), Map.of(), Resources.EMPTY, Map.of()).hasRevocable());
  }
}
