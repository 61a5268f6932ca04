package org.mesosim.model.allocation;

import java.util.SortedMap;
import org.mesosim.model.AgentId;
import org.mesosim.model.FrameworkId;

/**
 * The allocator's second output: inverse offers, Mesos' {@code inverseOfferCallback}
 * ({@code HierarchicalAllocatorProcess::deallocate}, src/master/allocator/mesos/hierarchical.cpp):
 * one call per framework per run, with the agents it holds resources on that have an
 * unavailability and no inverse offer outstanding for it. The resources of each are unspecified
 * (everything on the agent is asked back), as in Mesos; the master makes one {@code InverseOffer}
 * per agent ({@code Master::inverseOffer}, src/master/master.cpp).
 */
@FunctionalInterface
public interface InverseOfferCallback {
  InverseOfferCallback NONE = (framework, agents) -> {};

  void inverseOffer(FrameworkId framework, SortedMap<AgentId, Unavailability> agents);
}
