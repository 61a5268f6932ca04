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
    return "Mesos' HierarchicalDRF: role then framework DRF, quota, reservations, filters. mesosVersion (default 1.1)"
        + " selects this allocator's behaviour only: the master, agents and schedulers are Mesos 1.1 at every"
        + " version, so a later version does not bring 1.2's master (TASK_UNKNOWN answers to explicit"
        + " reconciliation of unknown tasks for PARTITION_AWARE frameworks, answers for re-registering agents)"
        + " nor 1.5's (non-partition-aware tasks recovered, not shut down, when an unreachable agent"
        + " re-registers); see docs/mesos-model.md";
  }

  @Override
  public List<PolicyOption> options() {
    return HierarchicalDrfOptions.declarations();
  }

  /**
   * Parses the options once into {@link HierarchicalDrfOptions} (parsing checks every option, e.g.
   * {@code minAllocatableResources} as name:amount alternatives); each allocator of the run is
   * {@link #create(HierarchicalDrfOptions)} of that record.
   */
  @Override
  public Validated validate(Map<String, Object> options) {
    HierarchicalDrfOptions parsed = HierarchicalDrfOptions.parse(options == null ? Map.of() : options);
    return () -> create(parsed);
  }

  @Override
  public Allocator create(Map<String, Object> options) {
    return create(HierarchicalDrfOptions.parse(options == null ? Map.of() : options));
  }

  /** An allocator with options already parsed. */
  public Allocator create(HierarchicalDrfOptions options) {
    return new HierarchicalDrfAllocator(options);
  }
}
