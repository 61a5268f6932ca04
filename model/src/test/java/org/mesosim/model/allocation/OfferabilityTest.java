package org.mesosim.model.allocation;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mesosim.model.Resources;

class OfferabilityTest {
  @Test
  void agentsWithGpus_goOnlyToGpuResourcesFrameworks() {
    assertTrue(Offerability.agentOffered(false, false));
    assertTrue(Offerability.agentOffered(false, true));
    assertTrue(Offerability.agentOffered(true, true));
    assertFalse(Offerability.agentOffered(true, false));
    assertTrue(Offerability.hasGpus(Resources.of("gpus", 0.001)));
    assertFalse(Offerability.hasGpus(Resources.of(8, 1024)));
  }

  @Test
  void reservations_ofTheRoleAndWithHierarchicalRolesOfItsAncestors() {
    assertTrue(Offerability.reservationOffered("eng", "eng", false));
    assertFalse(Offerability.reservationOffered("eng", "eng/dev", false));
    assertTrue(Offerability.reservationOffered("eng", "eng/dev", true));
    assertTrue(Offerability.reservationOffered("eng", "eng/dev/ci", true));
    assertFalse(Offerability.reservationOffered("eng/dev", "eng", true), "a child's reservation is not the parent's");
    assertFalse(Offerability.reservationOffered("eng", "engineering", true), "a name prefix is not an ancestor");
  }
}
