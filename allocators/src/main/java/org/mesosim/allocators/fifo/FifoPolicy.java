package org.mesosim.allocators.fifo;

import java.util.List;
import org.mesosim.allocators.BuiltInPolicy;

/** The {@code fifo} policy: {@link FifoAllocator}. */
public final class FifoPolicy extends BuiltInPolicy {
  public FifoPolicy() {
    super("fifo", "frameworks in registration order, first fit", List.of(), FifoAllocator::new);
  }
}
