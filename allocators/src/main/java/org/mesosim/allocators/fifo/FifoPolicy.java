package org.mesosim.allocators.fifo;

import java.util.List;
import org.mesosim.allocators.OfferAllocatorPolicy;

/** The {@code fifo} policy: {@link FifoAllocator}. */
public final class FifoPolicy extends OfferAllocatorPolicy {
  public FifoPolicy() {
    super("fifo", "frameworks in registration order, first fit", List.of(), FifoAllocator::new);
  }
}
