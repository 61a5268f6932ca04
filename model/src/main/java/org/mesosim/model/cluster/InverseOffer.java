package org.mesosim.model.cluster;

import org.mesosim.model.OfferId;
import org.mesosim.model.allocation.Unavailability;

/**
 * An outstanding inverse offer of the leading master ({@code Master::inverseOffer},
 * src/master/master.cpp): the master asks one framework to give back everything it holds on one
 * agent before the agent's machine's unavailability starts. Its id comes from the offers' id
 * generator, as in Mesos ("so that we can have unique ids across both").
 */
final class InverseOffer {
  final OfferId id;
  final Master.Leadership owner;
  final int framework;
  final int agent;
  final Unavailability unavailability;
  boolean live = true;
  long timeoutHandle = -1;

  InverseOffer(OfferId id, Master.Leadership owner, int framework, int agent, Unavailability unavailability) {
    this.id = id;
    this.owner = owner;
    this.framework = framework;
    this.agent = agent;
    this.unavailability = unavailability;
  }

  @Override
  public String toString() {
    return id.value();
  }
}
