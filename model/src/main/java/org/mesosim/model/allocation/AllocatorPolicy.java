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

  /**
   * A fresh allocator; {@code options} holds only keys from {@link #options()}. Checks and parses
   * them on every call: a run builds its allocators (one per elected master) from what
   * {@link #validate} returned instead.
   */
  Allocator create(Map<String, Object> options);

  /**
   * Checks what typing cannot (ranges, combinations) when a scenario is loaded, so that a bad
   * value is reported as bad input before any run starts, and parses the options once into what
   * builds the run's allocators (the policy's options record, given to its own {@code create}):
   * {@code options} are typed as {@link #create} receives them. Default: nothing to check, and
   * each allocator is {@code create(options)}.
   *
   * @throws IllegalArgumentException {@code "<key>: <problem>"}
   */
  default Validated validate(Map<String, Object> options) {
    Map<String, Object> typed = options;
    return () -> create(typed);
  }

  /** A policy's options checked and parsed once ({@link #validate}): builds each allocator of a run. */
  @FunctionalInterface
  interface Validated {
    /** A fresh allocator from the options as validated. */
    Allocator create();
  }
}
