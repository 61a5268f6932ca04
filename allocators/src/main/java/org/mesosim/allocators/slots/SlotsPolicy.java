package org.mesosim.allocators.slots;

import java.util.List;
import org.mesosim.allocators.OfferAllocatorPolicy;
import org.mesosim.model.allocation.PolicyOption;

/** The {@code slots} policy: {@link SlotsAllocator}. */
public final class SlotsPolicy extends OfferAllocatorPolicy {
  public SlotsPolicy() {
    super("slots",
        "slot-based fair scheduler (single-resource max-min over fixed cpus/mem slots, as Hadoop's Fair Scheduler)",
        List.of(
            new PolicyOption("slotCpus", "number", "1", List.of(), "cpus per slot"),
            new PolicyOption("slotMem", "number", "2048", List.of(), "memory (MB) per slot")),
        SlotsAllocator::new);
  }
}
