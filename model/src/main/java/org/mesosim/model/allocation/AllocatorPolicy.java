package org.mesosim.model.allocation;

import java.util.List;
import java.util.Map;

/**
 * A named allocation policy: the unit of the allocator registry. Built-in policies and
 * third-party ones (found through {@link java.util.ServiceLoader} under
 * {@code META-INF/services/org.mesosim.model.allocation.AllocatorPolicy}) implement this.
 */
public interface AllocatorPolicy {
  /** The name used in scenarios ({@code allocator.policy}), e.g. {@code hierarchical-drf}. */
  String name();

  /** One line for {@code mesosim list allocators}. */
  String description();

  /** Its options, with defaults. */
  List<PolicyOption> options();

  /** A fresh allocator; {@code options} holds only keys from {@link #options()}. */
  Allocator create(Map<String, Object> options);

  /**
   * Checks what typing cannot (ranges, combinations) when a scenario is loaded, so that a bad
   * value is reported as bad input before any run starts; {@code options} are typed as
   * {@link #create} receives them. Default: nothing to check.
   *
   * @throws IllegalArgumentException {@code "<key>: <problem>"}
   */
  default void validate(Map<String, Object> options) {}
}
