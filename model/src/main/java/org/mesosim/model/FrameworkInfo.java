package org.mesosim.model;

/**
 * The parts of Mesos' {@code FrameworkInfo} ({@code include/mesos/mesos.proto}) that the model
 * uses. Defaults (Mesos 1.1): role {@code "*"}, failover timeout 0, checkpoint false, no
 * capabilities.
 *
 * @param name the framework's name in the scenario (unique within a run)
 * @param role its one role (Mesos 1.1 frameworks have exactly one)
 * @param failoverTimeout microseconds the master waits for a disconnected scheduler
 * @param checkpoint whether its tasks survive an agent restart
 * @param partitionAware PARTITION_AWARE capability: TASK_UNREACHABLE instead of TASK_LOST
 * @param gpuResources GPU_RESOURCES capability: may be offered agents that have GPUs
 * @param revocableResources REVOCABLE_RESOURCES capability: may be offered revocable
 *     (oversubscribed) resources ({@code hierarchical.cpp}, {@code frameworks[id].revocable}; a
 *     framework without it is offered only {@code resources.nonRevocable()})
 * @param sharedResources SHARED_RESOURCES capability: may be offered shared persistent volumes
 *     (docs/operations.md)
 */
public record FrameworkInfo(
    String name,
    String role,
    long failoverTimeout,
    boolean checkpoint,
    boolean partitionAware,
    boolean gpuResources,
    boolean revocableResources,
    boolean sharedResources) {

  public FrameworkInfo {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("framework name must not be empty");
    }
    if (role == null || role.isEmpty()) {
      throw new IllegalArgumentException("framework role must not be empty");
    }
    if (failoverTimeout < 0) {
      throw new IllegalArgumentException("failoverTimeout must be >= 0");
    }
  }

  /** Without the REVOCABLE_RESOURCES and SHARED_RESOURCES capabilities (Mesos' default: no capabilities). */
  public FrameworkInfo(String name, String role, long failoverTimeout, boolean checkpoint, boolean partitionAware,
      boolean gpuResources) {
    this(name, role, failoverTimeout, checkpoint, partitionAware, gpuResources, false, false);
  }

  /** This framework with the SHARED_RESOURCES capability set to {@code shared}. */
  public FrameworkInfo withSharedResources(boolean shared) {
    return new FrameworkInfo(name, role, failoverTimeout, checkpoint, partitionAware, gpuResources, revocableResources,
        shared);
  }

  /** This framework with the REVOCABLE_RESOURCES capability set to {@code revocable}. */
  public FrameworkInfo withRevocableResources(boolean revocable) {
    return new FrameworkInfo(name, role, failoverTimeout, checkpoint, partitionAware, gpuResources, revocable,
        sharedResources);
  }

  /** A framework with Mesos' defaults apart from name and role. */
  public static FrameworkInfo of(String name, String role) {
    return new FrameworkInfo(name, role, 0L, false, false, false, false, false);
  }
}
