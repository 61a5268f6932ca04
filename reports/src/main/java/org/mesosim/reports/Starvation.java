package org.mesosim.reports;

import java.util.Arrays;

/**
 * Demand and starvation per framework (docs/outputs.md): the pending tasks, whether the framework is
 * active (Mesos offers nothing to a deactivated framework), and the intervals it waited with pending
 * work and no offer; those longer than the threshold count as starvation. Also the offer waits
 * (how long an offer took to come while the framework waited).
 */
final class Starvation {
  private final long threshold;
  private final int nFw;
  private final Fairness fairness;
  private final int[] pendingNow;
  final Level[] pending;
  private final long[] waitingSince;
  /** Deactivated (disconnected or removed) and not registered again: the master offers it nothing. */
  private final boolean[] inactive;
  private final long[] starveCount;
  private final long[] starveTotal;
  private final long[] starveMax;
  private Quantiles[] offerWait;
  private final Quantiles allOfferWait = new Quantiles();

  /** @param threshold microseconds with pending work and no offer that count as starvation */
  Starvation(int nFw, long threshold, Fairness fairness) {
    this.nFw = nFw;
    this.threshold = threshold;
    this.fairness = fairness;
    pendingNow = new int[nFw];
    pending = Level.zeros(nFw);
    waitingSince = new long[nFw];
    Arrays.fill(waitingSince, -1L);
    inactive = new boolean[nFw];
    starveCount = new long[nFw];
    starveTotal = new long[nFw];
    starveMax = new long[nFw];
  }

  /** Framework {@code f}'s pending tasks now. */
  int pendingNow(int f) {
    return pendingNow[f];
  }

  /** Pending work the allocator sees: pending tasks and active. */
  boolean hasDemand(int f) {
    return pendingNow[f] > 0 && !inactive[f];
  }

  void pendingChanged(int f, int pendingTasks, long t) {
    int prev = pendingNow[f];
    int p = Math.max(0, pendingTasks);
    pendingNow[f] = p;
    pending[f].set(t, p);
    if ((prev == 0) != (p == 0)) {
      fairness.markDirty();
    }
    if (prev == 0 && p > 0 && !inactive[f]) {
      waitingSince[f] = t;
    } else if (prev > 0 && p == 0 && waitingSince[f] >= 0) {
      closeStarvation(f, t);
      waitingSince[f] = -1;
    }
  }

  /** An offer reached framework {@code f}: a waiting interval ends and the next starts. */
  void offered(int f, long t) {
    if (waitingSince[f] >= 0) {
      offerWaited(f, t - waitingSince[f]);
      closeStarvation(f, t);
      waitingSince[f] = t;
    }
  }

  /**
   * Mesos makes no offers to an inactive framework (Master::deactivate → allocator
   * deactivateFramework): it is not starved by the allocator while down, nor after its removal
   * (a crashed scheduler that is not restarted keeps its queue to the end of the run).
   */
  void deactivated(int f, long t) {
    if (waitingSince[f] >= 0) {
      closeStarvation(f, t);
      waitingSince[f] = -1;
    }
    if (!inactive[f] && pendingNow[f] > 0) {
      fairness.markDirty();
    }
    inactive[f] = true;
  }

  void registered(int f, long t) {
    if (inactive[f]) {
      inactive[f] = false;
      if (pendingNow[f] > 0) {
        waitingSince[f] = t;
        fairness.markDirty();
      }
    }
  }

  /** Closes the open waiting intervals at the end of the run. */
  void finish(long end) {
    for (int f = 0; f < nFw; f++) {
      if (waitingSince[f] >= 0) {
        closeStarvation(f, end);
        waitingSince[f] = -1;
      }
    }
  }

  private void closeStarvation(int f, long t) {
    long len = t - waitingSince[f];
    if (len > threshold) {
      starveCount[f]++;
      starveTotal[f] += len;
      starveMax[f] = Math.max(starveMax[f], len);
    }
  }

  /**
   * An offer reached framework {@code f} after it had waited {@code micros} with pending tasks
   * while active (since its queue became non-empty, its previous offer or its re-registration,
   * whichever is latest: the start of the current starvation interval).
   */
  private void offerWaited(int f, long micros) {
    if (offerWait == null) {
      offerWait = Quantiles.array(nFw);
    }
    offerWait[f].add(micros / 1e6);
    allOfferWait.add(micros / 1e6);
  }

  /** Offer waits (s) of framework {@code f}. */
  Quantiles offerWait(int f) {
    return offerWait == null ? new Quantiles() : offerWait[f];
  }

  /** Offer waits (s) of every framework. */
  Quantiles offerWait() {
    return allOfferWait;
  }

  double thresholdSeconds() {
    return threshold / 1e6;
  }

  RunSummary.Starvation summary(int f) {
    return new RunSummary.Starvation(thresholdSeconds(), starveCount[f], starveTotal[f] / 1e6, starveMax[f] / 1e6);
  }
}
