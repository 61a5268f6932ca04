package org.mesosim.model.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import org.mesosim.engine.SimTime;
import org.mesosim.model.AgentId;
import org.mesosim.model.FrameworkId;
import org.mesosim.model.OfferId;
import org.mesosim.model.ResourceSet;
import org.mesosim.model.allocation.OfferBatch;
import org.mesosim.model.cluster.Master.Leadership;
import org.mesosim.model.cluster.AgentRecord;
import org.mesosim.model.cluster.FrameworkRecord;
import org.mesosim.model.events.ModelEvent;

/**
 * One leader term's outstanding offers ({@code Master::offer}, {@code Master::decline},
 * {@code Master::removeOffer}, {@code Master::rescindOffer} in {@code src/master/master.cpp}):
 * making offers from the allocator's callback, taking them back, and recovering declined ones. The
 * offers of an agent and of a framework are kept in two lists with each offer's slot in them, so
 * removing one is O(1). Accepting offers (which launches tasks) stays with the leadership.
 */
final class OfferBook {
  private final Leadership l;
  private final Cluster cluster;
  /** {@code masterId + "-O"}: offer ids are this plus a sequence number. */
  private final String offerPrefix;
  private long offerSeq;
  // Scratch lists of decline(), reused (a DECLINE in an offer storm lists thousands of offers).
  private final ArrayList<Offer> declineOffers = new ArrayList<>();
  private final ArrayList<AgentId> declineAgents = new ArrayList<>();
  private final ArrayList<ResourceSet> declineSets = new ArrayList<>();
  private int[] declineTokens = new int[16];
  /** By allocator agent token: 1 + the agent's index here, 0 if not yet seen (see agentByToken). */
  private int[] idxByToken = new int[16];

  OfferBook(Leadership l, String offerPrefix) {
    this.l = l;
    this.cluster = l.master().cluster;
    this.offerPrefix = offerPrefix;
  }

  /** {@code Master::offer}: the allocator's callback. */
  void offer(FrameworkId fid, SortedMap<AgentId, ResourceSet> resources) {
    if (!l.current()) {
      return;
    }
    FrameworkRecord f = l.frameworksById.get(fid);
    List<Offer> out = null;
    OfferBatch batch = OfferBatch.of(resources);
    for (int i = 0, n = batch.count(); i < n; i++) {
      AgentId aid = batch.agent(i);
      int token = batch.token(i);
      AgentRecord a = agentByToken(token, aid);
      if (f == null || !f.active || f.removed || a == null || !a.connected || a.markingUnreachable) {
        l.allocator.recoverResources(fid, aid, batch.resources(i), 0);
        continue;
      }
      Offer o = new Offer(OfferId.sequenced(offerPrefix, offerSeq++), l, f.idx, a.idx, batch.resources(i));
      o.token = token;
      // Master::offer: an agent whose machine is scheduled for maintenance shows it in its offers.
      o.unavailability = cluster.registry.unavailability[a.idx];
      o.agentSlot = a.offers.size();
      a.offers.add(o);
      o.frameworkSlot = f.offers.size();
      f.offers.add(o);
      if (out == null) {
        out = new ArrayList<>(resources.size());
      }
      out.add(o);
      cluster.offersMade++;
      if (o.resources.hasRevocable()) {
        cluster.revocableOffers++;
      }
      cluster.emit(new ModelEvent.OfferMade(cluster.sim.now(), o.id, cluster.frameworks[f.idx].name, a.id,
          o.resources));
      cluster.invariants.offerMade(o, a, l);
      long timeout = cluster.config.master().offerTimeout();
      if (timeout != SimTime.NEVER) {
        o.timeoutHandle = cluster.sim.schedule(timeout, () -> {
          if (o.live && l.current()) {
            rescind(o, "offer-timeout", true);
          }
        });
      }
    }
    if (out != null) {
      l.master().send(cluster.frameworkEp(f.idx), new Message.ResourceOffers(l.master().ep, out));
    }
  }

  /**
   * {@code l.agentsById.get(id)}, found through the allocator's token when it names the agent (the
   * token remembers the agent's index here; checked against the id, so a stale one only costs
   * the lookup).
   */
  private AgentRecord agentByToken(int token, AgentId id) {
    if (token >= 0 && token < idxByToken.length) {
      int i = idxByToken[token] - 1;
      AgentRecord a = i >= 0 ? l.agents[i] : null;
      if (a != null && (a.id == id || a.id.equals(id))) {
        return a;
      }
    }
    AgentRecord a = l.agentsById.get(id);
    if (a != null && token >= 0) {
      if (token >= idxByToken.length) {
        idxByToken = java.util.Arrays.copyOf(idxByToken, Math.max(token + 1, idxByToken.length * 2));
      }
      idxByToken[token] = a.idx + 1;
    }
    return a;
  }

  /** The next id of the offers' generator (inverse offers share it, as in Mesos' {@code newOfferId}). */
  OfferId nextId() {
    return OfferId.sequenced(offerPrefix, offerSeq++);
  }

  /** Removes an offer from the book (accepted, declined or rescinded). */
  void remove(Offer o) {
    o.live = false;
    cluster.sim.cancel(o.timeoutHandle);
    AgentRecord a = l.agents[o.agent];
    swapRemove(a.offers, o.agentSlot, true);
    FrameworkRecord f = l.frameworks[o.framework];
    swapRemove(f.offers, o.frameworkSlot, false);
  }

  private void swapRemove(ArrayList<Offer> list, int slot, boolean agentSide) {
    int last = list.size() - 1;
    Offer moved = list.get(last);
    list.set(slot, moved);
    list.remove(last);
    if (slot != last) {
      if (agentSide) {
        moved.agentSlot = slot;
      } else {
        moved.frameworkSlot = slot;
      }
    }
  }

  /** Rescinds an offer: recovered with no filter, the framework told. */
  void rescind(Offer o, String reason, boolean tell) {
    remove(o);
    l.allocator.recoverResources(l.frameworks[o.framework].id, l.agents[o.agent].id, o.resources, 0);
    cluster.emit(new ModelEvent.OfferRescinded(cluster.sim.now(), o.id, cluster.frameworks[o.framework].name,
        l.agents[o.agent].id, reason));
    if (tell) {
      l.master().send(cluster.frameworkEp(o.framework), new Message.RescindOffer(l.master().ep, o));
    }
  }

  boolean valid(Offer o, int fw) {
    return o.live && o.owner == l && o.framework == fw;
  }

  void decline(Message.Decline call) {
    FrameworkRecord f = l.frameworks[call.framework()];
    if (f == null || f.removed) {
      return;
    }
    // Mesos recovers each offer in turn (Master::decline -> allocator->recoverResources); one
    // batched call does the same (Allocator#recoverResources(FrameworkId, List, List, long)).
    List<Offer> valid = declineOffers;
    List<AgentId> ids = declineAgents;
    List<ResourceSet> sets = declineSets;
    valid.clear();
    ids.clear();
    sets.clear();
    for (Offer o : call.offers()) {
      if (!valid(o, f.idx)) {
        continue; // an unknown or stale offer is ignored
      }
      remove(o);
      if (valid.size() == declineTokens.length) {
        declineTokens = java.util.Arrays.copyOf(declineTokens, declineTokens.length * 2);
      }
      declineTokens[valid.size()] = o.token;
      valid.add(o);
      ids.add(l.agents[o.agent].id);
      sets.add(o.resources);
    }
    l.allocator.recoverResources(f.id, ids, sets, declineTokens, call.refuseMicros());
    String name = cluster.frameworks[f.idx].name;
    for (Offer o : valid) {
      cluster.emit(new ModelEvent.OfferDeclined(cluster.sim.now(), o.id, name, l.agents[o.agent].id, o.resources,
          call.refuseMicros()));
    }
    valid.clear();
    ids.clear();
    sets.clear();
  }
}
