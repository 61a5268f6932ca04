package org.mesosim.allocators;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.mesosim.model.allocation.Allocator;
import org.mesosim.model.allocation.AllocatorPolicy;
import org.mesosim.model.allocation.PolicyOption;

/**
 * Convenience base for a policy whose allocator extends {@link AbstractOfferAllocator}: its own
 * options plus {@link AbstractOfferAllocator#COMMON_OPTIONS}, and {@link #create} resolves the
 * given options (filling defaults) before building the allocator.
 */
public abstract class OfferAllocatorPolicy implements AllocatorPolicy {
  private final String name;
  private final String description;
  private final List<PolicyOption> options;
  private final Function<Map<String, Object>, Allocator> factory;

  protected OfferAllocatorPolicy(String name, String description, List<PolicyOption> own,
      Function<Map<String, Object>, Allocator> factory) {
    this.name = name;
    this.description = description;
    List<PolicyOption> all = new ArrayList<>(own);
    all.addAll(AbstractOfferAllocator.COMMON_OPTIONS);
    this.options = List.copyOf(all);
    this.factory = factory;
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final String description() {
    return description;
  }

  @Override
  public final List<PolicyOption> options() {
    return options;
  }

  @Override
  public final Allocator create(Map<String, Object> options) {
    return factory.apply(PolicyOptions.resolve(this, options));
  }

  /**
   * Resolves the options once (already-typed values pass through) and builds (and drops) one
   * allocator, whose constructor checks the ranges of its options; each allocator of the run is
   * built from the same resolved options.
   */
  @Override
  public Validated validate(Map<String, Object> options) {
    Map<String, Object> resolved = PolicyOptions.resolve(this, options);
    factory.apply(resolved);
    return () -> factory.apply(resolved);
  }
}
