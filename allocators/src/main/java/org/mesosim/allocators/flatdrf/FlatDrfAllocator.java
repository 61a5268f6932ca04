package org.mesosim.allocators.flatdrf;

import java.util.Map;
import org.mesosim.allocators.FrameworkState;
import org.mesosim.allocators.KeyedOfferAllocator;
import org.mesosim.allocators.Shares;

/**
 * Flat weighted Dominant Resource Fairness: every framework is one DRF user, weighted by its
 * role's weight, with no role level. Ghodsi et al., "Dominant Resource Fairness: Fair Allocation
 * of Multiple Resource Types", NSDI 2011, Section 4: the dominant share; the DRF scheduling
 * algorithm (Algorithm 1: give the next task to the user with the lowest dominant share, i.e.
 * progressive filling); weighted DRF (the share divided by the user's weight).
 *
 * <p>Per agent, frameworks are ordered by dominant share ÷ weight ascending, ties by framework id.
 * The dominant share is the framework's allocation (offered or in use) over the cluster total, per
 * scalar resource with a positive total (Mesos {@code DRFSorter::calculateShare}). Because each
 * agent goes to the currently lowest share and frameworks launch tasks from offers, the run-by-run
 * result is progressive filling in task-sized steps.
 */
public final class FlatDrfAllocator extends KeyedOfferAllocator {
  public FlatDrfAllocator(Map<String, Object> options) {
    super(options);
  }

  @Override
  protected void computeKeys(FrameworkState f) {
    f.setSortKey(Shares.dominant(f.allocated(), clusterTotal()) / weight(f.role()));
  }
}
