package org.mesosim.model;

import java.util.ArrayList;
import java.util.List;
import org.mesosim.engine.Simulation;
import org.mesosim.model.cluster.Cluster;
import org.mesosim.model.config.AgentGroup;
import org.mesosim.model.config.ModelConfig;
import org.mesosim.model.events.BackgroundDigest;
import org.mesosim.model.events.ModelObserver;

/**
 * A simulated Mesos cluster on a {@link Simulation}: ZooKeeper, masters (one leads), agents and
 * frameworks exchanging the Mesos protocol over a simulated network, with the configured
 * allocator, workloads and faults. See docs/mesos-model.md for what is modelled.
 *
 * <p>Typical driver: {@code cluster.start(); sim.runWhile(config.until(), () -> !cluster.isDrained());}
 */
public final class MesosCluster {
  private final Cluster cluster;
  private final ModelConfig config;

  public MesosCluster(Simulation sim, ModelConfig config) {
    this.config = config;
    this.cluster = new Cluster(sim, config);
  }

  /** Adds an observer of every model event (before {@link #start()}); the run digest is always fed first. */
  public void addObserver(ModelObserver o) {
    cluster.addObserver(o);
  }

  /**
   * Folds the run digest on a worker thread (the machine's other core) instead of the simulation's;
   * the same value. Call before {@link #start()}, and {@link BackgroundDigest#finish()} before
   * reading the simulation's digest.
   */
  public BackgroundDigest digestInBackground() {
    return cluster.digestInBackground();
  }

  /** Schedules the initial events: ZooKeeper, masters, agents, frameworks and faults. */
  public void start() {
    cluster.start();
  }

  /** O(1): every workload exhausted and every job ended (no task queued, staging or running). */
  public boolean isDrained() {
    return cluster.isDrained();
  }

  /**
   * The time of the last progress (a task launched or ended, a job arrived) while no task is live
   * and some framework still has work, else {@code SimTime.NEVER}; O(1). With tasks queued too
   * ({@link #queuedTasks()}), a run {@code until: drained} idle for long is stuck for good (see
   * SimulationRunner).
   */
  public long idleSince() {
    return cluster.idleSince();
  }

  /**
   * Why no master can ever be elected leader again (every master down for good, ZooKeeper without a
   * quorum for good), or null while one still could be. Once non-null it stays so. Not O(1): sample it.
   */
  public String leaderLostForGood() {
    return cluster.leaderLostForGood();
  }

  /** Each framework with tasks queued (waiting for offers), and how many, in framework order. */
  public java.util.Map<String, Integer> queuedTasks() {
    return cluster.queuedTasks();
  }

  /** True if some framework never runs out of work (an unbounded workload or a service scheduler). */
  public boolean anyEndlessWorkload() {
    return cluster.anyEndlessWorkload();
  }

  /** Total resources of all configured agents. */
  public Resources capacity() {
    return cluster.capacity();
  }

  /** Invariant violations reported so far (only counted with {@code checkInvariants}). */
  public long invariantViolations() {
    return cluster.invariantViolations();
  }

  /** Resource names of the agents, in output order. */
  public List<String> resourceNames() {
    List<String> names = new ArrayList<>();
    for (AgentGroup g : config.agents()) {
      names.addAll(g.resources().names());
    }
    return ResourceNames.outputOrder(names);
  }

  /**
   * The leading master's allocator once recovered, else null (read its
   * {@link org.mesosim.model.allocation.Allocator#metrics()}; never call its other methods).
   */
  public org.mesosim.model.allocation.Allocator leadingAllocator() {
    return cluster.leadingAllocator();
  }

  /** Mesos' oversubscription metrics of the leading master ({@code master/<r>_revocable_*}, {@code slave/executors_preempted}). */
  public java.util.SortedMap<String, Double> oversubscriptionMetrics() {
    return cluster.oversubscriptionMetrics();
  }

  /** Oversubscription counters: QoS kills, tasks launched on revocable resources, offers with revocable resources. */
  public long[] oversubscriptionCounts() {
    return new long[] {cluster.revocations(), cluster.revocableLaunches(), cluster.revocableOffers()};
  }

  /** Tasks launched so far (all attempts). */
  public long tasksLaunched() {
    return cluster.tasksLaunched();
  }

  /** Network messages sent so far. */
  /** Offers made by every leader so far (the stream's {@code offer} records). */
  public long offersMade() {
    return cluster.offersMade();
  }

  /** Launches the masters accepted so far (the stream's {@code launch} records). */
  public long launchesAccepted() {
    return cluster.launchesAccepted();
  }

  public long messagesSent() {
    return cluster.messagesSent();
  }

  /** The internal cluster (for tests and tools in the model's own packages). */
  public Cluster internal() {
    return cluster;
  }
}
