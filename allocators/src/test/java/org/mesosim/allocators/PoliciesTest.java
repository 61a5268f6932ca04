package org.mesosim.allocators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mesosim.allocators.OfferHarness.Behavior;
import org.mesosim.allocators.OfferHarness.SimFramework;
import org.mesosim.allocators.random.RandomAllocator;
import org.mesosim.allocators.slots.SlotsAllocator;
import org.mesosim.allocators.tetris.TetrisAllocator;
import org.mesosim.engine.SimTime;
import org.mesosim.engine.random.RandomStreams;
import org.mesosim.model.AgentId;
import org.mesosim.model.AgentInfo;
import org.mesosim.model.FrameworkId;
import org.mesosim.model.ResourceSet;
import org.mesosim.model.Resources;

/** How each comparison policy picks; the shared mechanics are in {@link OfferMechanicsTest}. */
class PoliciesTest {
  private static final Resources SMALL = Resources.of(0.5, 128);

  private static OfferHarness harness(String policy, Map<String, Object> options) {
    TreeMap<String, Object> o = new TreeMap<>(options);
    o.putIfAbsent("agentOrder", "id");
    return new OfferHarness(AllocatorRegistry.standard().require(policy), o, 3L);
  }

  /** Adds an agent whose {@code used} part is already held by the given frameworks. */
  private static void addUsedAgent(OfferHarness h, String name, Resources total, Map<String, Resources> used) {
    TreeMap<FrameworkId, ResourceSet> u = new TreeMap<>();
    used.forEach((f, r) -> u.put(new FrameworkId(f), ResourceSet.unreserved(r)));
    ResourceSet t = ResourceSet.unreserved(total);
    h.allocator.addAgent(new AgentId(name), AgentInfo.of(name, t), t, u);
  }

  private static List<String> shareOrderScenario(String policy) {
    OfferHarness h = harness(policy, Map.of());
    h.addFramework("A", "*", SMALL, Behavior.HOLD);
    h.addFramework("B", "*", SMALL, Behavior.HOLD);
    // A holds <2 cpus, 0 MB>, B <1.5 cpus, 1536 MB> of <10 cpus, 10240 MB>.
    addUsedAgent(h, "ag", Resources.of(10, 10240), Map.of("A", Resources.of(2, 0), "B", Resources.of(1.5, 1536)));
    return h.offerLog();
  }

  @Test
  void drf_lowestDominantShareFirst() {
    // Dominant shares: A 0.2, B 0.15, so B is offered the free <6.5, 8704>.
    assertEquals(List.of("0.000000 B {ag=cpus:6.5; mem:8704}"), shareOrderScenario("drf"));
  }

  @Test
  void assetFairness_lowestSumOfSharesFirst() {
    // Sums of shares: A 0.2, B 0.3, so A is offered.
    assertEquals(List.of("0.000000 A {ag=cpus:6.5; mem:8704}"), shareOrderScenario("asset-fairness"));
  }

  /** drf, asset-fairness and slots (a slot of 1 cpu and 1024 MB: one per agent) divide their key by the role weight. */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"drf", "asset-fairness", "slots"})
  void roleWeightsDivideTheKey(String policy) {
    OfferHarness h = harness(policy, policy.equals("slots") ? Map.of("batching", true, "slotMem", 1024.0) : Map.of("batching", true));
    h.allocator.updateWeights(new TreeMap<>(Map.of("heavy", 2.0)));
    h.addFramework("A", "heavy", SMALL, Behavior.HOLD);
    h.addFramework("B", "light", SMALL, Behavior.HOLD);
    for (int i = 1; i <= 6; i++) {
      h.addAgent("a" + i, 1, 1024);
    }
    h.runTo(0);
    // Keys per agent (dominant share, sum of shares 2x as large, or slots held, / weight): A, B,
    // A, A (tie by id), B, A: 4 agents to 2.
    assertEquals(List.of("0.000000 A {a1=cpus:1; mem:1024, a3=cpus:1; mem:1024, a4=cpus:1; mem:1024, a6=cpus:1; mem:1024}",
        "0.000000 B {a2=cpus:1; mem:1024, a5=cpus:1; mem:1024}"), h.offerLog());
  }

  @Test
  void fifo_registrationOrderNotId_firstFitPastAFilter() {
    OfferHarness h = harness("fifo", Map.of());
    SimFramework c = h.addFramework("C", "*", SMALL, Behavior.DECLINE);
    c.refuseOnDecline = 10 * SimTime.SECOND;
    h.addFramework("A", "*", SMALL, Behavior.HOLD);
    h.addFramework("B", "*", SMALL, Behavior.HOLD);
    h.addAgent("a1", 2, 1024);
    h.runTo(3);
    assertEquals(List.of("0.000000 C {a1=cpus:2; mem:1024}", "1.000000 A {a1=cpus:2; mem:1024}"), h.offerLog());
  }

  @Test
  void slots_countsAndTrimsToWholeFreeSlots() {
    SlotsAllocator s = new SlotsAllocator(Map.of("slotCpus", 1.0, "slotMem", 2048.0));
    assertEquals(4, s.slotsIn(Resources.of(4, 8192)));
    assertEquals(3, s.slotsIn(Resources.of(4.5, 6200)));
    assertEquals(2, s.slotsOf(Resources.of(1, 3000)));
    assertEquals(3, s.slotsOf(Resources.of(2.5, 100)));
    assertEquals(0, s.slotsOf(Resources.EMPTY));

    OfferHarness h = harness("slots", Map.of());
    SimFramework f = h.addFramework("F", "*", Resources.of(1, 3000), Behavior.ONE_TASK);
    h.addAgent("a1", 4, 8192);
    h.runTo(2);
    // 4 slots. One task holds <1, 3000> = 2 slots, so 2 slots <2, 4096> are offered (not the
    // free <3, 5192>); two tasks <2, 6000> hold 3 slots (counted on the aggregate), leaving 1.
    assertEquals(List.of("0.000000 F {a1=cpus:4; mem:8192}", "1.000000 F {a1=cpus:2; mem:4096}",
        "2.000000 F {a1=cpus:1; mem:2048}"), h.offerLog());
    assertEquals(2, f.tasks);
  }

  @Test
  void slots_fewestSlotsFirst() {
    OfferHarness h = harness("slots", Map.of());
    h.addFramework("A", "*", SMALL, Behavior.HOLD);
    h.addFramework("B", "*", SMALL, Behavior.HOLD);
    // A holds 1 slot by memory only <0.1, 2048>; B holds <1.5, 0> = 2 slots: A is offered.
    addUsedAgent(h, "ag", Resources.of(8, 16384), Map.of("A", Resources.of(0.1, 2048), "B", Resources.of(1.5, 0)));
    // Free: 8 slots - 3 = 5 slots, capped by the free 6.4 cpus.
    assertEquals(List.of("0.000000 A {ag=cpus:5; mem:10240}"), h.offerLog());
  }

  @Test
  void random_weightedIndex_drawsInProportionToWeight() {
    UniformRandomProvider rng = RandomStreams.create(1L, "test/shuffle");
    int[] counts = new int[3];
    int n = 6000;
    for (int i = 0; i < n; i++) {
      counts[RandomAllocator.weightedIndex(new double[] {3.0, 1.0, 2.0, 100.0}, 3, rng)]++;
    }
    // Only the first 3 weights count: 1/2, 1/6, 1/3.
    assertTrue(Math.abs(counts[0] / (double) n - 0.5) < 0.03, java.util.Arrays.toString(counts));
    assertTrue(Math.abs(counts[1] / (double) n - 1.0 / 6) < 0.03, java.util.Arrays.toString(counts));
    assertTrue(Math.abs(counts[2] / (double) n - 1.0 / 3) < 0.03, java.util.Arrays.toString(counts));
  }

  @Test
  void random_roleWeights_decideWhoIsOfferedFirst() {
    int heavyFirst = 0;
    int n = 400;
    for (long seed = 0; seed < n; seed++) {
      OfferHarness h = new OfferHarness(AllocatorRegistry.standard().require("random"), Map.of(), seed);
      h.allocator.updateWeights(new TreeMap<>(Map.of("heavy", 3.0)));
      h.addFramework("h", "heavy", SMALL, Behavior.HOLD);
      h.addFramework("l", "light", SMALL, Behavior.HOLD);
      h.sim.schedule(0, () -> h.addAgent("a1", 1, 512));
      h.runTo(0);
      heavyFirst += h.offerLog().get(0).contains(" h ") ? 1 : 0;
    }
    double p = heavyFirst / (double) n;
    assertTrue(p > 0.68 && p < 0.82, "P(heavy role first) = " + p + ", expected about 0.75");
  }

  private static List<String> randomRun(String reshuffle, long seed) {
    TreeMap<String, Object> o = new TreeMap<>(Map.of("agentOrder", "id", "batching", true, "reshuffle", reshuffle));
    OfferHarness h = new OfferHarness(AllocatorRegistry.standard().require("random"), o, seed);
    for (String f : List.of("A", "B", "C")) {
      h.addFramework(f, "*", SMALL, Behavior.HOLD);
    }
    for (int i = 1; i <= 6; i++) {
      h.addAgent("a" + i, 1, 512);
    }
    h.runTo(0);
    return h.offerLog();
  }

  @Test
  void random_reshufflePerRun_oneOrderForEveryAgentOfTheRun() {
    List<String> log = randomRun("run", 5L);
    assertEquals(1, log.size(), log.toString());
    assertTrue(log.get(0).contains("a1=") && log.get(0).contains("a6="), log.toString());
  }

  @Test
  void random_reshufflePerAgent_isSeededAndSpreadsAgents() {
    List<String> log = randomRun("agent", 5L);
    assertEquals(log, randomRun("agent", 5L));
    assertTrue(log.size() >= 2, log.toString());
    boolean differs = false;
    for (long seed = 6; seed < 12 && !differs; seed++) {
      differs = !randomRun("agent", seed).equals(log);
    }
    assertTrue(differs, "other seeds give other orders");
  }

  @Test
  void tetris_alignmentIsTheNormalisedDotProduct() {
    Resources cap = Resources.of(8, 8192);
    assertEquals(0.25 * 1.0 + (256.0 / 8192) * 0.25,
        TetrisAllocator.alignment(Resources.of(2, 256), Resources.of(8, 2048), cap), 1e-12);
  }

  @Test
  void tetris_bestAlignedDemandFirst_notIdOrder() {
    OfferHarness h = harness("tetris", Map.of());
    h.addFramework("amem", "*", SMALL, Behavior.HOLD);
    h.addFramework("zcpu", "*", SMALL, Behavior.HOLD);
    SimFramework x = h.addFramework("x", "*", SMALL, Behavior.HOLD);
    h.allocator.suppressOffers(x.id);
    h.allocator.updateDemand(new FrameworkId("amem"), Resources.of(0.5, 2048));
    h.allocator.updateDemand(new FrameworkId("zcpu"), Resources.of(2, 256));
    // Free <8 cpus, 2048 MB> of <8, 8192>: zcpu scores 0.258, amem 0.125.
    addUsedAgent(h, "ag", Resources.of(8, 8192), Map.of("x", Resources.of(0, 6144)));
    assertEquals(List.of("0.000000 zcpu {ag=cpus:8; mem:2048}"), h.offerLog());
  }

  @Test
  void tetris_unknownDemandFirst_andMisfitNeverOffered() {
    OfferHarness h = harness("tetris", Map.of());
    h.addFramework("known", "*", SMALL, Behavior.HOLD);
    h.allocator.updateDemand(new FrameworkId("known"), Resources.of(1, 128));
    h.addFramework("unknown", "*", SMALL, Behavior.HOLD);
    h.addAgent("a1", 2, 1024);
    assertEquals(List.of("0.000000 unknown {a1=cpus:2; mem:1024}"), h.offerLog());

    OfferHarness g = harness("tetris", Map.of());
    g.addFramework("big", "*", SMALL, Behavior.HOLD);
    g.allocator.updateDemand(new FrameworkId("big"), Resources.of(4, 128));
    g.addAgent("a1", 2, 1024);
    g.runTo(3);
    assertEquals(List.of(), g.offerLog(), "a 4-cpu task does not fit a 2-cpu agent");
  }

  @Test
  void tetris_fairnessKnob_restrictsToFrameworksFurthestBelowFairShare() {
    OfferHarness h = harness("tetris", Map.of("fairnessKnob", 0.5));
    h.addFramework("rich", "*", SMALL, Behavior.HOLD);
    h.addFramework("poor", "*", SMALL, Behavior.HOLD);
    h.allocator.updateDemand(new FrameworkId("rich"), Resources.of(4, 4096));
    h.allocator.updateDemand(new FrameworkId("poor"), Resources.of(0.1, 64));
    // rich already holds a quarter of the cluster; with f = 0.5 only ceil(0.5 * 2) = 1 framework,
    // the poorer, is considered, although rich's demand aligns far better.
    addUsedAgent(h, "ag", Resources.of(16, 16384), Map.of("rich", Resources.of(4, 4096)));
    assertEquals(List.of("0.000000 poor {ag=cpus:12; mem:12288}"), h.offerLog());

    OfferHarness g = harness("tetris", Map.of());
    g.addFramework("rich", "*", SMALL, Behavior.HOLD);
    g.addFramework("poor", "*", SMALL, Behavior.HOLD);
    g.allocator.updateDemand(new FrameworkId("rich"), Resources.of(4, 4096));
    g.allocator.updateDemand(new FrameworkId("poor"), Resources.of(0.1, 64));
    addUsedAgent(g, "ag", Resources.of(16, 16384), Map.of("rich", Resources.of(4, 4096)));
    assertEquals(List.of("0.000000 rich {ag=cpus:12; mem:12288}"), g.offerLog(), "f = 0: pure packing");
  }

  @Test
  void capacity_offersTrimmedToEachRolesShare() {
    OfferHarness h = harness("capacity", Map.of("shares", Map.of("a", 0.25, "b", 0.75), "defaultShare", 0.0));
    h.addFramework("A", "a", SMALL, Behavior.HOLD);
    h.addFramework("B", "b", SMALL, Behavior.HOLD);
    h.addFramework("C", "c", SMALL, Behavior.HOLD);
    h.addAgent("a1", 4, 4096);
    h.runTo(3);
    // C's role is not listed and defaultShare is 0: it is never offered anything.
    assertEquals(List.of("0.000000 A {a1=cpus:1; mem:1024}", "0.000000 B {a1=cpus:3; mem:3072}"), h.offerLog());
  }

  @Test
  void capacity_roleFurthestBelowItsCapFirst() {
    OfferHarness h = harness("capacity", Map.of("shares", Map.of("a", 0.5, "b", 0.5)));
    h.addFramework("A", "a", SMALL, Behavior.HOLD);
    h.addFramework("B", "b", SMALL, Behavior.HOLD);
    // Role a holds 1/8 of the cluster (a quarter of its cap), role b 1/16: b goes first.
    addUsedAgent(h, "ag", Resources.of(16, 16384), Map.of("A", Resources.of(2, 0), "B", Resources.of(1, 0)));
    assertEquals(List.of("0.000000 B {ag=cpus:7; mem:8192}", "0.000000 A {ag=cpus:6; mem:8192}"), h.offerLog());
  }
}
