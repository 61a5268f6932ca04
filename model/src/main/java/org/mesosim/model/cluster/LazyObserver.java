package org.mesosim.model.cluster;

import org.mesosim.engine.SimTime;
import org.mesosim.engine.Simulation;

/**
 * Mesos' agent health check ({@code SlaveObserver} in {@code src/master/master.cpp}) computed
 * lazily. The real observer pings at r0, r0+P, r0+2P, … (P = {@code --agent_ping_timeout}); at
 * each timeout it counts a miss if the last ping got no PONG, and after
 * {@code --max_agent_ping_timeouts} consecutive misses it marks the agent unreachable; a PONG
 * resets the count. A reachable agent therefore only ever resets a count of zero, so this class
 * schedules nothing while the agent is reachable and, when it becomes unreachable, schedules the
 * exact time the real observer would fire.
 *
 * <p>With one-way latency L (health-check traffic uses the base latency; random loss does not
 * apply to it), the ping sent at s is answered iff the agent is alive when it arrives (s+L) and
 * the link is up while ping and pong travel (s … s+2L). So after a crash at t the first
 * unanswered ping is the first s with s+L ≥ t; after a partition at t, the first s with
 * s+2L ≥ t. Detection is that ping time plus max·P. A recovery at h (restart: first s with
 * s+L ≥ h; heal: first s ≥ h) resets the count when its PONG lands (s+2L), if that is before the
 * detection time. Requires 2L &lt; P, which holds for any sane configuration.
 */
final class LazyObserver {
  private final Simulation sim;
  private final long period;
  private final int maxMisses;
  private final long latency;
  private final Runnable onUnreachable;
  private long start;
  private boolean observing;
  private boolean reachable = true;
  /** Time of the first unanswered ping of the current miss streak, or -1. */
  private long firstMissed = -1;
  /** When a recovery's first answered PONG lands (the reset), or -1. */
  private long resetAt = -1;
  private long handle = -1;
  private long deadline = SimTime.NEVER;

  LazyObserver(Simulation sim, long period, int maxMisses, long latency, Runnable onUnreachable) {
    this.sim = sim;
    this.period = period;
    this.maxMisses = maxMisses;
    this.latency = latency;
    this.onUnreachable = onUnreachable;
  }

  /** The master starts observing (first ping now). */
  void start(boolean reachableNow, boolean crashedNow) {
    stop();
    observing = true;
    start = sim.now();
    reachable = true;
    if (!reachableNow) {
      cut(crashedNow);
    }
  }

  void stop() {
    observing = false;
    sim.cancel(handle);
    handle = -1;
    deadline = SimTime.NEVER;
    firstMissed = -1;
    resetAt = -1;
  }

  boolean observing() {
    return observing;
  }

  /** The scheduled detection time, or NEVER. */
  long deadline() {
    return deadline;
  }

  /** The first ping time at or after {@code t}. */
  long pingAtOrAfter(long t) {
    if (t <= start) {
      return start;
    }
    long k = (t - start + period - 1) / period;
    return start + k * period;
  }

  /** The agent became unreachable now: crashed ({@code crash}) or cut off by a partition. */
  void cut(boolean crash) {
    if (!observing || !reachable) {
      return;
    }
    reachable = false;
    long t = sim.now();
    boolean resetHappened = resetAt >= 0 && resetAt < t;
    if (firstMissed < 0 || resetHappened) {
      firstMissed = pingAtOrAfter(t - (crash ? latency : 2 * latency));
    }
    resetAt = -1;
    schedule(firstMissed + (long) maxMisses * period);
  }

  /** The agent is reachable again now: restarted ({@code restart}) or the partition healed. */
  void recover(boolean restart) {
    if (!observing || reachable) {
      return;
    }
    reachable = true;
    long h = sim.now();
    long s = pingAtOrAfter(restart ? h - latency : h);
    long reset = s + 2 * latency;
    if (reset < deadline) {
      sim.cancel(handle);
      handle = -1;
      deadline = SimTime.NEVER;
      resetAt = reset;
    }
  }

  private void schedule(long at) {
    sim.cancel(handle);
    deadline = at;
    handle = sim.at(Math.max(at, sim.now()), () -> {
      handle = -1;
      deadline = SimTime.NEVER;
      firstMissed = -1;
      observing = false;
      onUnreachable.run();
    });
  }
}
