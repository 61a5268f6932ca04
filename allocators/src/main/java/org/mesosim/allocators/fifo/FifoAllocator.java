package org.mesosim.allocators.fifo;

import java.util.Map;
import org.mesosim.allocators.FrameworkState;
import org.mesosim.allocators.KeyedOfferAllocator;

/**
 * First-in first-out: per agent, frameworks in registration order; the earliest-registered one
 * whose candidate is allocatable and not filtered takes the agent (first fit). The baseline of
 * Hadoop's original FIFO JobTracker scheduler, which the fair schedulers of the DRF paper
 * (Section 1) replaced. A framework that declines with a filter lets the next one in.
 */
public final class FifoAllocator extends KeyedOfferAllocator {
  public FifoAllocator(Map<String, Object> options) {
    super(options);
  }

  @Override
  protected void computeKeys(FrameworkState f) {
    f.setSortKey(f.order());
  }
}
