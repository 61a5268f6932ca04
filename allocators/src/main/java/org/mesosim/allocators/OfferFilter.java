package org.mesosim.allocators;

import org.mesosim.model.AgentId;
import org.mesosim.model.ResourceSet;

/**
 * A refused-offer filter (Mesos {@code RefusedOfferFilter}, {@code hierarchical.cpp}): while
 * installed, it hides from its framework every candidate on its agent contained in
 * {@link #refused()}. It is removed max(allocation interval, refuse_seconds) after install
 * (MESOS-4302), or earlier by revive or deactivation. Filters installed at one instant with one
 * timeout and nothing scheduled between them share one expiry timer.
 */
public final class OfferFilter {
  private final AgentId agent;
  private final ResourceSet refused;
  private final long expiresAt;
  /** The shared expiry timer of the filters installed with this one ({@link FilterExpiry}). */
  FilterExpiry.Batch<OfferFilter> batch;
  /** The framework that installed it. */
  FrameworkState owner;
  boolean live = true;

  OfferFilter(AgentId agent, ResourceSet refused, long expiresAt) {
    this.agent = agent;
    this.refused = refused;
    this.expiresAt = expiresAt;
  }

  public AgentId agent() {
    return agent;
  }

  public ResourceSet refused() {
    return refused;
  }

  /** Virtual time at which the filter is removed. */
  public long expiresAt() {
    return expiresAt;
  }
}
