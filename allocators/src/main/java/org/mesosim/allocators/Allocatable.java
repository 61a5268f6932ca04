package org.mesosim.allocators;

import org.mesosim.model.ResourceNames;
import org.mesosim.model.Resources;

/**
 * Mesos' minimum allocatable resources: a candidate is offered only if it has at least
 * {@code MIN_CPUS} = 0.01 cpus or {@code MIN_MEM} = 32 MB ({@code src/master/constants.hpp},
 * checked by {@code HierarchicalAllocatorProcess::allocatable} in 1.1; the default of
 * {@code --min_allocatable_resources} in 1.7+). Disk, ports or gpus alone are not enough.
 */
public final class Allocatable {
  /** 0.01 cpus in thousandths. */
  public static final long MIN_CPUS_MILLI = 10L;

  /** 32 MB in thousandths. */
  public static final long MIN_MEM_MILLI = 32_000L;

  private Allocatable() {}

  /** True iff {@code r} holds at least 0.01 cpus or at least 32 MB of memory. */
  public static boolean test(Resources r) {
    return r.milli(ResourceNames.CPUS) >= MIN_CPUS_MILLI || r.milli(ResourceNames.MEM) >= MIN_MEM_MILLI;
  }
}
