package org.mesosim.model.allocation;

import org.mesosim.model.ResourceNames;
import org.mesosim.model.Resources;

/**
 * Mesos' rules of what a framework can ever be offered, stated once: the allocators apply them per
 * offer, the scenario checks and the trace fit check apply them to refuse a task that could never
 * run.
 */
public final class Offerability {
  private Offerability() {}

  /** True iff an agent with {@code total} has GPUs. */
  public static boolean hasGpus(Resources total) {
    return total.milli(ResourceNames.GPUS) > 0;
  }

  /**
   * True iff an agent (with GPUs or not) may be offered to a framework (with the GPU_RESOURCES
   * capability or not): Mesos offers an agent with GPUs only to frameworks that declare
   * GPU_RESOURCES (MESOS-5634; {@code HierarchicalAllocatorProcess::allocate} in
   * src/master/allocator/mesos/hierarchical.cpp, 1.0 and later).
   */
  public static boolean agentOffered(boolean agentHasGpus, boolean frameworkGpuResources) {
    return !agentHasGpus || frameworkGpuResources;
  }

  /**
   * True iff resources reserved for {@code owner} may be offered to a framework of {@code role}:
   * those of its own role, and with hierarchical roles ({@code ancestors}, Mesos 1.4+) those of an
   * ancestor of it ({@code roles::isStrictSubroleOf}, src/common/roles.cpp).
   */
  public static boolean reservationOffered(String owner, String role, boolean ancestors) {
    return role.equals(owner) || (ancestors && role.startsWith(owner + "/"));
  }
}
