package org.mesosim.engine.random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DistributionTest {
  private static final int DRAWS = 200_000;

  static Stream<Arguments> kinds() {
    return Stream.of(
        Arguments.of(new Distribution.Constant(3.5)),
        Arguments.of(new Distribution.Exponential(30)),
        Arguments.of(new Distribution.Uniform(2, 10)),
        Arguments.of(new Distribution.Normal(100, 15)),
        Arguments.of(new Distribution.LogNormal(60, 0.5)),
        Arguments.of(new Distribution.Pareto(1, 4)),
        Arguments.of(new Distribution.Weibull(10, 1.5)),
        Arguments.of(new Distribution.Empirical(List.of(1.0, 2.0, 6.0))));
  }

  /**
   * With a fixed stream the draw is deterministic; 200,000 draws put the sample mean well within
   * 2% of the mean for every kind here (the largest coefficient of variation is about 1).
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  void sampleMean_isCloseToMean(Distribution d) {
    Distribution.Sampler s = d.sampler(RandomStreams.create(1, "test/" + d.describe()));
    double sum = 0;
    double min = Double.POSITIVE_INFINITY;
    for (int i = 0; i < DRAWS; i++) {
      double x = s.sample();
      sum += x;
      min = Math.min(min, x);
    }
    double mean = sum / DRAWS;
    assertEquals(d.mean(), mean, 0.02 * d.mean(), d.describe());
    assertTrue(min >= 0, "non-negative: " + min);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  void sampler_sameStream_sameValues(Distribution d) {
    Distribution.Sampler a = d.sampler(RandomStreams.create(3, "s"));
    Distribution.Sampler b = d.sampler(RandomStreams.create(3, "s"));
    for (int i = 0; i < 100; i++) {
      assertEquals(Double.doubleToLongBits(a.sample()), Double.doubleToLongBits(b.sample()));
    }
  }

  @Test
  void normal_isTruncatedAtZero() {
    Distribution.Sampler s = new Distribution.Normal(1, 2).sampler(RandomStreams.create(1, "n"));
    for (int i = 0; i < 50_000; i++) {
      assertTrue(s.sample() >= 0);
    }
  }

  @Test
  void empirical_drawsOnlyItsValuesUniformly() {
    Distribution.Sampler s = new Distribution.Empirical(List.of(1.0, 2.0, 6.0)).sampler(RandomStreams.create(1, "e"));
    int[] counts = new int[7];
    for (int i = 0; i < 30_000; i++) {
      counts[(int) s.sample()]++;
    }
    assertEquals(0, counts[0] + counts[3] + counts[4] + counts[5]);
    for (int v : new int[] {1, 2, 6}) {
      assertEquals(10_000, counts[v], 400);
    }
  }

  @Test
  void uniform_degenerate_isConstant() {
    Distribution.Sampler s = new Distribution.Uniform(4, 4).sampler(RandomStreams.create(1, "u"));
    assertEquals(4.0, s.sample());
  }

  @Test
  void means_followTheParameters() {
    assertEquals(6.0, new Distribution.Uniform(2, 10).mean());
    assertEquals(60 * Math.exp(0.125), new Distribution.LogNormal(60, 0.5).mean(), 1e-9);
    assertEquals(4.0 / 3, new Distribution.Pareto(1, 4).mean(), 1e-12);
    assertEquals(Double.POSITIVE_INFINITY, new Distribution.Pareto(1, 1).mean());
    assertEquals(3.0, new Distribution.Empirical(List.of(1.0, 2.0, 6.0)).mean());
  }

  @Test
  void describe_usesTheScenarioSyntax() {
    assertEquals("exponential(mean=30.0)", new Distribution.Exponential(30).describe());
    assertEquals("uniform(min=2.0, max=10.0)", new Distribution.Uniform(2, 10).describe());
    assertEquals("empirical[1.0, 2.0]", new Distribution.Empirical(List.of(1.0, 2.0)).describe());
  }

  @Test
  void empirical_copiesItsList() {
    List<Double> values = new ArrayList<>(List.of(1.0, 2.0));
    Distribution.Empirical e = new Distribution.Empirical(values);
    values.add(100.0);
    assertEquals(1.5, e.mean());
  }

  private static void assertRejected(String message, Executable create) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, create);
    assertEquals(message, e.getMessage());
  }

  @Test
  void parameters_invalid_areRejectedWithTheParameterName() {
    assertRejected("constant: must be a finite number", () -> new Distribution.Constant(Double.NaN));
    assertRejected("exponential.mean: must be > 0", () -> new Distribution.Exponential(0));
    assertRejected("exponential.mean: must be a finite number",
        () -> new Distribution.Exponential(Double.POSITIVE_INFINITY));
    assertRejected("uniform.max: must be >= min (5.0)", () -> new Distribution.Uniform(5, 1));
    assertRejected("uniform.min: must be a finite number", () -> new Distribution.Uniform(Double.NaN, 1));
    assertRejected("normal.sd: must be > 0", () -> new Distribution.Normal(1, 0));
    assertRejected("normal: mean is so far below 0 that truncation at 0 leaves nothing",
        () -> new Distribution.Normal(-100, 1));
    assertRejected("lognormal.median: must be > 0", () -> new Distribution.LogNormal(-1, 1));
    assertRejected("lognormal.sigma: must be > 0", () -> new Distribution.LogNormal(1, 0));
    assertRejected("pareto.scale: must be > 0", () -> new Distribution.Pareto(0, 2));
    assertRejected("pareto.shape: must be > 0", () -> new Distribution.Pareto(1, -2));
    assertRejected("weibull.scale: must be > 0", () -> new Distribution.Weibull(0, 1));
    assertRejected("weibull.shape: must be > 0", () -> new Distribution.Weibull(1, 0));
    assertRejected("empirical: needs at least one value", () -> new Distribution.Empirical(List.of()));
    assertRejected("empirical: must be a finite number",
        () -> new Distribution.Empirical(List.of(1.0, Double.NaN)));
  }

  static Stream<Arguments> strictKinds() {
    return Stream.of(
        Arguments.of(new Distribution.LogNormal(60, 0.5),
            org.apache.commons.statistics.distribution.LogNormalDistribution.of(StrictMath.log(60), 0.5)),
        Arguments.of(new Distribution.LogNormal(5 * 60e6, 2.4),
            org.apache.commons.statistics.distribution.LogNormalDistribution.of(StrictMath.log(5 * 60e6), 2.4)),
        Arguments.of(new Distribution.Pareto(1, 0.75),
            org.apache.commons.statistics.distribution.ParetoDistribution.of(1, 0.75)),
        Arguments.of(new Distribution.Pareto(2, 4),
            org.apache.commons.statistics.distribution.ParetoDistribution.of(2, 4)),
        Arguments.of(new Distribution.Weibull(10, 1.5),
            org.apache.commons.statistics.distribution.WeibullDistribution.of(1.5, 10)),
        Arguments.of(new Distribution.Weibull(10, 0.7),
            org.apache.commons.statistics.distribution.WeibullDistribution.of(0.7, 10)));
  }

  /**
   * The StrictMath samplers follow Commons' algorithms draw for draw: on the same stream they
   * consume exactly the same random numbers and give Commons' value (which uses Math's exp, log
   * and pow) to within a few ulps, most of the time exactly (here HotSpot's x86-64 exp differs from
   * StrictMath's in the last bit for about one draw in ten: the very difference that made values
   * depend on the machine).
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("strictKinds")
  void strictMathSamplers_followCommons_drawForDraw(Distribution d,
      org.apache.commons.statistics.distribution.ContinuousDistribution commons) {
    org.apache.commons.rng.UniformRandomProvider ours = RandomStreams.create(5, "strict");
    org.apache.commons.rng.UniformRandomProvider theirs = RandomStreams.create(5, "strict");
    Distribution.Sampler a = d.sampler(ours);
    org.apache.commons.statistics.distribution.ContinuousDistribution.Sampler b = commons.createSampler(theirs);
    int exact = 0;
    for (int i = 0; i < DRAWS; i++) {
      double x = a.sample();
      double y = b.sample();
      assertTrue(Math.abs(x - y) <= 4 * Math.ulp(y), i + ": " + x + " vs " + y);
      if (x == y) {
        exact++;
      }
    }
    assertEquals(ours.nextLong(), theirs.nextLong(), "the same draws consumed");
    assertTrue(exact >= DRAWS * 0.8, exact + " of " + DRAWS + " exactly equal");
  }
}
