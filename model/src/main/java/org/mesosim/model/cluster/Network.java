package org.mesosim.model.cluster;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.mesosim.engine.Simulation;
import org.mesosim.engine.random.Distribution;
import org.mesosim.model.config.NetworkConfig;

/**
 * Links between processes. Delivery on one link (ordered pair of endpoints) is FIFO, as over one
 * TCP connection: a message never overtakes an earlier one on the same link, even when latencies
 * are drawn from a distribution (stream {@code network/latency}). Each message is dropped with
 * probability {@code loss} (stream {@code network/loss}). A partition puts endpoints on a side;
 * only endpoints on the same side can talk, checked at send and at delivery. Messages to a crashed
 * process, or to an older incarnation of a restarted one, are dropped.
 */
final class Network {
  private final Simulation sim;
  private final Process[] procs;
  private final boolean[] alive;
  private final int[] incarnation;
  private final int[] side;
  private final long constantLatency;
  private final Distribution.Sampler latency;
  private final double loss;
  private final UniformRandomProvider lossRng;
  private final int n;
  // FIFO bookkeeping for random latencies: last delivery time per link (open addressing).
  private long[] linkKeys;
  private long[] linkTimes;
  private int linkCount;
  long sent;
  long dropped;

  Network(Simulation sim, int endpoints, NetworkConfig cfg) {
    this.sim = sim;
    this.n = endpoints;
    this.procs = new Process[endpoints];
    this.alive = new boolean[endpoints];
    this.incarnation = new int[endpoints];
    this.side = new int[endpoints];
    if (cfg.latency() instanceof Distribution.Constant c) {
      constantLatency = Math.max(0, Math.round(c.value()));
      latency = null;
    } else {
      constantLatency = -1;
      latency = cfg.latency().sampler(sim.random().stream("network/latency"));
      linkKeys = new long[1024];
      Arrays.fill(linkKeys, -1L);
      linkTimes = new long[1024];
    }
    this.loss = cfg.loss();
    this.lossRng = loss > 0 ? sim.random().stream("network/loss") : null;
  }

  void register(Process p) {
    procs[p.ep] = p;
    alive[p.ep] = true;
  }

  Process process(int ep) {
    return procs[ep];
  }

  int size() {
    return n;
  }

  boolean alive(int ep) {
    return alive[ep];
  }

  int incarnation(int ep) {
    return incarnation[ep];
  }

  void crash(int ep) {
    alive[ep] = false;
    incarnation[ep]++;
  }

  void restart(int ep) {
    alive[ep] = true;
    incarnation[ep]++;
  }

  /** True if the two endpoints are on the same side of every partition. */
  boolean connected(int a, int b) {
    return side[a] == side[b];
  }

  int side(int ep) {
    return side[ep];
  }

  void setSide(int ep, int s) {
    side[ep] = s;
  }

  /** The latency health-check traffic and ZooKeeper notifications use: the constant, or the distribution's mean. */
  long baseLatency(NetworkConfig cfg) {
    return constantLatency >= 0 ? constantLatency : Math.max(0, Math.round(cfg.latency().mean()));
  }

  void send(int from, int to, Message m) {
    if (!alive[from]) {
      return;
    }
    sent++;
    if (lossRng != null && lossRng.nextDouble() < loss) {
      dropped++;
      return;
    }
    if (side[from] != side[to]) {
      dropped++;
      return;
    }
    long now = sim.now();
    long t;
    if (constantLatency >= 0) {
      t = now + constantLatency;
    } else {
      t = now + Math.max(0, Math.round(latency.sample()));
      t = fifo((long) from * n + to, t);
    }
    int inc = incarnation[to];
    sim.at(t, () -> deliver(from, to, inc, m));
  }

  private void deliver(int from, int to, int inc, Message m) {
    if (!alive[to] || incarnation[to] != inc || side[from] != side[to]) {
      dropped++;
      return;
    }
    procs[to].receive(from, m);
  }

  private long fifo(long key, long t) {
    int mask = linkKeys.length - 1;
    int i = (int) (mix(key) & mask);
    while (true) {
      long k = linkKeys[i];
      if (k == key) {
        long last = linkTimes[i];
        if (t < last) {
          t = last;
        }
        linkTimes[i] = t;
        return t;
      }
      if (k == -1L) {
        linkKeys[i] = key;
        linkTimes[i] = t;
        if (++linkCount * 2 > linkKeys.length) {
          grow();
        }
        return t;
      }
      i = (i + 1) & mask;
    }
  }

  private void grow() {
    long[] ok = linkKeys;
    long[] ot = linkTimes;
    linkKeys = new long[ok.length * 2];
    Arrays.fill(linkKeys, -1L);
    linkTimes = new long[ok.length * 2];
    int mask = linkKeys.length - 1;
    for (int j = 0; j < ok.length; j++) {
      if (ok[j] != -1L) {
        int i = (int) (mix(ok[j]) & mask);
        while (linkKeys[i] != -1L) {
          i = (i + 1) & mask;
        }
        linkKeys[i] = ok[j];
        linkTimes[i] = ot[j];
      }
    }
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 33)) * 0xFF51AFD7ED558CCDL;
    return z ^ (z >>> 29);
  }
}
