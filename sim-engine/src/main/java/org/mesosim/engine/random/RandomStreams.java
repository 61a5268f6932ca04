package org.mesosim.engine.random;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.TreeMap;
import org.apache.commons.rng.RestorableUniformRandomProvider;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Named random streams derived from one scenario seed.
 *
 * <p>{@code stream("agent-17/failures")} is seeded from SHA-256(seed, name) alone, so a stream's
 * numbers depend only on the seed and its own name: adding, removing or reordering other streams
 * never shifts it (as DSOL's per-replication stream map, and as common random numbers across
 * policies require). The generator is Commons RNG's XoShiRo256++, whose output is specified
 * bit for bit and identical on every JVM and machine.
 *
 * <p>Asking for the same name twice returns the same generator, continuing its sequence.
 */
public final class RandomStreams {
  private static final RandomSource ALGORITHM = RandomSource.XO_SHI_RO_256_PP;

  private final long seed;
  // Looked up by name only; never iterated, so map order cannot reach results.
  private final TreeMap<String, UniformRandomProvider> streams = new TreeMap<>();

  public RandomStreams(long seed) {
    this.seed = seed;
  }

  public long seed() {
    return seed;
  }

  /** The stream with this name, created on first use. */
  public UniformRandomProvider stream(String name) {
    UniformRandomProvider r = streams.get(name);
    if (r == null) {
      r = create(seed, name);
      streams.put(name, r);
    }
    return r;
  }

  /** A fresh generator for (seed, name), independent of any instance state. */
  public static RestorableUniformRandomProvider create(long seed, String name) {
    return ALGORITHM.create(seedFor(seed, name));
  }

  /** The four 64-bit seed words for (seed, name): the SHA-256 of the seed and the UTF-8 name. */
  static long[] seedFor(long seed, String name) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(ByteBuffer.allocate(8).putLong(seed).array());
      sha.update((byte) 0);
      sha.update(name.getBytes(StandardCharsets.UTF_8));
      ByteBuffer h = ByteBuffer.wrap(sha.digest());
      long[] words = {h.getLong(), h.getLong(), h.getLong(), h.getLong()};
      if ((words[0] | words[1] | words[2] | words[3]) == 0) {
        words[0] = 1; // the all-zero state is forbidden for xoshiro
      }
      return words;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }
}
