package org.mesosim.allocators.assetfairness;

import java.util.Map;
import org.mesosim.allocators.FrameworkState;
import org.mesosim.allocators.KeyedOfferAllocator;
import org.mesosim.allocators.Shares;

/**
 * Asset Fairness, the DRF paper's first alternative (Ghodsi et al. NSDI 2011, Section 5.1: "equalize
 * each user's sum of resource shares"; it violates sharing incentive, as the paper shows with a
 * two-user counter-example). Per agent,
 * frameworks are ordered by Σ over resources of allocated / cluster total, divided by the role
 * weight, ascending; ties by framework id. Progressive filling on that key.
 */
public final class AssetFairnessAllocator extends KeyedOfferAllocator {
  public AssetFairnessAllocator(Map<String, Object> options) {
    super(options);
  }

  @Override
  protected void computeKeys(FrameworkState f) {
    f.setSortKey(Shares.sum(f.allocated(), clusterTotal()) / weight(f.role()));
  }
}
