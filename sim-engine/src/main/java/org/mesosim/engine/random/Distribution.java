package org.mesosim.engine.random;

import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.statistics.distribution.ContinuousDistribution;
import org.apache.commons.statistics.distribution.ExponentialDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.distribution.UniformContinuousDistribution;
import org.apache.commons.statistics.distribution.WeibullDistribution;

/**
 * A distribution of non-negative reals, as accepted wherever a scenario takes one (durations in
 * microseconds, counts, resources). Sampling goes through Commons samplers bound to a named stream
 * ({@link #sampler(UniformRandomProvider)}), never through a global generator.
 *
 * <p><b>The same bits on every machine.</b> {@code Math.exp}, {@code log} and {@code pow} may
 * differ in the last bit between JVMs and CPUs (HotSpot uses its own intrinsics on x86-64, fdlibm
 * elsewhere); {@code StrictMath}'s are specified bit for bit. Wherever such a function computes a
 * sampled value it is StrictMath's: the lognormal, Pareto and Weibull samplers below follow
 * Commons' algorithms draw for draw with StrictMath (DistributionTest checks them against Commons).
 * The exponential and normal samplers are Commons' Ziggurat, whose values are arithmetic; they use
 * {@code Math.exp} only to accept or reject a point near a layer's edge, where a last-bit
 * difference would need a uniform draw within about 1e-16 of the boundary.
 *
 * <p>Records validate their parameters in their compact constructors.
 */
public sealed interface Distribution {

  /** Binds this distribution to a generator. */
  Sampler sampler(UniformRandomProvider rng);

  /** The mean (for an exponential, the mean; for a truncated normal, the untruncated mean). */
  double mean();

  /** A short description in the scenario syntax, e.g. {@code exponential(mean=30)}. */
  String describe();

  /** Draws values. Not thread-safe; one per stream. */
  @FunctionalInterface
  interface Sampler {
    double sample();
  }

  /** Always {@code value}. */
  record Constant(double value) implements Distribution {
    public Constant {
      requireFinite("constant", value);
    }

    @Override
    public Sampler sampler(UniformRandomProvider rng) {
      return () -> value;
    }

    @Override
    public double mean() {
      return value;
    }

    @Override
    public String describe() {
      return "constant(" + value + ")";
    }
  }

  /** Exponential with the given mean. */
  record Exponential(double mean) implements Distribution {
    public Exponential {
      requirePositive("exponential.mean", mean);
    }

    @Override
    public Sampler sampler(UniformRandomProvider rng) {
      return of(ExponentialDistribution.of(mean), rng);
    }

    @Override
    public String describe() {
      return "exponential(mean=" + mean + ")";
    }
  }

  /** Uniform on [min, max]. */
  record Uniform(double min, double max) implements Distribution {
    public Uniform {
      requireFinite("uniform.min", min);
      requireFinite("uniform.max", max);
      if (max < min) {
        throw new IllegalArgumentException("uniform.max: must be >= min (" + min + ")");
      }
    }

    @Override
    public Sampler sampler(UniformRandomProvider rng) {
      if (max == min) {
        return () -> min;
      }
      return of(UniformContinuousDistribution.of(min, max), rng);
    }

    @Override
    public double mean() {
      return (min + max) / 2;
    }

    @Override
    public String describe() {
      return "uniform(min=" + min + ", max=" + max + ")";
    }
  }

  /** Normal, truncated at 0 by rejection (negative draws are redrawn). */
  record Normal(double mean, double sd) implements Distribution {
    public Normal {
      requireFinite("normal.mean", mean);
      requirePositive("normal.sd", sd);
      if (mean < -6 * sd) {
        throw new IllegalArgumentException("normal: mean is so far below 0 that truncation at 0 leaves nothing");
      }
    }

    @Override
    public Sampler sampler(UniformRandomProvider rng) {
      ContinuousDistribution.Sampler s = NormalDistribution.of(mean, sd).createSampler(rng);
      return () -> {
        double x;
        do {
          x = s.sample();
        } while (x < 0);
        return x;
      };
    }

    @Override
    public String describe() {
      return "normal(mean=" + mean + ", sd=" + sd + ")";
    }
  }

  /** Log-normal with the given median (= e^mu) and sigma. */
  record LogNormal(double median, double sigma) implements Distribution {
    public LogNormal {
      requirePositive("lognormal.median", median);
      requirePositive("lognormal.sigma", sigma);
    }

    /**
     * {@code exp(mu + sigma * z)} with z from the Ziggurat normal sampler: Commons' LogNormalSampler
     * draw for draw, but with StrictMath's exp and log (see {@link Distribution}).
     */
    @Override
    public Sampler sampler(UniformRandomProvider rng) {
      NormalizedGaussianSampler z = ZigguratSampler.NormalizedGaussian.of(rng);
      double mu = StrictMath.log(median);
      return () -> StrictMath.exp(mu + sigma * z.sample());
    }

    @Override
    public double mean() {
      return median * StrictMath.exp(sigma * sigma / 2);
    }

    @Override
    public String describe() {
      return "lognormal(median=" + median + ", sigma=" + sigma + ")";
    }
  }

  /** Pareto with scale (the minimum) and shape alpha. */
  record Pareto(double scale, double shape) implements Distribution {
    public Pareto {
      requirePositive("pareto.scale", scale);
      requirePositive("pareto.shape", shape);
    }

    /**
     * Inverse transform {@code scale / u^(1/shape)}: Commons' InverseTransformParetoSampler draw
     * for draw (u from one {@code nextLong}, in [0, 1) when 1/shape >= 1, else (0, 1]), with
     * StrictMath's pow (see {@link Distribution}).
     */
    @Override
    public Sampler sampler(UniformRandomProvider rng) {
      double oneOverShape = 1 / shape;
      if (oneOverShape >= 1) {
        return () -> scale / StrictMath.pow((rng.nextLong() >>> 11) * 0x1.0p-53, oneOverShape);
      }
      return () -> scale / StrictMath.pow(((rng.nextLong() >>> 11) + 1) * 0x1.0p-53, oneOverShape);
    }

    @Override
    public double mean() {
      return shape <= 1 ? Double.POSITIVE_INFINITY : shape * scale / (shape - 1);
    }

    @Override
    public String describe() {
      return "pareto(scale=" + scale + ", shape=" + shape + ")";
    }
  }

  /** Weibull with scale lambda and shape k. */
  record Weibull(double scale, double shape) implements Distribution {
    public Weibull {
      requirePositive("weibull.scale", scale);
      requirePositive("weibull.shape", shape);
    }

    /**
     * Shape 1 is the exponential (Commons' Ziggurat sampler, arithmetic only); otherwise the
     * inverse transform {@code scale * (-log(1 - u))^(1/shape)} of one {@code nextDouble}, as
     * Commons' WeibullDistribution samples, with StrictMath's log1p and pow (see {@link Distribution}).
     */
    @Override
    public Sampler sampler(UniformRandomProvider rng) {
      if (shape == 1) {
        return of(WeibullDistribution.of(shape, scale), rng);
      }
      return () -> {
        double u = rng.nextDouble();
        return u == 0 ? 0 : scale * StrictMath.pow(-StrictMath.log1p(-u), 1.0 / shape);
      };
    }

    @Override
    public double mean() {
      return WeibullDistribution.of(shape, scale).getMean();
    }

    @Override
    public String describe() {
      return "weibull(scale=" + scale + ", shape=" + shape + ")";
    }
  }

  /** Uniform over a list of values. */
  record Empirical(List<Double> values) implements Distribution {
    public Empirical {
      if (values == null || values.isEmpty()) {
        throw new IllegalArgumentException("empirical: needs at least one value");
      }
      values = List.copyOf(values);
      for (Double v : values) {
        requireFinite("empirical", v);
      }
    }

    @Override
    public Sampler sampler(UniformRandomProvider rng) {
      double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
      if (v.length == 1) {
        return () -> v[0];
      }
      return () -> v[rng.nextInt(v.length)];
    }

    @Override
    public double mean() {
      return values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    }

    @Override
    public String describe() {
      return "empirical" + values;
    }
  }

  private static Sampler of(ContinuousDistribution d, UniformRandomProvider rng) {
    ContinuousDistribution.Sampler s = d.createSampler(rng);
    return s::sample;
  }

  private static void requireFinite(String what, double v) {
    if (!Double.isFinite(v)) {
      throw new IllegalArgumentException(what + ": must be a finite number");
    }
  }

  private static void requirePositive(String what, double v) {
    requireFinite(what, v);
    if (v <= 0) {
      throw new IllegalArgumentException(what + ": must be > 0");
    }
  }
}
