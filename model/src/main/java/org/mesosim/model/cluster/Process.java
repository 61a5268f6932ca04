package org.mesosim.model.cluster;

/**
 * A libprocess process in the model: one network endpoint that receives {@link Message}s. Crashing
 * a process drops everything addressed to it; a restart is a new incarnation (messages sent to the
 * old one are dropped, as a broken TCP connection would).
 */
abstract class Process {
  final Cluster cluster;
  final int ep;
  final String name;
  /** Bumped when the process restarts; work scheduled by an earlier incarnation is dropped. */
  int incarnation;

  Process(Cluster cluster, int ep, String name) {
    this.cluster = cluster;
    this.ep = ep;
    this.name = name;
  }

  boolean alive() {
    return cluster.net.alive(ep);
  }

  void send(int to, Message m) {
    cluster.net.send(ep, to, m);
  }

  /**
   * Schedules {@code action} after {@code delay}; it does nothing if this process has restarted
   * (a new incarnation) by then, as a timer of a crashed libprocess process never fires.
   */
  long scheduleInThisIncarnation(long delay, Runnable action) {
    int inc = incarnation;
    return cluster.sim.schedule(delay, () -> {
      if (inc == incarnation) {
        action.run();
      }
    });
  }

  /** Delivers one message; {@code from} is the sender's endpoint. */
  abstract void receive(int from, Message m);

  @Override
  public String toString() {
    return name;
  }
}
