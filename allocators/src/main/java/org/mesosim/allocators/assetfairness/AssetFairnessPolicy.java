package org.mesosim.allocators.assetfairness;

import java.util.List;
import org.mesosim.allocators.OfferAllocatorPolicy;

/** The {@code asset-fairness} policy: {@link AssetFairnessAllocator}. */
public final class AssetFairnessPolicy extends OfferAllocatorPolicy {
  public AssetFairnessPolicy() {
    super("asset-fairness",
        "Asset Fairness (DRF paper Section 5.1): lowest sum of resource shares / role weight first",
        List.of(), AssetFairnessAllocator::new);
  }
}
