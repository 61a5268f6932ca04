package org.mesosim.allocators.capacity;

import java.util.List;
import org.mesosim.allocators.OfferAllocatorPolicy;
import org.mesosim.model.allocation.PolicyOption;

/** The {@code capacity} policy: {@link CapacityAllocator}. */
public final class CapacityPolicy extends OfferAllocatorPolicy {
  public CapacityPolicy() {
    super("capacity",
        "static capacity shares: role r holds at most its configured fraction of the cluster",
        List.of(
            new PolicyOption("shares", "roleMap", "{}", List.of(), "role -> fraction of the cluster in [0,1], e.g. {a: 0.6, b: 0.4}"),
            new PolicyOption("defaultShare", "number", "1", List.of(), "fraction for roles not listed in shares")),
        CapacityAllocator::new);
  }
}
