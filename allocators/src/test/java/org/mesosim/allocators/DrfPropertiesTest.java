package org.mesosim.allocators;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.mesosim.allocators.OfferHarness.Behavior;
import org.mesosim.allocators.ProgressiveFilling.Share;
import org.mesosim.engine.SimTime;
import org.mesosim.model.Resources;

/**
 * The fairness properties of the DRF paper (Ghodsi et al. NSDI 2011, defined in Section 3 and proved in Section 6: sharing
 * incentive, strategy-proofness, envy-freeness, Pareto efficiency) checked on DRF in its
 * progressive-filling form over random small instances; Asset Fairness failing sharing incentive
 * on the paper's counter-example; and the {@code drf} and {@code asset-fairness} policies reaching
 * the solver's allocation when driven through the offer harness. Seeds are fixed so the suite is
 * reproducible.
 */
class DrfPropertiesTest {
  private static final double EPS = 1e-9;

  /** A pool and its users' per-task demands. */
  record Instance(double[] capacity, double[][] demand) {
    int users() {
      return demand.length;
    }

    double[] ones() {
      double[] w = new double[demand.length];
      Arrays.fill(w, 1.0);
      return w;
    }

    @Override
    public String toString() {
      return "capacity=" + Arrays.toString(capacity) + " demand=" + Arrays.deepToString(demand);
    }
  }

  @Provide
  Arbitrary<Instance> instances() {
    return Arbitraries.integers().between(2, 3).flatMap(m -> Combinators.combine(
            Arbitraries.doubles().between(1, 100).ofScale(2).array(double[].class).ofSize(m),
            demandVector(m).list().ofMinSize(2).ofMaxSize(4))
        .as((c, ds) -> new Instance(c, ds.toArray(new double[0][]))));
  }

  private static Arbitrary<double[]> demandVector(int m) {
    return Arbitraries.doubles().between(0, 10).ofScale(2).array(double[].class).ofSize(m)
        .filter(v -> Arrays.stream(v).anyMatch(x -> x > 0));
  }

  /** Tasks user i can run with the resources {@code alloc} (Leontief utility). */
  private static double tasksWith(double[] alloc, double[] demand) {
    double t = Double.POSITIVE_INFINITY;
    for (int r = 0; r < demand.length; r++) {
      if (demand[r] > 0) {
        t = Math.min(t, alloc[r] / demand[r]);
      }
    }
    return t;
  }

  private static double[] times(double x, double[] d) {
    double[] out = new double[d.length];
    for (int r = 0; r < d.length; r++) {
      out[r] = x * d[r];
    }
    return out;
  }

  @Property(tries = 300, seed = "20110330")
  void drf_sharingIncentive_everyUserDoesAtLeastAsWellAsWithOneNthOfEverything(@ForAll("instances") Instance in) {
    double[] x = ProgressiveFilling.continuous(in.capacity(), in.demand(), in.ones(), Share.DOMINANT);
    int n = in.users();
    for (int i = 0; i < n; i++) {
      double[] slice = times(1.0 / n, in.capacity());
      double alone = tasksWith(slice, in.demand()[i]);
      assertTrue(x[i] >= alone * (1 - EPS), "user " + i + ": " + x[i] + " < " + alone + " for " + in);
    }
  }

  @Property(tries = 300, seed = "20110331")
  void drf_envyFreeness_noUserPrefersAnothersAllocation(@ForAll("instances") Instance in) {
    double[] x = ProgressiveFilling.continuous(in.capacity(), in.demand(), in.ones(), Share.DOMINANT);
    for (int i = 0; i < in.users(); i++) {
      for (int j = 0; j < in.users(); j++) {
        double withJs = tasksWith(times(x[j], in.demand()[j]), in.demand()[i]);
        assertTrue(withJs <= x[i] * (1 + EPS) + EPS, "user " + i + " envies " + j + " in " + in);
      }
    }
  }

  @Property(tries = 300, seed = "20110401")
  void drf_paretoEfficiency_everyUserIsBlockedByASaturatedResource(@ForAll("instances") Instance in) {
    double[] x = ProgressiveFilling.continuous(in.capacity(), in.demand(), in.ones(), Share.DOMINANT);
    int m = in.capacity().length;
    double[] used = new double[m];
    for (int i = 0; i < in.users(); i++) {
      for (int r = 0; r < m; r++) {
        used[r] += x[i] * in.demand()[i][r];
      }
    }
    for (int r = 0; r < m; r++) {
      assertTrue(used[r] <= in.capacity()[r] * (1 + EPS), "over capacity in " + in);
    }
    for (int i = 0; i < in.users(); i++) {
      boolean blocked = false;
      for (int r = 0; r < m; r++) {
        blocked |= in.demand()[i][r] > 0 && used[r] >= in.capacity()[r] * (1 - EPS);
      }
      assertTrue(blocked, "user " + i + " could get more without hurting anyone in " + in);
    }
  }

  @Property(tries = 300, seed = "20110402")
  void drf_strategyProofness_misreportingNeverGainsTasks(@ForAll("instances") Instance in,
      @ForAll("lies") double[] lie) {
    double[] lieOfSize = Arrays.copyOf(lie, in.capacity().length);
    if (Arrays.stream(lieOfSize).noneMatch(v -> v > 0)) {
      lieOfSize[0] = 1;
    }
    double[] honest = ProgressiveFilling.continuous(in.capacity(), in.demand(), in.ones(), Share.DOMINANT);
    double[][] reported = in.demand().clone();
    reported[0] = lieOfSize;
    double[] x = ProgressiveFilling.continuous(in.capacity(), reported, in.ones(), Share.DOMINANT);
    double trueTasks = tasksWith(times(x[0], lieOfSize), in.demand()[0]);
    assertTrue(trueTasks <= honest[0] * (1 + EPS) + EPS,
        "lying " + Arrays.toString(lieOfSize) + " gains " + trueTasks + " > " + honest[0] + " in " + in);
  }

  @Provide
  Arbitrary<double[]> lies() {
    return Arbitraries.doubles().between(0, 10).ofScale(2).array(double[].class).ofSize(3);
  }

  /**
   * The DRF paper's Asset Fairness counter-example (Sections 5 and 6; as restated in Stoica's CS262a DRF
   * lecture): &lt;70 CPUs, 70 GB&gt;; user A's tasks &lt;2 CPUs, 2 GB&gt;, B's &lt;1 CPU, 2 GB&gt;. Equal sums
   * of shares (4x = 3y) with memory saturating give A 15 tasks = &lt;30 CPUs, 30 GB&gt;, less than
   * half of both resources, where half the pool would run 17.5 of A's tasks. DRF gives both 17.5.
   */
  @Example
  void assetFairness_paperCounterExample_violatesSharingIncentive() {
    double[] c = {70, 70};
    double[][] d = {{2, 2}, {1, 2}};
    double[] w = {1, 1};
    double[] asset = ProgressiveFilling.continuous(c, d, w, Share.SUM);
    assertEquals(15.0, asset[0], 1e-9);
    assertEquals(20.0, asset[1], 1e-9);
    double halfOfEverything = tasksWith(new double[] {35, 35}, d[0]);
    assertEquals(17.5, halfOfEverything, 1e-12);
    assertTrue(asset[0] < halfOfEverything, "Asset Fairness leaves A below its 1/n share");

    double[] drf = ProgressiveFilling.continuous(c, d, w, Share.DOMINANT);
    assertEquals(17.5, drf[0], 1e-9);
    assertEquals(17.5, drf[1], 1e-9);
  }

  /** The same counter-example through the {@code asset-fairness} and {@code drf} policies, in whole tasks. */
  @Example
  void assetFairnessPolicy_paperCounterExample_aGetsFifteenTasksNotSeventeen() {
    long[] c = {70_000, 71_680_000};
    long[][] d = {{2_000, 2_048_000}, {1_000, 2_048_000}};
    assertArrayEquals(new int[] {15, 20}, ProgressiveFilling.discrete(c, d, Share.SUM));
    assertArrayEquals(new int[] {15, 20}, viaHarness("asset-fairness", c, d));
    // Half the pool would run floor(min(35/2, 35840/2048)) = 17 of A's tasks.
    int[] drf = viaHarness("drf", c, d);
    assertArrayEquals(ProgressiveFilling.discrete(c, d, Share.DOMINANT), drf);
    assertTrue(drf[0] >= 17, Arrays.toString(drf));
  }

  /** Runs the instance through the offer harness: one agent, one task per offer, decline with a 5 s filter. */
  static int[] viaHarness(String policy, long[] c, long[][] d) {
    OfferHarness h = new OfferHarness(AllocatorRegistry.standard().require(policy), Map.of(), 99L);
    List<OfferHarness.SimFramework> fs = new ArrayList<>();
    for (int i = 0; i < d.length; i++) {
      OfferHarness.SimFramework f = h.addFramework("u" + i, "*", Resources.ofMilli(d[i]), Behavior.ONE_TASK);
      f.refuseOnDecline = 5 * SimTime.SECOND;
      fs.add(f);
    }
    h.addAgent("pool", org.mesosim.model.ResourceSet.unreserved(Resources.ofMilli(c)));
    int bound = 0;
    for (long[] row : d) {
      bound += (int) (c[0] / Math.max(1, row[0])) + 1;
    }
    // One task per run at most, plus filter expiries: enough virtual time for every task.
    h.runTo(2.0 * bound + 20);
    int[] out = new int[d.length];
    for (int i = 0; i < d.length; i++) {
      out[i] = fs.get(i).tasks;
    }
    return out;
  }

  @Provide
  Arbitrary<long[][]> smallPools() {
    Arbitrary<long[]> pool = Combinators.combine(
            Arbitraries.integers().between(4, 16), Arbitraries.integers().between(8, 64))
        .as((cpus, memHalfGb) -> new long[] {cpus * 1000L, memHalfGb * 512_000L});
    Arbitrary<long[]> task = Combinators.combine(
            Arbitraries.integers().between(1, 8), Arbitraries.integers().between(1, 16))
        .as((halfCpus, mem256) -> new long[] {halfCpus * 500L, mem256 * 256_000L});
    return Combinators.combine(pool, task.list().ofMinSize(2).ofMaxSize(3))
        .as((p, ts) -> {
          long[][] out = new long[ts.size() + 1][];
          out[0] = p;
          for (int i = 0; i < ts.size(); i++) {
            out[i + 1] = ts.get(i);
          }
          return out;
        });
  }

  @Property(tries = 12, seed = "20110403")
  void drfPolicy_viaHarness_reachesTheProgressiveFillingAllocation(@ForAll("smallPools") long[][] instance) {
    long[] c = instance[0];
    long[][] d = Arrays.copyOfRange(instance, 1, instance.length);
    assertArrayEquals(ProgressiveFilling.discrete(c, d, Share.DOMINANT), viaHarness("drf", c, d),
        "pool " + Arrays.toString(c) + " tasks " + Arrays.deepToString(d));
  }

  /** The sharing-incentive check discriminates: Asset Fairness fails it on random instances too, DRF never. */
  @Example
  void sharingIncentiveCheck_failsForAssetFairnessOnRandomInstances_neverForDrf() {
    org.apache.commons.rng.UniformRandomProvider rng = org.mesosim.engine.random.RandomStreams.create(7L, "test/instances");
    int assetViolations = 0;
    int drfViolations = 0;
    for (int k = 0; k < 500; k++) {
      double[] c = {1 + 99 * rng.nextDouble(), 1 + 99 * rng.nextDouble()};
      double[][] d = {{10 * rng.nextDouble(), 10 * rng.nextDouble()}, {10 * rng.nextDouble(), 10 * rng.nextDouble()}};
      double[] w = {1, 1};
      double[] asset = ProgressiveFilling.continuous(c, d, w, Share.SUM);
      double[] drf = ProgressiveFilling.continuous(c, d, w, Share.DOMINANT);
      for (int i = 0; i < 2; i++) {
        double alone = tasksWith(new double[] {c[0] / 2, c[1] / 2}, d[i]);
        assetViolations += asset[i] < alone * (1 - EPS) ? 1 : 0;
        drfViolations += drf[i] < alone * (1 - EPS) ? 1 : 0;
      }
    }
    assertEquals(0, drfViolations);
    assertTrue(assetViolations > 50, "asset fairness violations: " + assetViolations);
  }
}
