package org.mesosim.model.cluster;

import org.mesosim.engine.SimTime;
import org.mesosim.engine.Simulation;

/**
 * Test-only reference: Mesos' {@code SlaveObserver} with explicit PING and PONG messages, every
 * one an event. Ping at start, then at every timeout; a timeout with an unanswered ping counts a
 * miss; a PONG resets the count; {@code max} misses mark the agent unreachable.
 */
final class ExplicitPingObserver {
  private final Simulation sim;
  private final long period;
  private final int max;
  private final long latency;
  boolean agentAlive = true;
  boolean linkUp = true;
  private boolean pinged;
  private int timeouts;
  private boolean stopped;
  long markedAt = SimTime.NEVER;
  long events;

  ExplicitPingObserver(Simulation sim, long period, int max, long latency) {
    this.sim = sim;
    this.period = period;
    this.max = max;
    this.latency = latency;
  }

  void start() {
    ping();
  }

  private void ping() {
    if (stopped) {
      return;
    }
    pinged = true;
    if (linkUp) {
      events++;
      sim.schedule(latency, this::pingArrives);
    }
    sim.schedule(period, this::timeout);
  }

  private void pingArrives() {
    if (!linkUp || !agentAlive) {
      return;
    }
    events++;
    sim.schedule(latency, this::pongArrives);
  }

  private void pongArrives() {
    if (!linkUp) {
      return;
    }
    timeouts = 0;
    pinged = false;
  }

  private void timeout() {
    if (stopped) {
      return;
    }
    events++;
    if (pinged) {
      timeouts++;
      if (timeouts >= max) {
        markedAt = sim.now();
        stopped = true;
        return;
      }
    }
    ping();
  }
}
