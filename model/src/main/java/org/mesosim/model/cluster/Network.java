package org.mesosim.model.cluster;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.mesosim.engine.Simulation;
import org.mesosim.engine.random.Distribution;
import org.mesosim.model.config.NetworkConfig;
import org.mesosim.model.config.NetworkConfig.LossModel;

/**
 * Links between processes. Delivery on one link (ordered pair of endpoints) is FIFO, as over one
 * TCP connection: a message never overtakes an earlier one on the same link, even when latencies
 * are drawn from a distribution (stream {@code network/latency}). A partition puts endpoints on a
 * side; only endpoints on the same side can talk, checked at send and at delivery. Messages to a
 * crashed process, or to an older incarnation of a restarted one, are dropped.
 *
 * <p>Each message is drawn as lost with probability {@code loss} (stream {@code network/loss}, one
 * draw per message sent by a live process). With {@link LossModel#LINK} (the default) a lost
 * message between two live, connected processes breaks their link instead, as a broken TCP
 * connection under libprocess: that message and every other one in flight between the two (both
 * directions) are dropped, and the {@link LinkListener} is told, so that both ends can observe
 * {@code exited} (see {@link Cluster#linkBroken}). Later messages go over a new connection, as
 * libprocess opens one on the next send. Across a partition, or to a dead process, the message is
 * only dropped (nobody is there to see a connection break). With {@link LossModel#MESSAGE} each lost
 * message vanishes alone and nobody notices.
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
  private final boolean linkLoss;
  private final int n;
  // FIFO bookkeeping for random latencies: last delivery time per link (open addressing).
  private long[] linkKeys;
  private long[] linkTimes;
  private int linkCount;
  // Link generations (unordered pair -> times broken), only for links that ever broke; a message
  // carries its link's generation at send and is dropped at delivery if the link broke since.
  private long[] genKeys;
  private int[] gens;
  private int genCount;
  private LinkListener listener;
  long sent;
  long dropped;
  /** Links broken by loss (LossModel.LINK). */
  long linksBroken;

  /** Told when a link between two live, connected processes breaks (now). */
  interface LinkListener {
    void linkBroken(int a, int b);
  }

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
    this.linkLoss = cfg.lossModel() == LossModel.LINK;
  }

  void onLinkBroken(LinkListener l) {
    this.listener = l;
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
      if (linkLoss && alive[to] && side[from] == side[to]) {
        breakLink(from, to);
      }
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
    if (!linkLoss) {
      sim.at(t, () -> deliver(from, to, inc, m));
    } else {
      int gen = generation(from, to);
      sim.at(t, () -> {
        if (generation(from, to) != gen) {
          dropped++; // sent before its link broke: lost with it
          return;
        }
        deliver(from, to, inc, m);
      });
    }
  }

  private void deliver(int from, int to, int inc, Message m) {
    if (!alive[to] || incarnation[to] != inc || side[from] != side[to]) {
      dropped++;
      return;
    }
    procs[to].receive(from, m);
  }

  /**
   * Breaks the link between {@code a} and {@code b} now: everything in flight between them, either
   * way, is dropped at its delivery time (counted there), and the listener is told.
   */
  void breakLink(int a, int b) {
    linksBroken++;
    long key = pairKey(a, b);
    if (genKeys == null) {
      genKeys = new long[64];
      Arrays.fill(genKeys, -1L);
      gens = new int[64];
    }
    int mask = genKeys.length - 1;
    int i = (int) (mix(key) & mask);
    while (genKeys[i] != -1L && genKeys[i] != key) {
      i = (i + 1) & mask;
    }
    if (genKeys[i] == -1L) {
      genKeys[i] = key;
      gens[i] = 1;
      if (++genCount * 2 > genKeys.length) {
        growGenerations();
      }
    } else {
      gens[i]++;
    }
    if (listener != null) {
      listener.linkBroken(a, b);
    }
  }

  /** How many times the link between {@code a} and {@code b} broke (0 if never). */
  int generation(int a, int b) {
    if (genCount == 0) {
      return 0;
    }
    long key = pairKey(a, b);
    int mask = genKeys.length - 1;
    int i = (int) (mix(key) & mask);
    while (true) {
      long k = genKeys[i];
      if (k == key) {
        return gens[i];
      }
      if (k == -1L) {
        return 0;
      }
      i = (i + 1) & mask;
    }
  }

  private long pairKey(int a, int b) {
    return a < b ? (long) a * n + b : (long) b * n + a;
  }

  private void growGenerations() {
    long[] ok = genKeys;
    int[] og = gens;
    genKeys = new long[ok.length * 2];
    Arrays.fill(genKeys, -1L);
    gens = new int[ok.length * 2];
    int mask = genKeys.length - 1;
    for (int j = 0; j < ok.length; j++) {
      if (ok[j] != -1L) {
        int i = (int) (mix(ok[j]) & mask);
        while (genKeys[i] != -1L) {
          i = (i + 1) & mask;
        }
        genKeys[i] = ok[j];
        gens[i] = og[j];
      }
    }
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
