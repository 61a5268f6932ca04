package org.mesosim.allocators.drf;

import java.util.List;
import java.util.Map;
import org.mesosim.model.allocation.Allocator;
import org.mesosim.model.allocation.AllocatorPolicy;
import org.mesosim.model.allocation.PolicyOption;

/**
 * {@code hierarchical-drf}: Mesos' default allocator, {@code HierarchicalDRFAllocator}
 * ({@code src/master/allocator/mesos/hierarchical.cpp}), modelled on 1.1.0 with later 1.x changes
 * selectable through {@code mesosVersion}. See {@link HierarchicalDrfAllocator} and
 * docs/allocators.md ("hierarchical-drf").
 */
public final class HierarchicalDrfPolicy implements AllocatorPolicy {
  public static final String NAME = "hierarchical-drf";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "Mesos' HierarchicalDRF: role then framework DRF, quota, reservations, filters (Mesos 1.1 by default; mesosVersion switches this allocator only, the master stays Mesos 1.1)";
  }

  @Override
  public List<PolicyOption> options() {
    return HierarchicalDrfOptions.declarations();
  }

  /** Parsing checks every option (e.g. {@code minAllocatableResources} as name:amount alternatives). */
  @Override
  public void validate(Map<String, Object> options) {
    HierarchicalDrfOptions.parse(options == null ? Map.of() : options);
  }

  @Override
  public Allocator create(Map<String, Object> options) {
    return new HierarchicalDrfAllocator(HierarchicalDrfOptions.parse(options == null ? Map.of() : options));
  }
}
