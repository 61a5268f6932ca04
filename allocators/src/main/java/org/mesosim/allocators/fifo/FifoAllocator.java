package org.mesosim.allocators.fifo;

import java.util.List;
import java.util.Map;
import org.mesosim.allocators.AbstractOfferAllocator;
import org.mesosim.allocators.AgentState;
import org.mesosim.allocators.FrameworkState;

/**
 * First-in first-out: per agent, frameworks in registration order; the earliest-registered one
 * whose candidate is allocatable and not filtered takes the agent (first fit). The baseline of
 * Hadoop's original FIFO JobTracker scheduler, which the fair schedulers of the DRF paper
 * (Section 1) replaced. A framework that declines with a filter lets the next one in.
 */
public final class FifoAllocator extends AbstractOfferAllocator {
  public FifoAllocator(Map<String, Object> options) {
    super(options);
  }

  @Override
  protected void orderFrameworks(AgentState agent, List<FrameworkState> eligible) {
    // eligible is built in registration order already; sorting keeps the contract explicit.
    eligible.sort(BY_REGISTRATION);
  }
}
