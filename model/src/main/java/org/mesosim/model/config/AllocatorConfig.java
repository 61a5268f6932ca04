package org.mesosim.model.config;

import java.util.Map;
import org.mesosim.model.allocation.AllocatorPolicy;

/**
 * @param policy the allocation policy (from the allocator registry)
 * @param interval {@code --allocation_interval} in microseconds, default 1 s
 * @param options the policy's validated options
 */
public record AllocatorConfig(AllocatorPolicy policy, long interval, Map<String, Object> options) {
  public AllocatorConfig {
    options = options == null ? Map.of() : Map.copyOf(options);
  }
}
