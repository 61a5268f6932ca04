package org.mesosim.reports;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Offers per framework (docs/outputs.md): received, declined, rescinded and used, and the
 * offer-to-launch latency of the used ones. Keeps only the outstanding offers.
 */
final class OfferCounters {
  private final long[] received;
  private final long[] declined;
  private final long[] rescinded;
  private final long[] used;
  private final Map<String, Long> madeAt = new HashMap<>();
  /** Offers used by a launch at the current instant (a remainder may still be returned). */
  private final Set<String> usedNow = new HashSet<>();
  private final Quantiles[] latency;
  private final Quantiles allLatency = new Quantiles();

  OfferCounters(int nFw) {
    received = new long[nFw];
    declined = new long[nFw];
    rescinded = new long[nFw];
    used = new long[nFw];
    latency = Quantiles.array(nFw);
  }

  /** The clock moved on: no offer was used at the new instant yet. */
  void newInstant() {
    usedNow.clear();
  }

  void made(int f, String offer, long t) {
    received[f]++;
    madeAt.put(offer, t);
  }

  /** Tasks were launched on {@code offer} at {@code t}. */
  void used(int f, String offer, long t) {
    Long made = madeAt.remove(offer);
    if (made != null) {
      latency[f].add((t - made) / 1e6);
      allLatency.add((t - made) / 1e6);
    }
    if (usedNow.add(offer)) {
      used[f]++;
    }
  }

  void declined(int f, String offer) {
    // The unused remainder of an offer tasks were launched on comes back as a decline at the
    // same instant: that offer was used, not declined.
    if (!usedNow.contains(offer)) {
      declined[f]++;
    }
    madeAt.remove(offer);
  }

  void rescinded(int f, String offer) {
    rescinded[f]++;
    madeAt.remove(offer);
  }

  /** The leader was lost: its outstanding offers are gone with it. */
  void leaderLost() {
    madeAt.clear();
  }

  /** Offer-to-launch latencies (s) of framework {@code f}'s used offers. */
  Quantiles latency(int f) {
    return latency[f];
  }

  /** Offer-to-launch latencies (s) of every framework. */
  Quantiles latency() {
    return allLatency;
  }

  RunSummary.Offers summary(int f) {
    return new RunSummary.Offers(received[f], declined[f], rescinded[f], used[f]);
  }
}
