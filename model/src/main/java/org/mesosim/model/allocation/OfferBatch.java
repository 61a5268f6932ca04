package org.mesosim.model.allocation;

import java.util.Map;
import java.util.SortedMap;
import org.mesosim.model.AgentId;
import org.mesosim.model.ResourceSet;

/**
 * One framework's offers of one allocation run as parallel arrays, in agent-id order: what an
 * allocator may hand the master instead of a plain {@link SortedMap} (the map an {@link
 * OfferCallback} receives may also implement this). Beside each agent it carries the allocator's
 * own dense <b>token</b> for that agent, which the master keeps with the offer and gives back when
 * the offer is declined ({@link Allocator#recoverResources(org.mesosim.model.FrameworkId,
 * java.util.List, java.util.List, int[], long)}), so neither side looks an agent up by its id on
 * the offer path. A token is a hint: the receiver checks that it names the same agent id and
 * falls back to the id when it does not (or is {@code -1}).
 */
public interface OfferBatch {
  /** Number of offers (agents), at least one. */
  int count();

  /** The {@code i}-th agent, ids strictly increasing with {@code i}. */
  AgentId agent(int i);

  /** What is offered on {@link #agent(int)}. */
  ResourceSet resources(int i);

  /** The allocator's token for {@link #agent(int)}, or {@code -1}. */
  int token(int i);

  /** {@code offers} as a batch: itself if it is one, else its entries in order with no tokens. */
  static OfferBatch of(SortedMap<AgentId, ResourceSet> offers) {
    if (offers instanceof OfferBatch b) {
      return b;
    }
    int n = offers.size();
    AgentId[] ids = new AgentId[n];
    ResourceSet[] sets = new ResourceSet[n];
    int i = 0;
    for (Map.Entry<AgentId, ResourceSet> e : offers.entrySet()) {
      ids[i] = e.getKey();
      sets[i] = e.getValue();
      i++;
    }
    return new OfferBatch() {
      @Override
      public int count() {
        return n;
      }

      @Override
      public AgentId agent(int k) {
        return ids[k];
      }

      @Override
      public ResourceSet resources(int k) {
        return sets[k];
      }

      @Override
      public int token(int k) {
        return -1;
      }
    };
  }
}
