package org.mesosim.allocators.assetfairness;

import java.util.List;
import java.util.Map;
import org.mesosim.allocators.AbstractOfferAllocator;
import org.mesosim.allocators.AgentState;
import org.mesosim.allocators.FrameworkState;
import org.mesosim.allocators.Shares;
import org.mesosim.model.Resources;

/**
 * Asset Fairness, the DRF paper's first alternative (Ghodsi et al. NSDI 2011, Section 4.1: "equalize
 * each user's sum of resource shares"; Section 5.1 shows it violates sharing incentive). Per agent,
 * frameworks are ordered by Σ over resources of allocated / cluster total, divided by the role
 * weight, ascending; ties by framework id. Progressive filling on that key.
 */
public final class AssetFairnessAllocator extends AbstractOfferAllocator {
  public AssetFairnessAllocator(Map<String, Object> options) {
    super(options);
  }

  @Override
  protected void orderFrameworks(AgentState agent, List<FrameworkState> eligible) {
    Resources total = clusterTotal();
    for (int i = 0; i < eligible.size(); i++) {
      FrameworkState f = eligible.get(i);
      f.setSortKey(Shares.sum(f.allocated(), total) / weight(f.role()));
    }
    sortByKey(eligible);
  }
}
