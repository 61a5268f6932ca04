package org.mesosim.model.allocation;

import java.util.SortedMap;
import org.mesosim.model.AgentId;
import org.mesosim.model.FrameworkId;
import org.mesosim.model.ResourceSet;

/**
 * The allocator's output: one call per framework per allocation run, with what it is offered on
 * each agent (Mesos' {@code offerCallback}; the master makes one Offer per agent entry). Calls in
 * one run are made in a fixed, documented order (first-allocation order for HierarchicalDRF).
 */
@FunctionalInterface
public interface OfferCallback {
  void offer(FrameworkId framework, SortedMap<AgentId, ResourceSet> resources);
}
