package org.mesosim.allocators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.mesosim.allocators.OfferHarness.Behavior;
import org.mesosim.allocators.OfferHarness.SimFramework;
import org.mesosim.engine.SimTime;
import org.mesosim.model.AgentId;
import org.mesosim.model.FrameworkId;
import org.mesosim.model.FrameworkInfo;
import org.mesosim.model.ResourceSet;
import org.mesosim.model.Resources;
import org.mesosim.model.allocation.AllocatorStats;

/** The Mesos offer mechanics shared by every policy ({@link AbstractOfferAllocator}). */
class OfferMechanicsTest {
  private static final Resources SMALL = Resources.of(1, 128);

  private static OfferHarness harness(String policy, Map<String, Object> options) {
    return new OfferHarness(AllocatorRegistry.standard().require(policy), options, 7L);
  }

  private static OfferHarness fifo() {
    return harness("fifo", Map.of("agentOrder", "id"));
  }

  @Test
  void addAgent_triggersRunOnThatAgentAtOnce() {
    OfferHarness h = fifo();
    h.addFramework("F", "*", SMALL, Behavior.HOLD);
    h.addAgent("a1", 4, 4096);
    assertEquals(List.of("0.000000 F {a1=cpus:4; mem:4096}"), h.offerLog());
    h.runTo(5);
    assertEquals(1, h.offers.size(), "everything is held: nothing more to offer");
  }

  @Test
  void initialize_firstPeriodicRunOneIntervalLater() {
    OfferHarness h = fifo();
    h.addAgent("a1", 4, 4096);
    // Recover from outside (a decline with no filter) as a master would; no run is triggered.
    h.addFramework("F", "*", SMALL, Behavior.DECLINE);
    assertEquals(List.of(0.0), h.offerTimes("F"));
    h.runTo(3.5);
    // Declined with refuse 0: offered again by each periodic run at 1 s, 2 s, 3 s.
    assertEquals(List.of(0.0, 1.0, 2.0, 3.0), h.offerTimes("F"));
  }

  @Test
  void recoverResources_withRefuse_filtersUntilMaxOfIntervalAndRefuse() {
    OfferHarness h = fifo();
    SimFramework f = h.addFramework("F", "*", SMALL, Behavior.DECLINE);
    f.refuseOnDecline = 5 * SimTime.SECOND;
    h.addAgent("a1", 4, 4096);
    h.runTo(12);
    // Expiry at 5 s was scheduled before the periodic run at 5 s, so that run offers again.
    assertEquals(List.of(0.0, 5.0, 10.0), h.offerTimes("F"));
  }

  @Test
  void recoverResources_refuseShorterThanInterval_lastsOneInterval() {
    OfferHarness h = fifo();
    SimFramework f = h.addFramework("F", "*", SMALL, Behavior.DECLINE);
    f.refuseOnDecline = SimTime.SECOND / 10;
    h.addAgent("a1", 4, 4096);
    h.runTo(2.5);
    assertEquals(1, ((AbstractOfferAllocator) h.allocator).framework(f.id).filterCount());
    h.runTo(4.5);
    // The 100 ms filter lives max(1 s, 100 ms) = 1 s. Its expiry was scheduled after the next
    // periodic run at the same instant (that timer was set one interval earlier), so that run
    // still sees the filter: offers every other second (Mesos' SmallOfferFilterTimeout test; docs/allocators.md, filters).
    assertEquals(List.of(0.0, 2.0, 4.0), h.offerTimes("F"));
  }

  @Test
  void filter_matchesOnlySubsetsOfWhatWasRefused() {
    OfferHarness h = fifo();
    SimFramework f = h.addFramework("F", "*", SMALL, Behavior.ONE_TASK);
    f.refuseOnAccept = 10 * SimTime.SECOND;
    AgentId a1 = h.addAgent("a1", 4, 4096);
    h.runTo(2.5);
    assertEquals(1, f.tasks);
    assertEquals(List.of(0.0), h.offerTimes("F"), "the returned cpus:3;mem:3968 is filtered");
    // The task ends: the free pool (cpus:4;mem:4096) is no longer contained in the refused set.
    ResourceSet task = f.running.get(a1).remove(0);
    h.allocator.recoverResources(f.id, a1, task, 0);
    h.runTo(3);
    assertEquals(List.of(0.0, 3.0), h.offerTimes("F"));
    assertEquals("3.000000 F {a1=cpus:4; mem:4096}", h.offerLog().get(1));
  }

  @Test
  void suppress_hidesFrameworkAndRevive_clearsFiltersAndAllocatesAtOnce() {
    OfferHarness h = fifo();
    SimFramework f = h.addFramework("F", "*", SMALL, Behavior.DECLINE);
    f.refuseOnDecline = 60 * SimTime.SECOND;
    h.addAgent("a1", 4, 4096);
    h.runTo(1.5);
    h.allocator.suppressOffers(f.id);
    h.runTo(2.5);
    assertEquals(List.of(0.0), h.offerTimes("F"));
    h.sim.schedule(0, () -> h.allocator.reviveOffers(f.id));
    h.runTo(2.5);
    assertEquals(List.of(0.0, 2.5), h.offerTimes("F"), "revive clears the 60 s filter and runs at once");
  }

  @Test
  void deactivate_stopsOffersAndClearsFilters_activateTriggers() {
    OfferHarness h = fifo();
    SimFramework f = h.addFramework("F", "*", SMALL, Behavior.DECLINE);
    f.refuseOnDecline = 60 * SimTime.SECOND;
    h.addAgent("a1", 4, 4096);
    h.runTo(0.5);
    h.allocator.deactivateFramework(f.id);
    h.runTo(3);
    assertEquals(List.of(0.0), h.offerTimes("F"));
    h.allocator.activateFramework(f.id);
    assertEquals(List.of(0.0, 3.0), h.offerTimes("F"), "activation re-offers at once: the filter is gone");
  }

  @Test
  void reservations_offeredOnlyToTheirRole() {
    OfferHarness h = fifo();
    h.addFramework("other", "r2", SMALL, Behavior.HOLD);
    h.addFramework("owner", "r1", SMALL, Behavior.HOLD);
    h.addAgent("a1", ResourceSet.of(Resources.of(2, 1024), Map.of("r1", Resources.of(2, 1024))));
    // FIFO: "other" (registered first) takes the unreserved part; "owner" gets its reservation.
    assertEquals(List.of("0.000000 other {a1=cpus:2; mem:1024}", "0.000000 owner {a1=(r1) cpus:2; mem:1024}"),
        h.offerLog());
  }

  @Test
  void minimumAllocatable_isPointZeroOneCpusOr32Mb() {
    OfferHarness h = fifo();
    h.addFramework("F", "*", SMALL, Behavior.HOLD);
    h.addAgent("tiny", ResourceSet.unreserved(Resources.of(0.009, 31)));
    h.addAgent("cpu-only", ResourceSet.unreserved(Resources.of(0.01, 0)));
    h.addAgent("mem-only", ResourceSet.unreserved(Resources.of(0, 32)));
    h.addAgent("disk-only", ResourceSet.unreserved(Resources.of(0, 0, 1000)));
    h.runTo(2);
    assertEquals(List.of("0.000000 F {cpu-only=cpus:0.01}", "0.000000 F {mem-only=mem:32}"), h.offerLog());
  }

  @Test
  void periodicRun_oneCallbackPerFramework_inFirstAllocationOrder() {
    OfferHarness h = harness("drf", Map.of("agentOrder", "id"));
    for (int i = 1; i <= 4; i++) {
      h.addAgent("a" + i, 2, 1024);
    }
    h.addFramework("B", "*", SMALL, Behavior.HOLD);
    h.addFramework("A", "*", SMALL, Behavior.HOLD);
    // The addFramework("B") run gives B all four agents in one callback.
    assertEquals(List.of("0.000000 B {a1=cpus:2; mem:1024, a2=cpus:2; mem:1024, a3=cpus:2; mem:1024, a4=cpus:2; mem:1024}"),
        h.offerLog());
  }

  @Test
  void run_interleavesAgentsByShare_callbacksInFirstAllocationOrder() {
    OfferHarness h = harness("drf", Map.of("agentOrder", "id", "batching", true));
    h.addFramework("B", "*", SMALL, Behavior.HOLD);
    h.addFramework("A", "*", SMALL, Behavior.HOLD);
    for (int i = 1; i <= 4; i++) {
      h.addAgent("a" + i, 2, 1024);
    }
    h.runTo(0);
    // One batched run. Both at share 0 on a1: A by id; then B is lower on a2; A on a3, B on a4.
    // A was allocated first, so its callback comes first.
    assertEquals(List.of("0.000000 A {a1=cpus:2; mem:1024, a3=cpus:2; mem:1024}",
        "0.000000 B {a2=cpus:2; mem:1024, a4=cpus:2; mem:1024}"), h.offerLog());
    assertEquals(1, h.allocator.stats().runs());
  }

  @Test
  void gpuAgent_offeredOnlyToGpuCapableFrameworks() {
    OfferHarness h = fifo();
    h.addFramework("plain", "*", SMALL, Behavior.HOLD);
    h.addFramework(new FrameworkInfo("gpu", "*", 0, false, false, true), SMALL, Behavior.HOLD);
    h.addAgent("g1", ResourceSet.unreserved(Resources.of(Map.of("cpus", 4, "mem", 1024, "gpus", 1))));
    assertEquals(List.of("0.000000 gpu {g1=cpus:4; mem:1024; gpus:1}"), h.offerLog());
  }

  @Test
  void batching_coalescesTriggersIntoOneRunAfterQueuedEvents() {
    OfferHarness h = harness("fifo", Map.of("agentOrder", "id", "batching", true));
    h.addFramework("F", "*", SMALL, Behavior.HOLD);
    h.addAgent("a1", 1, 512);
    h.addAgent("a2", 1, 512);
    assertEquals(List.of(), h.offerLog(), "nothing is offered inside the triggering calls");
    h.runTo(0);
    assertEquals(List.of("0.000000 F {a1=cpus:1; mem:512, a2=cpus:1; mem:512}"), h.offerLog());
    assertEquals(1, h.allocator.stats().runs());
  }

  @Test
  void periodicRun_skippedWhenNothingChanged() {
    OfferHarness h = fifo();
    h.addFramework("F", "*", SMALL, Behavior.HOLD);
    h.addAgent("a1", 1, 512);
    h.runTo(10);
    AllocatorStats s = h.allocator.stats();
    // Runs: addFramework, addAgent, and the first periodic run (state changed); then 9 skips.
    assertEquals(new AllocatorStats(3, 9, 1), s);
  }

  @Test
  void pause_skipsRunsUntilResume() {
    OfferHarness h = fifo();
    h.addFramework("F", "*", SMALL, Behavior.DECLINE);
    h.allocator.pause();
    h.addAgent("a1", 1, 512);
    h.runTo(2);
    assertEquals(List.of(), h.offerLog());
    h.allocator.resume();
    h.runTo(3);
    assertEquals(List.of(3.0), h.offerTimes("F"));
  }

  @Test
  void agentShuffle_isSeededAndDeterministic() {
    List<String> first = shuffledLog(11L);
    assertEquals(first, shuffledLog(11L));
    assertNotEquals(first, shuffledLog(12L));
  }

  private static List<String> shuffledLog(long seed) {
    OfferHarness h = new OfferHarness(AllocatorRegistry.standard().require("drf"), Map.of(), seed);
    for (int i = 1; i <= 8; i++) {
      h.allocator.addAgent(new AgentId("a" + i), org.mesosim.model.AgentInfo.of("a" + i,
          ResourceSet.unreserved(Resources.of(1, 512))), ResourceSet.unreserved(Resources.of(1, 512)), new TreeMap<>());
    }
    h.addFramework("A", "*", SMALL, Behavior.DECLINE);
    h.addFramework("B", "*", SMALL, Behavior.DECLINE);
    h.runTo(3);
    return h.offerLog();
  }

  @Test
  void removeFramework_forgetsIt_andRecoveredResourcesGoToOthers() {
    OfferHarness h = fifo();
    SimFramework a = h.addFramework("A", "*", SMALL, Behavior.HOLD);
    AgentId a1 = h.addAgent("a1", 2, 1024);
    h.addFramework("B", "*", SMALL, Behavior.HOLD);
    // The master recovers A's resources, then removes it (master.cpp order).
    h.allocator.recoverResources(a.id, a1, ResourceSet.unreserved(Resources.of(2, 1024)), 0);
    h.allocator.removeFramework(a.id);
    h.runTo(1);
    assertEquals(List.of("0.000000 A {a1=cpus:2; mem:1024}", "1.000000 B {a1=cpus:2; mem:1024}"), h.offerLog());
  }

  @Test
  void updateDemand_isRecordedAsTheFrameworksDemand() {
    OfferHarness h = fifo();
    SimFramework f = h.addFramework("F", "*", SMALL, Behavior.ONE_TASK);
    AbstractOfferAllocator alloc = (AbstractOfferAllocator) h.allocator;
    assertTrue(alloc.framework(f.id).demand().isEmpty());
    h.addAgent("a1", 4, 4096);
    h.runTo(0);
    assertEquals(SMALL, alloc.framework(f.id).demand(), "inferred: offered minus returned");
    h.allocator.updateDemand(f.id, Resources.of(2, 256));
    assertEquals(Resources.of(2, 256), alloc.framework(f.id).demand());
  }
}
