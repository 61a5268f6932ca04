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
            PolicyOption.roleMap("shares", "{}", PolicyOption.Range.closed(0, 1), "role -> fraction of the cluster, e.g. {a: 0.6, b: 0.4}"),
            PolicyOption.number("defaultShare", "1", PolicyOption.Range.closed(0, 1), "fraction for roles not listed in shares")),
        CapacityAllocator::new);
  }
}
