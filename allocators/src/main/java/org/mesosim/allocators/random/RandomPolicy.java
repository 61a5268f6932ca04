package org.mesosim.allocators.random;

import java.util.List;
import org.mesosim.allocators.OfferAllocatorPolicy;
import org.mesosim.model.allocation.PolicyOption;

/** The {@code random} policy: {@link RandomAllocator}. */
public final class RandomPolicy extends OfferAllocatorPolicy {
  public RandomPolicy() {
    super("random",
        "Mesos 1.7 random sorter: weighted random order of roles, then frameworks, on each sort",
        List.of(PolicyOption.oneOf("reshuffle", "agent", List.of("agent", "run"),
            "draw a new order for every agent (as Mesos calls sort() per agent) or once per run")),
        RandomAllocator::new);
  }
}
