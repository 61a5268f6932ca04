package org.mesosim.model.config;

import java.util.Map;
import org.mesosim.model.allocation.AllocatorPolicy;

/**
 * @param policy the allocation policy (from the allocator registry)
 * @param interval {@code --allocation_interval} in microseconds, default 1 s
 * @param options the policy's validated options, typed
 * @param allocators what builds the run's allocators: the options as the policy validated and
 *     parsed them, once ({@link AllocatorPolicy#validate})
 */
public record AllocatorConfig(AllocatorPolicy policy, long interval, Map<String, Object> options,
    AllocatorPolicy.Validated allocators) {
  public AllocatorConfig {
    options = options == null ? Map.of() : Map.copyOf(options);
    if (allocators == null && policy != null) {
      allocators = policy.validate(options);
    }
  }

  /** Options validated here ({@link AllocatorPolicy#validate}). */
  public AllocatorConfig(AllocatorPolicy policy, long interval, Map<String, Object> options) {
    this(policy, interval, options, null);
  }
}
