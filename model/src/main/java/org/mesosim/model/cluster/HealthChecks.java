package org.mesosim.model.cluster;

import org.mesosim.engine.SimTime;

/**
 * Agent health checks in both directions, computed lazily (see {@link LazyObserver}): the leading
 * master's observer of each agent, and each agent's own "no ping from the master within
 * agent_ping_timeout × max_agent_ping_timeouts" timer ({@code Slave::pingTimeout}). A healthy,
 * reachable agent costs no events at all; only crashes, restarts, partitions, heals and changes of
 * leader reschedule anything.
 */
final class HealthChecks {
  private final Cluster c;
  private final long period;
  private final int maxMisses;
  private final long latency;
  private final LazyObserver[] observers;
  private final Master.Leadership[] observedBy;
  private final long[] agentTimer;
  /** When each agent last heard SlaveRegistered / SlaveReregistered (its ping timer starts there). */
  private final long[] registeredAt;
  private final boolean[] reachable;
  private final boolean[] cutByCrash;

  HealthChecks(Cluster c, int agents) {
    this.c = c;
    this.period = c.config.master().agentPingTimeout();
    this.maxMisses = c.config.master().maxAgentPingTimeouts();
    this.latency = c.baseLatency;
    this.observers = new LazyObserver[agents];
    this.observedBy = new Master.Leadership[agents];
    this.agentTimer = new long[agents];
    java.util.Arrays.fill(agentTimer, -1L);
    this.registeredAt = new long[agents];
    this.reachable = new boolean[agents];
    this.cutByCrash = new boolean[agents];
  }

  /** Total ping timeout the agent learns at registration: 15 s × 5 = 75 s by default. */
  long totalPingTimeout() {
    return period * maxMisses;
  }

  private boolean reachableNow(Master.Leadership l, int idx) {
    int a = c.agentEp(idx);
    int m = l.master().ep;
    return c.net.alive(a) && c.net.alive(m) && c.net.connected(a, m);
  }

  /** The leader starts (or restarts) observing an agent that (re-)registered. */
  void observe(Master.Leadership l, int idx) {
    LazyObserver o = observers[idx];
    if (o == null) {
      o = new LazyObserver(c.sim, period, maxMisses, latency, () -> unreachable(idx));
      observers[idx] = o;
    }
    if (observedBy[idx] == l && o.observing()) {
      return;
    }
    observedBy[idx] = l;
    boolean r = reachableNow(l, idx);
    reachable[idx] = r;
    o.start(r, !c.net.alive(c.agentEp(idx)));
  }

  void unobserve(Master.Leadership l, int idx) {
    if (observedBy[idx] == l && observers[idx] != null) {
      observers[idx].stop();
      observedBy[idx] = null;
      pingsStopped(idx, c.sim.now());
    }
  }

  /** The leader exited or crashed: all its observers stop, and agents stop receiving pings. */
  void leaderGone(Master.Leadership l) {
    for (int i = 0; i < observers.length; i++) {
      if (observedBy[i] == l) {
        observers[i].stop();
        observedBy[i] = null;
        pingsStopped(i, c.sim.now());
      }
    }
  }

  private void unreachable(int idx) {
    Master.Leadership l = observedBy[idx];
    observedBy[idx] = null;
    if (l != null && l.current()) {
      pingsStopped(idx, c.sim.now());
      l.markUnreachable(idx);
    }
  }

  /** Called after any fault that may change whether agents and the leader can talk. */
  void reevaluate(int idx) {
    Master.Leadership l = observedBy[idx];
    if (l == null || observers[idx] == null || !observers[idx].observing()) {
      return;
    }
    boolean r = reachableNow(l, idx);
    if (r == reachable[idx]) {
      return;
    }
    reachable[idx] = r;
    boolean agentAlive = c.net.alive(c.agentEp(idx));
    if (!r) {
      cutByCrash[idx] = !agentAlive;
      observers[idx].cut(!agentAlive);
      if (agentAlive) {
        pingsStopped(idx, c.sim.now());
      }
    } else {
      observers[idx].recover(cutByCrash[idx]);
      sim_cancelAgentTimer(idx);
    }
  }

  void reevaluateAll() {
    for (int i = 0; i < observers.length; i++) {
      if (observedBy[i] != null) {
        reevaluate(i);
      }
    }
  }

  /**
   * An agent heard it is (re-)registered: it hears pings again, and its own ping timer starts now
   * ({@code Slave::registered} / {@code Slave::reregistered} start {@code pingTimer}, slave.cpp).
   */
  void agentRegistered(int idx) {
    sim_cancelAgentTimer(idx);
    registeredAt[idx] = c.sim.now();
  }

  /**
   * Pings stop reaching an agent at {@code t}: it gives up on its master one total ping timeout
   * after it last heard from it: the last ping it received, or its (re-)registration if that is
   * later. A ping the master sent while the agent was down was never received; an agent back from
   * a crash has heard nothing since its re-registration.
   */
  private void pingsStopped(int idx, long t) {
    Agent a = c.agents[idx];
    if (!a.alive() || !a.registered) {
      return;
    }
    long lastPing;
    LazyObserver o = observers[idx];
    if (o != null) {
      lastPing = o.pingAtOrAfter(t - latency + 1) - period;
      lastPing = Math.max(lastPing, 0);
    } else {
      lastPing = t;
    }
    long heard = Math.max(lastPing + latency, registeredAt[idx]);
    long at = Math.max(t, heard + totalPingTimeout());
    sim_cancelAgentTimer(idx);
    int inc = a.incarnation;
    agentTimer[idx] = c.sim.at(at, () -> {
      agentTimer[idx] = -1;
      if (a.incarnation == inc) {
        a.masterPingTimeout();
      }
    });
  }

  /**
   * The leader disconnected a live agent whose link broke: its next ping says so
   * ({@code PingSlaveMessage.connected = false}, sent by {@code SlaveObserver::ping},
   * src/master/master.cpp), and an agent that believes itself registered forces a re-registration
   * when it receives it ({@code Slave::ping}, src/slave/slave.cpp). Pings are lazy here, so this
   * schedules that ping's arrival (one base latency after it is sent); an agent that cannot hear it
   * then (down, cut off) is tried with the next one while the master still observes it and it
   * is still disconnected.
   */
  void pingDisconnected(Master.Leadership l, int idx) {
    LazyObserver o = observers[idx];
    if (o == null || observedBy[idx] != l || !o.observing()) {
      return;
    }
    long sentAt = o.pingAtOrAfter(c.sim.now() + 1);
    c.sim.at(sentAt + latency, () -> {
      if (observedBy[idx] != l || !l.current() || !o.observing()) {
        return;
      }
      AgentRecord a = l.agents[idx];
      if (a == null || a.connected || a.markingUnreachable) {
        return;
      }
      if (!reachableNow(l, idx)) {
        pingDisconnected(l, idx);
        return;
      }
      c.agents[idx].pingedDisconnected(l.master().ep);
    });
  }

  private void sim_cancelAgentTimer(int idx) {
    if (agentTimer[idx] != -1) {
      c.sim.cancel(agentTimer[idx]);
      agentTimer[idx] = -1;
    }
  }

  long deadline(int idx) {
    return observers[idx] == null ? SimTime.NEVER : observers[idx].deadline();
  }
}
