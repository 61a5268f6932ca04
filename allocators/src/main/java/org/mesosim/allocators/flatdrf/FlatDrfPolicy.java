package org.mesosim.allocators.flatdrf;

import java.util.List;
import org.mesosim.allocators.OfferAllocatorPolicy;

/** The {@code drf} policy: {@link FlatDrfAllocator}. */
public final class FlatDrfPolicy extends OfferAllocatorPolicy {
  public FlatDrfPolicy() {
    super("drf",
        "flat weighted DRF without roles (Ghodsi et al. NSDI 2011): lowest dominant share / role weight first",
        List.of(), FlatDrfAllocator::new);
  }
}
