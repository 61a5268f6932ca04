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

  /** Delivers one message; {@code from} is the sender's endpoint. */
  abstract void receive(int from, Message m);

  @Override
  public String toString() {
    return name;
  }
}
