package org.mesosim.model.cluster;

import org.mesosim.model.OfferId;
import org.mesosim.model.ResourceSet;

/**
 * An outstanding offer in the leading master's offer book ({@code src/master/master.cpp},
 * {@code Master::offer}): one per (framework, agent) entry of an allocator callback.
 */
final class Offer {
  final OfferId id;
  final Master.Leadership owner;
  final int framework;
  final int agent;
  final ResourceSet resources;
  /** The allocator's token for the agent ({@link org.mesosim.model.allocation.OfferBatch#token}), or -1. */
  int token = -1;
  boolean live = true;
  int agentSlot = -1;
  int frameworkSlot = -1;
  long timeoutHandle = -1;
  /** The agent's machine's unavailability when offered ({@code Offer.unavailability}), or null. */
  org.mesosim.model.allocation.Unavailability unavailability;

  Offer(OfferId id, Master.Leadership owner, int framework, int agent, ResourceSet resources) {
    this.id = id;
    this.owner = owner;
    this.framework = framework;
    this.agent = agent;
    this.resources = resources;
  }

  @Override
  public String toString() {
    return id.value();
  }
}
