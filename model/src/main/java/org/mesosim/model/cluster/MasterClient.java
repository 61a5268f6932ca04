package org.mesosim.model.cluster;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * A process that follows the leading master and registers with it: agents ({@code
 * Slave::detected} / {@code doReliableRegistration}, src/slave/slave.cpp) and scheduler drivers
 * ({@code SchedulerProcess::detected} / {@code doReliableRegistration}, src/sched/sched.cpp). Both
 * retry registration with a random delay in [0, backoff) and double the backoff up to a cap,
 * drawing from the process's own named backoff stream.
 */
abstract class MasterClient extends Process {
  int leaderEp = -1;
  long leaderEpoch = -1;
  int masterEp = -1;
  boolean registered;
  private long regHandle = -1;
  private long regBackoff;
  private final UniformRandomProvider backoffRng;
  private final long retryMax;

  MasterClient(Cluster cluster, int ep, String name, UniformRandomProvider backoffRng, long retryMax) {
    super(cluster, ep, name);
    this.backoffRng = backoffRng;
    this.retryMax = retryMax;
  }

  /** The master detector reports a (new) leader, or none ({@code leader < 0}). */
  final void detected(int leader, long epoch) {
    if (!alive()) {
      return;
    }
    if (epoch == leaderEpoch && leader == leaderEp && registered) {
      return;
    }
    leaderEp = leader;
    leaderEpoch = epoch;
    registered = false;
    masterEp = -1;
    leaderChanged();
    stopRegistering();
    if (leader < 0) {
      return;
    }
    startRegistering();
  }

  /**
   * Forgets the current registration and detects the same leader again, which restarts
   * registration ({@code detection.discard()} in slave.cpp and in the scheduler library).
   */
  final void redetect() {
    int l = leaderEp;
    long e = leaderEpoch;
    registered = false;
    leaderEp = -1;
    detected(l, e);
  }

  /** Called on a leader change, before registration restarts (e.g. drop offers of the old leader). */
  void leaderChanged() {}

  /** Starts registering with {@link #leaderEp}: {@link #registerNow} or {@link #registerAfterRandomDelay}. */
  abstract void startRegistering();

  /** Sends the (re-)registration message to {@code leader}. */
  abstract void sendRegistration(int leader);

  /** First attempt now, retries after a random share of {@code backoff}, doubling. */
  final void registerNow(long backoff) {
    regBackoff = backoff;
    attemptRegistration();
  }

  /**
   * First attempt after a random share of {@code initial}, then as {@link #registerNow} with
   * {@code backoff} for the retries.
   */
  final void registerAfterRandomDelay(long initial, long backoff) {
    long delay = (long) (initial * backoffRng.nextDouble());
    regBackoff = backoff;
    regHandle = scheduleInThisIncarnation(delay, this::attemptRegistration);
  }

  /** Cancels a pending registration attempt (registered, crashed or leader lost). */
  final void stopRegistering() {
    cluster.sim.cancel(regHandle);
    regHandle = -1;
  }

  private void attemptRegistration() {
    regHandle = -1;
    if (registered || leaderEp < 0 || !alive()) {
      return;
    }
    sendRegistration(leaderEp);
    // The cap bounds the backoff before the draw (doReliableRegistration in slave.cpp and sched.cpp).
    regBackoff = Math.min(regBackoff, retryMax);
    long delay = (long) (regBackoff * backoffRng.nextDouble());
    regBackoff *= 2;
    regHandle = scheduleInThisIncarnation(delay, this::attemptRegistration);
  }
}
