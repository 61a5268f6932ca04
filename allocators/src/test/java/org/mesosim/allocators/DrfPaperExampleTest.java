package org.mesosim.allocators;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mesosim.allocators.OfferHarness.Behavior;
import org.mesosim.allocators.OfferHarness.SimFramework;
import org.mesosim.model.Resources;

/**
 * The DRF paper's example (Ghodsi et al. NSDI 2011, Section 4.1): one agent of 9 CPUs and
 * 18 GB; user A's tasks need &lt;1 CPU, 4 GB&gt;, B's &lt;3 CPUs, 1 GB&gt;. Each framework launches one
 * task per offer and returns the rest with no filter (refuse 0); tasks never finish. The table in
 * docs/allocators.md ("The DRF paper's example under every policy") is pinned by {@link #everyPolicy_drfPaperExample_pinnedOutcome}.
 */
class DrfPaperExampleTest {
  static final Resources A_TASK = Resources.of(1, 4096);
  static final Resources B_TASK = Resources.of(3, 1024);

  /** Runs the example under {@code policy} for 60 virtual seconds; returns the harness. */
  static OfferHarness run(String policy, Map<String, Object> options) {
    OfferHarness h = new OfferHarness(AllocatorRegistry.standard().require(policy), options, 42L);
    h.addAgent("agent-1", 9, 18432);
    h.addFramework("A", "a", A_TASK, Behavior.ONE_TASK);
    h.addFramework("B", "b", B_TASK, Behavior.ONE_TASK);
    h.runTo(60);
    return h;
  }

  @Test
  void drf_paperExample_aRunsThreeTasksAndBTwoAtDominantShareTwoThirds() {
    OfferHarness h = run("drf", Map.of());
    SimFramework a = h.framework("A");
    SimFramework b = h.framework("B");
    assertEquals(3, a.tasks);
    assertEquals(2, b.tasks);
    Resources total = Resources.of(9, 18432);
    assertEquals(2.0 / 3.0, Shares.dominant(a.used(), total), 1e-12);
    assertEquals(2.0 / 3.0, Shares.dominant(b.used(), total), 1e-12);
    assertEquals(Resources.of(3, 12288), a.used());
    assertEquals(Resources.of(6, 2048), b.used());
  }

  @Test
  void drf_paperExample_offersAlternateByDominantShare() {
    OfferHarness h = run("drf", Map.of());
    // Progressive filling, one task per periodic run: A (tie at 0, by id), B, A, B, A.
    List<String> first = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      first.add(h.offers.get(i).framework());
    }
    assertEquals(List.of("A", "B", "A", "B", "A"), first);
    assertEquals(List.of(0.0, 1.0, 2.0, 3.0, 4.0),
        h.offers.subList(0, 5).stream().map(o -> o.time() / 1e6).toList());
  }

  static Stream<Arguments> outcomes() {
    return Stream.of(
        Arguments.of("drf", Map.of(), 3, 2),
        Arguments.of("hierarchical-drf", Map.of(), 3, 2),
        Arguments.of("asset-fairness", Map.of(), 3, 2),
        // B's 3-cpu task no longer fits its 2 free slots; with refuse 0 B, the lower slot count,
        // is offered those slots every run and A starves behind it.
        Arguments.of("slots", Map.of(), 2, 1),
        // A fills 16 GB, then keeps declining the 5 cpus / 2 GB left with no filter: B never gets an offer.
        Arguments.of("fifo", Map.of(), 4, 0),
        // Seed 42; the histogram below covers other seeds.
        Arguments.of("random", Map.of(), 4, 1),
        Arguments.of("tetris", Map.of(), 3, 2),
        Arguments.of("capacity", Map.of("shares", Map.of("a", 0.5, "b", 0.5)), 2, 1));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("outcomes")
  void everyPolicy_drfPaperExample_pinnedOutcome(String policy, Map<String, Object> options, int aTasks, int bTasks) {
    OfferHarness h = run(policy, options);
    assertEquals(aTasks, h.framework("A").tasks, "A's tasks");
    assertEquals(bTasks, h.framework("B").tasks, "B's tasks");
  }

  @Test
  void random_paperExampleOverTwentySeeds_outcomeHistogram() {
    java.util.TreeMap<String, Integer> histogram = new java.util.TreeMap<>();
    for (long seed = 1; seed <= 20; seed++) {
      OfferHarness h = new OfferHarness(AllocatorRegistry.standard().require("random"), Map.of(), seed);
      h.addAgent("agent-1", 9, 18432);
      h.addFramework("A", "a", A_TASK, Behavior.ONE_TASK);
      h.addFramework("B", "b", B_TASK, Behavior.ONE_TASK);
      h.runTo(60);
      histogram.merge("A" + h.framework("A").tasks + "/B" + h.framework("B").tasks, 1, Integer::sum);
    }
    assertEquals(Map.of("A3/B2", 10, "A4/B1", 10), histogram);
  }
}
