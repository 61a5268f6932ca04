package org.mesosim.model.allocation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.mesosim.model.Resources;
import org.mesosim.model.allocation.Offerability.TaskFit;
import org.mesosim.model.config.AgentGroup;

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

  @Test
  void taskFit_answersWithTheMostSpecificReason() {
    TreeMap<String, Resources> reserved = new TreeMap<>(Map.of("eng", Resources.of(12, 1024)));
    List<AgentGroup> agents = List.of(
        new AgentGroup("none", 0, Resources.of(64, 1 << 20), new TreeMap<>(), new TreeMap<>()),
        new AgentGroup("small", 2, Resources.of(4, 8192), new TreeMap<>(), new TreeMap<>()),
        new AgentGroup("gpu", 1, Resources.of(Map.of("cpus", 32, "mem", 65536, "gpus", 1)), new TreeMap<>(),
            new TreeMap<>()),
        new AgentGroup("eng", 1, Resources.of(16, 32768), new TreeMap<>(), reserved));
    assertEquals(TaskFit.FITS, Offerability.taskFit(Resources.of(4, 1024), agents, false, "web"));
    assertEquals(TaskFit.LARGER_THAN_EVERY_AGENT, Offerability.taskFit(Resources.of(48, 1024), agents, true, null),
        "a group without agents holds nothing");
    assertEquals(TaskFit.ONLY_AGENTS_WITH_GPUS, Offerability.taskFit(Resources.of(20, 1024), agents, false, null));
    assertEquals(TaskFit.FITS, Offerability.taskFit(Resources.of(20, 1024), agents, true, null));
    // 8 cpus: whole only on "eng" (12 reserved for eng) or the GPU agent
    assertEquals(TaskFit.ONLY_OTHER_ROLES_RESERVATIONS, Offerability.taskFit(Resources.of(8, 1024), agents, false, "web"));
    assertEquals(TaskFit.FITS, Offerability.taskFit(Resources.of(8, 1024), agents, false, "eng"));
    assertEquals(TaskFit.FITS, Offerability.taskFit(Resources.of(8, 1024), agents, false, "eng/ci"), "an ancestor's");
    assertEquals(TaskFit.FITS, Offerability.taskFit(Resources.of(8, 1024), agents, false, null), "role not asked");
    assertEquals(TaskFit.FITS, Offerability.taskFit(Resources.of(8, 1024), agents, true, "web"), "the GPU agent");
  }
}
