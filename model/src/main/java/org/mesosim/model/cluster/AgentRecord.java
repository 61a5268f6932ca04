package org.mesosim.model.cluster;

import java.util.ArrayList;
import org.mesosim.model.AgentId;
import org.mesosim.model.ResourceSet;

/** The master's record of one agent ({@code Slave} in master.hpp). */
final class AgentRecord {
  final int idx;
  final AgentId id;
  /** The agent's resources with the offer operations applied (Mesos' totalResources/checkpointedResources). */
  ResourceSet total;
  boolean connected = true;
  final ArrayList<Task> tasks = new ArrayList<>();
  final ArrayList<Offer> offers = new ArrayList<>();
  /** Its outstanding inverse offers (maintenance), in the order made. */
  final ArrayList<InverseOffer> inverseOffers = new ArrayList<>(0);
  /** What its non-terminal tasks use, non-revocable part (thousandths by name index). */
  long[] used = new long[4];
  /** The agent's total oversubscribed resources as last reported (UpdateSlaveMessage), revocable. */
  org.mesosim.model.Resources revocable = org.mesosim.model.Resources.EMPTY;

  /** What is offered on this agent, non-revocable part: the sum of its live offers (thousandths by name index). */
  long[] offered() {
    long[] sum = new long[used.length];
    for (Offer o : offers) {
      sum = Vec.add(sum, o.resources.nonRevocable().quantity());
    }
    return sum;
  }
  boolean markingUnreachable;

  AgentRecord(int idx, AgentId id, ResourceSet total) {
    this.idx = idx;
    this.id = id;
    this.total = total;
  }
}
