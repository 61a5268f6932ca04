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
            PolicyOption.number("slotCpus", "1", PolicyOption.Range.above(0), "cpus per slot"),
            PolicyOption.number("slotMem", "2048", PolicyOption.Range.above(0), "memory (MB) per slot")),
        SlotsAllocator::new);
  }
}
