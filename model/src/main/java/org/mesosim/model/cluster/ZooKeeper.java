package org.mesosim.model.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.mesosim.engine.SimTime;

/**
 * The ZooKeeper ensemble and Mesos' leader election on it ({@code src/zookeeper/group.cpp},
 * {@code src/master/contender/zookeeper.cpp}, {@code src/master/detector/zookeeper.cpp}).
 *
 * <p>Servers are network endpoints; the ensemble serves while a majority of servers is up. A
 * client (a master's contender) is connected while it is alive and can reach a majority of up
 * servers. Each contender holds a session; joining the group creates an ephemeral sequential
 * znode ({@code json.info_<seq>}). A session whose client stays disconnected for the session
 * timeout expires: the client learns it locally at that moment (the group reports no membership)
 * and, if the ensemble has quorum, the server deletes the znode then; without quorum the server
 * expires it one timeout after quorum returns. The leader is the member with the lowest sequence
 * number; every change of leader is reported to the detectors of masters, agents and frameworks
 * one base network latency later. A contender that cannot reach a quorum retries every 2 s
 * ({@code GroupProcess::RETRY_INTERVAL}).
 *
 * <p>Simplified: ZooKeeper operations take no time of their own; detectors of agents and
 * frameworks are not sessions (they learn each new leader when they can reach a quorum, or when
 * a partition that hid one heals).
 */
final class ZooKeeper {
  static final long RETRY_INTERVAL = 2 * SimTime.SECOND;

  private final Cluster c;
  final int servers;
  final int firstEp;
  final long sessionTimeout;
  private long nextSeq;
  private final TreeMap<Long, Session> group = new TreeMap<>();
  private final List<Session> sessions = new ArrayList<>();
  private Session leader;
  /** Election counter: how many times a member became leader. */
  private long elections;
  private boolean quorum = true;
  private boolean notifyPending;

  /** One client session of a master's contender. */
  final class Session {
    final Master owner;
    final int ownerIncarnation;
    long seq = -1;
    boolean connected = true;
    boolean clientExpired;
    boolean serverExpired;
    long expiryHandle = -1;

    Session(Master owner) {
      this.owner = owner;
      this.ownerIncarnation = c.net.incarnation(owner.ep);
    }
  }

  ZooKeeper(Cluster c, int servers, int firstEp, long sessionTimeout) {
    this.c = c;
    this.servers = servers;
    this.firstEp = firstEp;
    this.sessionTimeout = sessionTimeout;
  }

  /** Servers are plain endpoints with no message handlers of their own. */
  final class Server extends Process {
    Server(int ep, String name) {
      super(c, ep, name);
    }

    @Override
    void receive(int from, Message m) {}
  }

  boolean hasQuorum() {
    int up = 0;
    for (int i = 0; i < servers; i++) {
      if (c.net.alive(firstEp + i) && c.net.side(firstEp + i) == 0) {
        up++;
      }
    }
    return up * 2 > servers;
  }

  /** True if {@code ep} is alive and reaches a majority of up servers. */
  boolean reachesQuorum(int ep) {
    if (!c.net.alive(ep)) {
      return false;
    }
    int up = 0;
    for (int i = 0; i < servers; i++) {
      int z = firstEp + i;
      if (c.net.alive(z) && c.net.connected(ep, z)) {
        up++;
      }
    }
    return up * 2 > servers;
  }

  /** A master contends: joins the group if it can, else retries every 2 s. */
  void contend(Master m) {
    int inc = c.net.incarnation(m.ep);
    if (!m.alive()) {
      return;
    }
    if (!reachesQuorum(m.ep)) {
      c.sim.schedule(RETRY_INTERVAL, () -> {
        if (c.net.alive(m.ep) && c.net.incarnation(m.ep) == inc && m.session == null) {
          contend(m);
        }
      });
      return;
    }
    Session s = new Session(m);
    s.seq = nextSeq++;
    sessions.add(s);
    group.put(s.seq, s);
    m.session = s;
    groupChanged();
  }

  /** The current leader's session, or null. */
  Session leader() {
    return leader;
  }

  long elections() {
    return elections;
  }

  /**
   * The group's children changed: watchers are notified one base latency later and then read the
   * group as it is at that moment (several changes in between coalesce into one notification).
   */
  private void groupChanged() {
    if (notifyPending) {
      return;
    }
    notifyPending = true;
    c.sim.schedule(c.baseLatency, () -> {
      notifyPending = false;
      Map.Entry<Long, Session> first = group.firstEntry();
      Session l = first == null ? null : first.getValue();
      if (l == leader) {
        return;
      }
      leader = l;
      if (l != null) {
        elections++;
      }
      c.leaderDetected(l, elections);
    });
  }

  /**
   * Re-evaluates every session's connection after a fault (crash, restart, partition, heal). Cost
   * is O(sessions x servers), and only faults call it.
   */
  void reevaluate() {
    boolean q = hasQuorum();
    boolean regained = q && !quorum;
    quorum = q;
    for (int i = 0; i < sessions.size(); i++) {
      Session s = sessions.get(i);
      if (s.serverExpired) {
        continue;
      }
      boolean alive = c.net.alive(s.owner.ep) && c.net.incarnation(s.owner.ep) == s.ownerIncarnation;
      boolean conn = !s.clientExpired && alive && reachesQuorum(s.owner.ep);
      if (s.connected && !conn) {
        s.connected = false;
        s.expiryHandle = c.sim.schedule(sessionTimeout, () -> expire(s));
      } else if (!s.connected && conn) {
        c.sim.cancel(s.expiryHandle);
        s.expiryHandle = -1;
        s.connected = true;
      }
      if (regained && s.clientExpired && !s.serverExpired && s.expiryHandle == -1) {
        s.expiryHandle = c.sim.schedule(sessionTimeout, () -> expireOnServer(s));
      }
    }
    sessions.removeIf(s -> s.serverExpired);
  }

  private void expire(Session s) {
    s.expiryHandle = -1;
    if (!s.clientExpired) {
      s.clientExpired = true;
      boolean alive = c.net.alive(s.owner.ep) && c.net.incarnation(s.owner.ep) == s.ownerIncarnation;
      if (alive && s.owner.session == s) {
        s.owner.session = null;
        s.owner.lostCandidacy();
      }
    }
    if (hasQuorum()) {
      expireOnServer(s);
    }
  }

  private void expireOnServer(Session s) {
    s.expiryHandle = -1;
    if (s.serverExpired) {
      return;
    }
    s.serverExpired = true;
    s.clientExpired = true;
    group.remove(s.seq);
    sessions.remove(s);
    groupChanged();
  }
}
