package org.mesosim.model.cluster;

import java.util.ArrayList;
import org.mesosim.model.FrameworkId;
import org.mesosim.model.FrameworkInfo;

/** The master's record of one framework ({@code Framework} in master.hpp). */
final class FrameworkRecord {
  final int idx;
  final FrameworkId id;
  final FrameworkInfo info;
  boolean connected = true;
  boolean active = true;
  boolean removed;
  final ArrayList<Offer> offers = new ArrayList<>();
  /** Its outstanding inverse offers (maintenance), in the order made. */
  final ArrayList<InverseOffer> inverseOffers = new ArrayList<>(0);
  long failoverHandle = -1;
  long disconnectedAt;

  FrameworkRecord(int idx, FrameworkId id, FrameworkInfo info) {
    this.idx = idx;
    this.id = id;
    this.info = info;
  }
}
