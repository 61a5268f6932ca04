package org.mesosim.model.allocation;

import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.mesosim.engine.Simulation;

/**
 * What an allocator is given at {@link Allocator#initialize}.
 *
 * @param simulation the clock and scheduler the allocator runs on
 * @param allocationInterval periodic run interval in microseconds (Mesos {@code --allocation_interval}, default 1 s)
 * @param random the allocator's own named stream (e.g. for the agent shuffle of each run)
 * @param offers where offers go
 * @param options policy-specific options, already validated against the policy's {@link PolicyOption}s
 * @param inverseOffers where inverse offers go (maintenance; {@link InverseOfferCallback#NONE} where
 *     the caller takes none)
 */
public record AllocatorContext(
    Simulation simulation,
    long allocationInterval,
    UniformRandomProvider random,
    OfferCallback offers,
    Map<String, Object> options,
    InverseOfferCallback inverseOffers) {

  /** Without inverse offers (no maintenance): they go nowhere. */
  public AllocatorContext(Simulation simulation, long allocationInterval, UniformRandomProvider random,
      OfferCallback offers, Map<String, Object> options) {
    this(simulation, allocationInterval, random, offers, options, InverseOfferCallback.NONE);
  }

  public AllocatorContext {
    if (allocationInterval <= 0) {
      throw new IllegalArgumentException("allocation interval must be > 0");
    }
    options = options == null ? Map.of() : Map.copyOf(options);
    inverseOffers = inverseOffers == null ? InverseOfferCallback.NONE : inverseOffers;
  }
}
